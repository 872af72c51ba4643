import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useId, useRef, useState } from 'react';
import { useTranslation } from '../i18n';
import { Link, useParams } from 'wouter';
import { api, query } from '../api/client';
import {
  actsFor,
  byId,
  partyLabel,
  roleAtLeast,
  useLocations,
  useMe,
  useParties,
  useUserNames,
} from '../api/hooks';
import {
  REPORT_KINDS,
  type Corridor,
  type EvacuationSummary,
  type Operation,
  type TimelineEvent,
  type User,
} from '../api/types';
import { LoadError, Loading, PageTitle, SourceLink, StatusBadge, When } from '../components/common';
import { CorridorBadge } from '../components/CorridorBadge';
import { Grade, GradeFilter, GradeLegend } from '../components/Grade';
import { EmbargoBadge, EmbargoLift } from '../components/Embargo';
import { ExportLinks } from '../components/ExportLinks';
import { DataTable, type Column } from '../components/DataTable';
import { CorridorFlags } from '../components/CorridorFlags';
import { Section } from '../components/Section';
import type { ReportEvent } from '../components/ReportCorrection';
import { WindowAxis } from '../components/WindowAxis';
import { formatCount, formatPeople, formatRange } from '../lib/format';
import { localName } from '../lib/places';
import { corridorPlaces, incidentMarkers, lonLat } from '../map/map-geometry';
import { formatWhen, whenParts } from '../lib/time';

const CorridorMap = lazy(() => import('../components/CorridorMap'));

const CorridorManage = lazy(() => import('../components/CorridorManage'));

const ReportCorrection = lazy(() => import('../components/ReportCorrection'));

// The label of each corridor field an edit can change, as the forms name it.
const FIELD_LABEL: Record<string, string> = {
  name: 'corridor.name',
  originId: 'corridor.origin',
  destinationId: 'corridor.destination',
  announcedById: 'corridor.announcedBy',
  announcedAt: 'corridor.announcedAt',
  timezone: 'corridor.timezone',
  requiredConfirmationIds: 'corridor.required',
  sourceUrl: 'form.sourceUrl',
  sourceNote: 'form.sourceNote',
  route: 'routeEditor.legend',
};

const isReport = (kind: string | undefined) => (REPORT_KINDS as readonly string[]).includes(kind ?? '');

/**
 * Whether the signed-in person may correct this report, as the server's policy allows: admins any; others only
 * their own organisation's, reporters and up (coordinators for a confirmation).
 */
function mayCorrect(user: User | undefined, event: TimelineEvent): event is ReportEvent {
  if (!isReport(event.kind) || event.version === undefined) return false;
  const least = event.kind === 'confirmation' ? 'coordinator' : 'reporter';
  return roleAtLeast(user, least) && actsFor(user, event.organisationId);
}

/** The names of the fields an edit changed: a corridor's as its form names them, a report's as the timeline does. */
function changedFields(event: TimelineEvent, t: (key: string) => string): string {
  return (event.changes ?? [])
    .map(({ field }) => {
      if (!isReport(event.entity)) return FIELD_LABEL[field] ? t(FIELD_LABEL[field]) : field;
      const label = t(`timeline.field.${field}`);
      return label === `timeline.field.${field}` ? field : label;
    })
    .join(', ');
}

/** What the event says beyond its kind, in the reader's language, from the timeline's own fields. */
function EventDetail({ event, placeName }: { event: TimelineEvent; placeName: (id: string) => string }) {
  const { t } = useTranslation();
  switch (event.kind) {
    case 'confirmation':
      return event.stance ? <>{t(`stance.${event.stance}`)}</> : null;
    case 'incident':
      return event.incidentKind ? <>{t(`incidentKind.${event.incidentKind}`)}</> : null;
    case 'evacuation':
      return (
        <>
          {event.category && !event.count ? t(`category.${event.category}`) : null}
          {event.arrivedAtId
            ? ` · ${t('timeline.arrivedAt', { place: placeName(event.arrivedAtId) })}`
            : null}
        </>
      );
    case 'flag':
      return event.flagRule ? (
        <>
          {event.flagSeverity ? (
            <span className={`badge badge-${event.flagSeverity}`}>{t(`severity.${event.flagSeverity}`)}</span>
          ) : null}{' '}
          {t(`rule.${event.flagRule}`)}
          {event.flagEvent ? ` — ${t(`timeline.flagEvent.${event.flagEvent}`)}` : null}
        </>
      ) : null;
    case 'edit':
      if (!event.changes?.length) return null;
      // A report is corrected, not edited: what its source said stays on record, the entry is put right.
      return isReport(event.entity) ? (
        <>{t(`timeline.corrected.${event.entity}`, { fields: changedFields(event, t) })}</>
      ) : (
        <>{t('timeline.changed', { fields: changedFields(event, t) })}</>
      );
    default:
      return null;
  }
}

/** "Correct" under a report; its form, a chunk of its own, loads once opened. */
function CorrectReport({ corridor, event }: { corridor: Corridor; event: ReportEvent }) {
  const { t, i18n } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const [isSaved, setSaved] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const formId = useId();
  const close = (saved: boolean) => {
    setOpen(false);
    setSaved(saved);
    button.current?.focus();
  };
  return (
    <>
      <div className="event-actions">
        <button
          ref={button}
          type="button"
          aria-expanded={isOpen}
          aria-controls={isOpen ? formId : undefined}
          onClick={() => {
            setSaved(false);
            setOpen(!isOpen);
          }}
          data-testid="correct-report"
        >
          {t('correct.button')}
          <span className="visually-hidden">
            {' '}
            {t('correct.which', {
              kind: t(`timeline.kind.${event.kind}`),
              at: formatWhen(whenParts(event.at, corridor.placeTimezone, i18n.language), t('when.yours')),
            })}
          </span>
        </button>
        <span role="status" className="small" data-testid="correction-saved">
          {isSaved ? t('correct.saved') : ''}
        </span>
      </div>
      {isOpen ? (
        <Suspense fallback={<Loading />}>
          <ReportCorrection id={formId} corridor={corridor} event={event} onClose={close} />
        </Suspense>
      ) : null}
    </>
  );
}

type CorridorWindow = Corridor['windows'][number];

/** The corridor's windows, in order, each with its deadline, every required party's stance and its flags. */
function WindowTable({ corridor: c, partyName }: { corridor: Corridor; partyName: (id: string) => string }) {
  const { t } = useTranslation();
  const columns: Column<CorridorWindow>[] = [
    { id: 'number', header: '#', accessorFn: (_w, index) => index + 1 },
    {
      accessorKey: 'startsAt',
      header: t('window.startsAt'),
      cell: ({ row }) => <When at={row.original.startsAt} zone={c.placeTimezone} />,
    },
    {
      accessorKey: 'endsAt',
      header: t('window.endsAt'),
      cell: ({ row }) =>
        row.original.endsAt ? <When at={row.original.endsAt} zone={c.placeTimezone} /> : t('window.noEnd'),
    },
    {
      id: 'deadline',
      header: t('window.deadline'),
      accessorFn: (w) => w.confirmationState.deadlineAt,
      cell: ({ row }) => <When at={row.original.confirmationState.deadlineAt} zone={c.placeTimezone} />,
    },
    {
      id: 'confirmation',
      header: t('window.confirmation'),
      accessorFn: (w) => w.confirmationState.status,
      cell: ({ row: { original: w } }) => (
        <>
          <StatusBadge status={w.confirmationState.status} kind="confirmationState" />
          <ul className="plain parties">
            {c.requiredConfirmationIds.map((pid) => {
              const state = w.confirmationState.parties.find((p) => p.partyId === pid);
              return (
                <li key={pid}>
                  {partyName(pid)}: <StatusBadge status={state?.stance ?? 'none'} kind="stance" />
                  {state?.stance && !state.isInTime ? (
                    <span className="muted"> ({t('window.late')})</span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      ),
    },
    {
      id: 'flags',
      header: t('nav.flags'),
      accessorFn: (w) => (w.flags ?? []).length,
      cell: ({ row: { original: w } }) =>
        (w.flags ?? []).length === 0
          ? '—'
          : w.flags?.map((f) => (
              <span key={f.id} className={`badge badge-${f.severity}`}>
                {t(`rule.${f.rule}`)}
              </span>
            )),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={c.windows}
      rowId={(w) => w.id}
      label={t('corridor.windows')}
      testId="window-table"
    />
  );
}

export default function CorridorPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const me = useMe();
  const corridor = useQuery({ queryKey: ['corridor', id], queryFn: () => api<Corridor>(`/corridors/${id}`) });
  const timeline = useQuery({
    queryKey: ['corridor', id, 'timeline'],
    queryFn: () => api<{ events: TimelineEvent[] }>(`/corridors/${id}/timeline`),
  });
  const [minGrade, setMinGrade] = useState('');
  const summary = useQuery({
    queryKey: ['corridor', id, 'summary', minGrade],
    queryFn: () => api<EvacuationSummary>(`/corridors/${id}/evacuations/summary${query({ minGrade })}`),
    placeholderData: keepPreviousData,
  });
  const operationId = corridor.data?.operationId;
  const operation = useQuery({
    queryKey: ['operation', operationId],
    queryFn: () => api<Operation>(`/operations/${operationId}`),
    enabled: Boolean(operationId),
  });
  const parties = useParties();
  const locations = useLocations();
  const users = useUserNames(me.data?.role === 'admin');
  const partyById = byId(parties.data);
  const locationById = byId(locations.data);

  // Shown whole once what its upper part reads has arrived (read in parallel), not piece by piece: nothing the
  // reader is looking at moves down as a later answer fills in (layout shift). The timeline fills in below.
  const isWaiting =
    corridor.isPending ||
    summary.isPending ||
    parties.isPending ||
    locations.isPending ||
    (Boolean(operationId) && operation.isPending);
  if (isWaiting) return <Loading />;
  if (!corridor.data) return <LoadError error={corridor.error} />;
  const c = corridor.data;
  const origin = locationById.get(c.originId);
  const destination = c.destinationId ? locationById.get(c.destinationId) : undefined;
  const stops = (c.stopIds ?? []).map((stopId) => locationById.get(stopId));
  const placeName = (id: string) => localName(locationById.get(id), i18n.language) ?? '…';
  const nameOf = (place: { id: string; name: string }) => placeName(place.id);
  // The way (the drawn route, else through the stops in order) and the places with a known position.
  const { way, pins } = corridorPlaces(c.route?.coordinates.map(lonLat), origin, stops, destination, nameOf);
  const incidents = incidentMarkers(
    (timeline.data?.events ?? []).filter((event) => event.kind === 'incident'),
    locationById,
    nameOf,
  );
  const who = (userId: string | null) => {
    if (!userId) return t('timeline.system');
    if (userId === me.data?.id) return me.data.displayName;
    return users.data?.get(userId) ?? `${t('timeline.user')} ${userId.slice(-6)}`;
  };
  const windowIndex = new Map(c.windows.map((w, i) => [w.id, i + 1]));

  return (
    <div className="page corridor">
      <p className="crumbs">
        <Link to="/corridors">{t('nav.corridors')}</Link>
      </p>
      <PageTitle>{c.name}</PageTitle>
      <p>
        <CorridorBadge status={c.status} promise={c.promise} />{' '}
        <EmbargoBadge embargo={c.embargo} zone={c.placeTimezone} /> {localName(origin, i18n.language) ?? '…'}{' '}
        → {destination ? placeName(destination.id) : t('corridor.anyDirection')}
      </p>
      <EmbargoLift
        corridor={c}
        user={me.data}
        isHeld={
          Boolean(c.embargo?.isInForce) || (timeline.data?.events ?? []).some((e) => e.embargo?.isInForce)
        }
      />
      {c.operationId ? (
        <p data-testid="corridor-operation">
          {t('corridor.stageOf')}{' '}
          <Link to={`/operations/${c.operationId}`}>{operation.data?.name ?? t('corridor.operation')}</Link>
        </p>
      ) : null}
      <Section id="summary-title" title={t('summary.titleAndFlags')} testId="section-figures">
        <GradeFilter value={minGrade} onChange={setMinGrade} />
        {minGrade ? (
          <p className="small" data-testid="summary-min-grade">
            {t('grade.filtered', { grade: minGrade })}
          </p>
        ) : null}
        {summary.isPending ? <Loading /> : <LoadError error={summary.error} />}
        {summary.data ? (
          <>
            <p className="big-figure" data-testid="summary-total">
              {formatRange(summary.data.total?.low, summary.data.total?.high, i18n.language)}{' '}
              <span className="muted">{t('summary.people')}</span>
            </p>
            {(summary.data.windows ?? []).map((group) => (
              <div key={group.windowId ?? 'none'} className="claims">
                <h3>
                  {group.windowId
                    ? t('summary.window', { n: windowIndex.get(group.windowId) ?? '?' })
                    : t('summary.noWindow')}
                  : {formatRange(group.low, group.high, i18n.language)}
                </h3>
                <ul className="plain">
                  {group.bySource.map((claim) => (
                    <li key={claim.sourcePartyId + claim.reportedAt}>
                      <strong>{partyLabel(partyById.get(claim.sourcePartyId))}</strong>:{' '}
                      {formatCount(claim.count, t, i18n.language)}
                      <Grade reliability={claim.sourceReliability} credibility={claim.credibility} />{' '}
                      <span className="muted">
                        (<When at={claim.reportedAt} zone={c.placeTimezone} />)
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
            <GradeLegend />
          </>
        ) : null}
        <h3>{t('nav.flags')}</h3>
        <CorridorFlags corridor={c} />
      </Section>

      <nav aria-label={t('report.title')} className="report-links">
        {REPORT_KINDS.map((kind) => (
          <Link key={kind} className="button" to={`/corridors/${c.id}/report/${kind}`}>
            {t(`report.kind.${kind}`)}
          </Link>
        ))}
      </nav>

      <Section id="windows-title" title={t('corridor.windows')} testId="section-windows">
        <WindowAxis windows={c.windows} zone={c.placeTimezone} />
        <WindowTable corridor={c} partyName={(id) => partyLabel(partyById.get(id))} />
      </Section>

      <Section id="map-heading" title={t('map.heading')} testId="section-map">
        {pins.length > 0 ? (
          <Suspense fallback={<div className="map-frame" />}>
            <CorridorMap way={way} pins={pins} incidents={incidents} />
          </Suspense>
        ) : locations.isPending ? (
          <div className="map-frame" />
        ) : (
          <p className="muted">{t('map.noPositions')}</p>
        )}
      </Section>

      <Section id="timeline-title" title={t('timeline.title')} open="wide" testId="section-timeline">
        {timeline.isPending ? <Loading /> : <LoadError error={timeline.error} />}
        <ol className="timeline" data-testid="timeline">
          {timeline.data?.events.map((event) => {
            // A report keeps its element when a correction moves its time: its "saved" status and the focus stay.
            const key = isReport(event.kind) ? event.recordId : `${event.kind}-${event.recordId}-${event.at}`;
            return (
              <li key={key} className={`event event-${event.kind}`}>
                <div className="event-head">
                  <span className={`badge kind-${event.kind}`}>{t(`timeline.kind.${event.kind}`)}</span>{' '}
                  <When at={event.at} zone={c.placeTimezone} />
                  <Grade reliability={event.sourceReliability} credibility={event.credibility} />{' '}
                  <EmbargoBadge embargo={event.embargo} zone={c.placeTimezone} />
                </div>
                <p>
                  {event.count ? (
                    <strong>{formatPeople(event.count, event.category, t, i18n.language)} </strong>
                  ) : null}
                  <EventDetail event={event} placeName={placeName} />
                  {event.kind === 'window' && event.endsAt ? (
                    <>
                      {' '}
                      {t('timeline.until')} <When at={event.endsAt} zone={c.placeTimezone} />
                    </>
                  ) : null}
                </p>
                {event.note ? <blockquote className="note">{event.note}</blockquote> : null}
                <p className="small muted">
                  {event.sourcePartyId ? `${partyLabel(partyById.get(event.sourcePartyId))} · ` : ''}
                  <SourceLink url={event.sourceUrl} /> ·{' '}
                  {t('timeline.enteredBy', { name: who(event.enteredById) })}
                </p>
                {mayCorrect(me.data, event) ? <CorrectReport corridor={c} event={event} /> : null}
              </li>
            );
          })}
        </ol>
      </Section>

      <Section id="about-title" title={t('corridor.about')} open="wide" testId="section-about">
        <ExportLinks filter={{ corridorId: c.id }} />
        <p>
          <Link to={`/feeds${query({ corridorId: c.id, name: c.name })}`}>{t('exports.feed')}</Link>
        </p>
        <dl className="facts">
          <div>
            <dt>{t('corridor.announcedBy')}</dt>
            <dd>{partyLabel(partyById.get(c.announcedById))}</dd>
          </div>
          <div>
            <dt>{t('corridor.announcedAt')}</dt>
            <dd>
              <When at={c.announcedAt} zone={c.placeTimezone} />
            </dd>
          </div>
          <div>
            <dt>{t('corridor.timezone')}</dt>
            <dd>{c.timezone}</dd>
          </div>
          {stops.length ? (
            <div>
              <dt>{t('corridor.stops')}</dt>
              <dd data-testid="corridor-stops">{(c.stopIds ?? []).map(placeName).join(' → ')}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('corridor.required')}</dt>
            <dd>{c.requiredConfirmationIds.map((p) => partyLabel(partyById.get(p))).join(', ') || '—'}</dd>
          </div>
          <div>
            <dt>{t('corridor.evacuated')}</dt>
            <dd>{formatRange(c.evacuation?.low, c.evacuation?.high, i18n.language)}</dd>
          </div>
          <div>
            <dt>{t('common.source')}</dt>
            <dd>
              <SourceLink url={c.sourceUrl} />
            </dd>
          </div>
        </dl>
        {c.cancelReason ? (
          <p className="notice">{t('corridor.cancelled', { reason: c.cancelReason })}</p>
        ) : null}
      </Section>

      {roleAtLeast(me.data, 'reporter') ? (
        // Folded on a phone: its forms (and their chunk) load when it is opened.
        <Section id="manage-title" title={t('manage.title')} open="wide" testId="section-manage">
          <Suspense fallback={<Loading />}>
            <CorridorManage corridor={c} />
          </Suspense>
        </Section>
      ) : null}
    </div>
  );
}
