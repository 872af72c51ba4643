import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { api, ApiError } from '../api/client';
import { byId, useLocations, useParties } from '../api/hooks';
import {
  type Corridor,
  type Count,
  type Location,
  type Party,
  type ReportKind,
  type TimelineEvent,
} from '../api/types';
import { useTranslation } from '../i18n';
import { instantForInput } from '../lib/time';
import { LoadError, Loading } from './common';
import { emptyCount, toCount, type CountDraft } from './CountInput';
import { ReportFields, type ReportFieldValues } from './ReportFields';

/** A report as the timeline shows it: its kind, and the version a correction names. */
export type ReportEvent = TimelineEvent & { kind: ReportKind; version: number };

type Fields = ReportFieldValues;

const PATH: Record<ReportKind, string> = {
  confirmation: 'confirmations',
  evacuation: 'evacuations',
  remaining: 'remaining',
  incident: 'incidents',
};

// Each kind's fields under the API's names; an optional one emptied is sent as null, which clears it.
const FIELDS: Record<ReportKind, [name: string, field: keyof Fields, isOptional?: boolean][]> = {
  confirmation: [
    ['partyId', 'partyId'],
    ['stance', 'stance'],
    ['statedAt', 'at'],
    ['sourceUrl', 'sourceUrl', true],
    ['note', 'note', true],
  ],
  evacuation: [
    ['windowId', 'windowId', true],
    ['sourcePartyId', 'partyId'],
    ['reportedAt', 'at'],
    ['category', 'category'],
    ['arrivedAtId', 'arrivedAtId', true],
    ['sourceUrl', 'sourceUrl', true],
    ['note', 'note', true],
  ],
  remaining: [
    ['sourcePartyId', 'partyId'],
    ['reportedAt', 'at'],
    ['sourceUrl', 'sourceUrl', true],
    ['note', 'note', true],
  ],
  incident: [
    ['kind', 'incidentKind'],
    ['occurredAt', 'at'],
    ['description', 'description'],
    ['sourcePartyId', 'partyId', true],
    ['sourceUrl', 'sourceUrl', true],
  ],
};

/** The report's current values as the form shows them, its time in `zone`. */
function fieldsOf(event: TimelineEvent, zone: string): Fields {
  const isIncident = event.kind === 'incident';
  return {
    partyId: event.sourcePartyId ?? '',
    stance: event.stance ?? 'confirmed',
    at: instantForInput(event.at, zone),
    windowId: event.windowId ?? '',
    category: event.category ?? 'civilians',
    arrivedAtId: event.arrivedAtId ?? '',
    incidentKind: event.incidentKind ?? 'other',
    // An incident's own words are its description; the timeline carries them as its note.
    description: isIncident ? (event.note ?? '') : '',
    sourceUrl: event.sourceUrl ?? '',
    note: isIncident ? '' : (event.note ?? ''),
  };
}

function countOf(count: Count | undefined): CountDraft {
  if (!count) return emptyCount;
  return { qualifier: count.qualifier, value: String(count.value), max: count.max?.toString() ?? '' };
}

const sameCount = (a: Count | undefined, b: Count | undefined) =>
  a?.qualifier === b?.qualifier && a?.value === b?.value && (a?.max ?? null) === (b?.max ?? null);

/** Only what differs from the report as read; a time is sent as local time with the zone it was read in. */
function changesOf(kind: ReportKind, was: Fields, now: Fields, zone: string): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, field, isOptional] of FIELDS[kind]) {
    const value = now[field].trim();
    if (value === was[field].trim()) continue;
    body[name] = value === '' && isOptional ? null : value;
    if (field === 'at') body.timezone = zone;
  }
  return body;
}

const isStale = (error: unknown) =>
  error instanceof ApiError && error.status === 409 && /stale-version$/.test(error.problem?.type ?? '');
const isGone = (error: unknown) => error instanceof ApiError && error.status === 404;

interface Props {
  id: string;
  corridor: Corridor;
  event: ReportEvent;
  onClose: (isSaved: boolean) => void;
}

/** The form once the lists it picks from have arrived: a select filled before its options would show empty. */
export default function ReportCorrection(props: Props) {
  const parties = useParties();
  const locations = useLocations();
  if (parties.isPending || locations.isPending) return <Loading />;
  return (
    <>
      <CorrectionForm {...props} parties={parties.data ?? []} places={locations.data ?? []} />
      <RetractionForm {...props} />
    </>
  );
}

/**
 * Withdrawing the report, with the reason: a deliberate second step under the correction, for a report that
 * should never have stood. It stops counting; the timeline keeps what it said and why it went.
 */
function RetractionForm({ corridor, event, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const hintId = useId();
  const [isMissing, setMissing] = useState(false);
  const retract = useMutation({
    mutationFn: (reason: string) =>
      api<unknown>(`/corridors/${corridor.id}/${PATH[event.kind]}/${event.recordId}/retract`, {
        method: 'POST',
        body: { version: event.version, reason },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['corridor', corridor.id] });
      void queryClient.invalidateQueries({ queryKey: ['corridors'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      onClose(false);
    },
  });

  function onSubmit(submitted: FormEvent<HTMLFormElement>) {
    submitted.preventDefault();
    const reason = String(new FormData(submitted.currentTarget).get('reason') ?? '').trim();
    setMissing(!reason);
    if (reason) retract.mutate(reason);
  }

  return (
    <details className="correction" data-testid="retraction">
      <summary>{t('retract.open')}</summary>
      <form className="stack" onSubmit={onSubmit} noValidate>
        <p className="small muted" id={hintId}>
          {t('retract.hint')}
        </p>
        <label>
          <span>{t('retract.reason')}</span>
          <textarea
            name="reason"
            rows={2}
            required
            maxLength={2000}
            aria-describedby={hintId}
            aria-invalid={isMissing || undefined}
          />
        </label>
        {isMissing ? <p className="field-error">{t('form.required')}</p> : null}
        <button type="submit" className="danger" disabled={retract.isPending}>
          {t('retract.submit')}
        </button>
        {isStale(retract.error) ? (
          <p className="notice" role="alert">
            {t('correct.stale')}
          </p>
        ) : (
          <LoadError error={retract.error} />
        )}
      </form>
    </details>
  );
}

/**
 * The correction of one report, prefilled with what it says now and sent with the version read: only the fields
 * changed travel, so someone else's correction in between is refused (409), never silently undone.
 */
function CorrectionForm({
  id,
  corridor,
  event,
  onClose,
  parties,
  places,
}: Props & { parties: Party[]; places: Location[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const zone = corridor.placeTimezone;
  const kind = event.kind;
  const hasCount = kind === 'evacuation' || kind === 'remaining';
  const [base, setBase] = useState<ReportEvent>(event);
  const [count, setCount] = useState<CountDraft>(() => countOf(event.count));
  const [countError, setCountError] = useState<string | undefined>();
  const [isUnchanged, setUnchanged] = useState(false);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<Fields>({ defaultValues: fieldsOf(event, zone) });

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api<unknown>(`/corridors/${corridor.id}/${PATH[kind]}/${base.recordId}`, { method: 'PATCH', body }),
    onSuccess: () => {
      // The corridor, its timeline and its figures: a corrected count or stance changes all three.
      void queryClient.invalidateQueries({ queryKey: ['corridor', corridor.id] });
      void queryClient.invalidateQueries({ queryKey: ['corridors'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      onClose(true);
    },
  });

  async function reload() {
    void queryClient.invalidateQueries({ queryKey: ['corridor', corridor.id] });
    const timeline = await queryClient.fetchQuery({
      queryKey: ['corridor', corridor.id, 'timeline'],
      queryFn: () => api<{ events: TimelineEvent[] }>(`/corridors/${corridor.id}/timeline`),
      staleTime: 0,
    });
    const current = timeline.events.find((e) => e.kind === kind && e.recordId === base.recordId);
    save.reset();
    // Retracted meanwhile: the report has left the timeline, and its form with it.
    if (current?.version === undefined) return onClose(false);
    setBase({ ...current, kind, version: current.version });
    reset(fieldsOf(current, zone));
    setCount(countOf(current.count));
    setCountError(undefined);
  }

  function onSubmit(fields: Fields) {
    const parsed = hasCount ? toCount(count) : {};
    setCountError(parsed.error);
    if (parsed.error) return;
    const body = changesOf(kind, fieldsOf(base, zone), fields, zone);
    if (hasCount && !sameCount(parsed.count, base.count)) body.count = parsed.count;
    setUnchanged(Object.keys(body).length === 0);
    if (Object.keys(body).length > 0) save.mutate({ ...body, version: base.version });
  }

  const partyById = byId(parties);
  // A confirmation comes from a party whose confirmation the corridor needs, or the one it names now.
  const partyChoices =
    kind === 'confirmation' && corridor.requiredConfirmationIds.length
      ? [...new Set([...corridor.requiredConfirmationIds, base.sourcePartyId ?? ''])]
          .map((partyId) => partyById.get(partyId))
          .filter((p) => p !== undefined)
      : parties;
  const zoneHint = `${id}-zone`;
  return (
    <form
      id={id}
      className="stack correction"
      onSubmit={handleSubmit(onSubmit)}
      onInput={() => setUnchanged(false)}
      noValidate
      aria-label={t('correct.title', { kind: t(`timeline.kind.${kind}`) })}
      data-testid="correction-form"
    >
      <ReportFields
        kind={kind}
        register={register}
        errors={errors}
        parties={partyChoices}
        places={places}
        windows={corridor.windows}
        zone={zone}
        count={count}
        onCountChange={(next) => {
          setUnchanged(false);
          setCount(next);
        }}
        countError={countError}
        zoneHintId={zoneHint}
      />

      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('correct.submit')}
        </button>
        <button type="button" onClick={() => onClose(false)}>
          {t('correct.close')}
        </button>
      </div>
      {isUnchanged ? (
        <p role="status" data-testid="correction-unchanged">
          {t('correct.noChange')}
        </p>
      ) : null}
      {isStale(save.error) || isGone(save.error) ? (
        <div className="notice" role="alert" data-testid="correction-stale">
          <p>{t(isStale(save.error) ? 'correct.stale' : 'correct.gone')}</p>
          <button type="button" onClick={() => void reload()}>
            {t('correct.reload')}
          </button>
        </div>
      ) : (
        <LoadError error={save.error} />
      )}
    </form>
  );
}
