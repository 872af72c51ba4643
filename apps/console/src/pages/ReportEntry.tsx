import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from '../i18n';
import { Link, useLocation, useParams } from 'wouter';
import { api, query } from '../api/client';
import { partyLabel, useLocations, useParties, byId } from '../api/hooks';
import { REPORT_KINDS, type Corridor, type CorridorListItem, type Page, type ReportKind } from '../api/types';
import { PageTitle, RecordOptions, When } from '../components/common';
import { emptyCount, toCount, type CountDraft } from '../components/CountInput';
import { EmbargoField, NO_EMBARGO_DRAFT, toEmbargo, type EmbargoDraft } from '../components/Embargo';
import { ReportFields, type ReportFieldValues } from '../components/ReportFields';
import { SubmissionStatus } from '../components/PendingSubmissions';
import { submissionQueue, useSubmission } from '../lib/queue-instance';
import { instantForInput, viewerZone } from '../lib/time';

/** Now, as a datetime-local value in `zone`. */
const nowIn = (zone: string) => instantForInput(new Date().toISOString(), zone);

type Fields = ReportFieldValues;

/** Quick report entry, made for a phone: pick the corridor and the kind, fill a few fields, send. */
export default function ReportEntry() {
  const [, navigate] = useLocation();
  const params = useParams();
  const corridorId = params.id ?? '';
  const kind = (REPORT_KINDS as readonly string[]).includes(params.kind ?? '')
    ? (params.kind as ReportKind)
    : null;

  if (!corridorId || !kind)
    return (
      <PickCorridor corridorId={corridorId} onPick={(id, k) => navigate(`/corridors/${id}/report/${k}`)} />
    );
  return <ReportForm key={`${corridorId}-${kind}`} corridorId={corridorId} kind={kind} />;
}

function PickCorridor({
  corridorId,
  onPick,
}: {
  corridorId: string;
  onPick: (id: string, kind: ReportKind) => void;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState(corridorId);
  const [kind, setKind] = useState<ReportKind>('evacuation');
  const list = useQuery({
    queryKey: ['corridors', 'list', { forReport: true }],
    queryFn: () => api<Page<CorridorListItem>>(`/corridors${query({ limit: 100 })}`),
  });
  return (
    <div className="page form-page">
      <PageTitle>{t('report.title')}</PageTitle>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (picked) onPick(picked, kind);
        }}
      >
        <label>
          <span>{t('report.corridor')}</span>
          <select value={picked} onChange={(e) => setPicked(e.target.value)} required>
            <option value="">{t('form.choose')}</option>
            <RecordOptions records={list.data?.items} />
          </select>
        </label>
        <fieldset>
          <legend>{t('report.what')}</legend>
          <div className="checks">
            {REPORT_KINDS.map((k) => (
              <label key={k} className="chip">
                <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                {t(`report.kind.${k}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="primary">
          {t('report.continue')}
        </button>
      </form>
    </div>
  );
}

function ReportForm({ corridorId, kind }: { corridorId: string; kind: ReportKind }) {
  const { t } = useTranslation();
  const corridor = useQuery({
    queryKey: ['corridor', corridorId],
    queryFn: () => api<Corridor>(`/corridors/${corridorId}`),
  });
  const parties = useParties();
  const locations = useLocations();
  const partyById = byId(parties.data);
  const [count, setCount] = useState<CountDraft>(emptyCount);
  const [countError, setCountError] = useState<string | undefined>();
  const [embargo, setEmbargo] = useState<EmbargoDraft>(NO_EMBARGO_DRAFT);
  const [embargoError, setEmbargoError] = useState<ReturnType<typeof toEmbargo>['error']>();
  const [key, setKey] = useState<string | null>(null);
  const submission = useSubmission(key);
  const zoneHintId = useId();
  const c = corridor.data;
  // Times are read in the zone of the corridor's place, as in the correction form; the viewer's until it is known.
  const zone = c?.placeTimezone ?? viewerZone();
  const {
    register,
    handleSubmit,
    reset,
    setValue,
    getFieldState,
    formState: { errors },
  } = useForm<Fields>({
    defaultValues: {
      at: nowIn(zone),
      stance: 'confirmed',
      category: 'civilians',
      incidentKind: 'shelling',
    },
  });
  useEffect(() => {
    // The corridor arrived with its place's zone: "now" there, unless a time was typed already.
    if (!getFieldState('at').isDirty) setValue('at', nowIn(zone));
  }, [zone, getFieldState, setValue]);
  const partyChoices =
    kind === 'confirmation' && c?.requiredConfirmationIds.length
      ? c.requiredConfirmationIds.map((id) => partyById.get(id)).filter((p) => p !== undefined)
      : (parties.data ?? []);

  function onSubmit(fields: Fields) {
    const needsCount = kind === 'evacuation' || kind === 'remaining';
    const parsed = needsCount ? toCount(count) : {};
    setCountError(parsed.error);
    const held = toEmbargo(embargo);
    setEmbargoError(held.error);
    if (parsed.error || held.error) return;
    // A local time with the zone it was read in: the server reads it there, as the hint under the field says.
    const at = fields.at;
    // A field the kind does not show (an incident has no note) is absent, not empty.
    const sourceUrl = (fields.sourceUrl ?? '').trim();
    const noteText = (fields.note ?? '').trim();
    const source = sourceUrl ? { sourceUrl } : {};
    const note = noteText ? { note: noteText } : {};
    let body: Record<string, unknown>;
    let path: string;
    switch (kind) {
      case 'confirmation':
        path = 'confirmations';
        body = { partyId: fields.partyId, stance: fields.stance, statedAt: at, ...source, ...note };
        break;
      case 'evacuation':
        path = 'evacuations';
        body = {
          sourcePartyId: fields.partyId,
          reportedAt: at,
          count: parsed.count,
          category: fields.category,
          ...(fields.windowId ? { windowId: fields.windowId } : {}),
          ...(fields.arrivedAtId ? { arrivedAtId: fields.arrivedAtId } : {}),
          ...source,
          ...note,
        };
        break;
      case 'remaining':
        path = 'remaining';
        body = { sourcePartyId: fields.partyId, reportedAt: at, count: parsed.count, ...source, ...note };
        break;
      case 'incident':
        path = 'incidents';
        body = {
          kind: fields.incidentKind,
          occurredAt: at,
          description: fields.description.trim(),
          ...(fields.partyId ? { sourcePartyId: fields.partyId } : {}),
          ...source,
        };
        break;
    }
    body.timezone = zone;
    if (held.embargo) body.embargo = held.embargo;
    const queued = submissionQueue().enqueue({
      path: `/corridors/${corridorId}/${path}`,
      body,
      corridorId,
      label: t('report.label', { kind: t(`report.kind.${kind}`), corridor: c?.name ?? '' }),
    });
    setKey(queued.idempotencyKey);
    reset({ ...fields, note: '', description: '', at: nowIn(zone) });
    setCount(emptyCount);
    setEmbargo(NO_EMBARGO_DRAFT);
  }

  return (
    <div className="page form-page">
      <p className="crumbs">
        <Link to={`/corridors/${corridorId}`}>{c?.name ?? t('nav.corridors')}</Link>
      </p>
      <PageTitle>{t(`report.kind.${kind}`)}</PageTitle>
      <nav aria-label={t('report.what')} className="report-links">
        {REPORT_KINDS.filter((k) => k !== kind).map((k) => (
          <Link key={k} to={`/corridors/${corridorId}/report/${k}`}>
            {t(`report.kind.${k}`)}
          </Link>
        ))}
      </nav>
      <form onSubmit={handleSubmit(onSubmit)} noValidate className="stack" data-testid={`report-${kind}`}>
        <ReportFields
          kind={kind}
          register={register}
          errors={errors}
          parties={partyChoices}
          places={locations.data}
          windows={c?.windows ?? []}
          zone={zone}
          zoneHintId={zoneHintId}
          count={count}
          onCountChange={setCount}
          countError={countError}
        />
        <EmbargoField value={embargo} onChange={setEmbargo} error={embargoError} />
        <button type="submit" className="primary">
          {t('report.submit')}
        </button>
        <SubmissionStatus submission={submission} />
        {submission?.state === 'stored' ? (
          <p>
            <Link to={`/corridors/${corridorId}`}>{t('report.backToCorridor')}</Link>
          </p>
        ) : null}
      </form>
      {c ? (
        <p className="small muted">
          {t('corridor.firstWindow')}: <When at={c.windows[0]?.startsAt} zone={c.placeTimezone} /> ·{' '}
          {t('corridor.announcedBy')}: {partyLabel(partyById.get(c.announcedById))}
        </p>
      ) : null}
    </div>
  );
}
