import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import { actsFor, roleAtLeast, useLocations, useMe, useParties } from '../api/hooks';
import type { Corridor } from '../api/types';
import { useTranslation } from '../i18n';
import { submissionQueue, useSubmission } from '../lib/queue-instance';
import { localInputToIso, nowForInput } from '../lib/time';
import { LoadError, RecordOptions } from './common';
import { SubmissionStatus } from './PendingSubmissions';
import { AddReferences } from './ReferenceForms';
import { RouteEditor, toCoordinates, toWaypoints, type Waypoint } from './RouteEditor';

/**
 * What a corridor page offers to change, as the server's policy allows it: a window (reporters), edits and
 * cancellation (coordinators), each only on a corridor of one's own organisation (admins: any); a missing party
 * or place, from any corridor.
 */
export default function CorridorManage({ corridor }: { corridor: Corridor }) {
  const { t } = useTranslation();
  const me = useMe();
  if (!roleAtLeast(me.data, 'reporter')) return null;
  const isCancelled = corridor.status === 'cancelled' || corridor.cancelReason !== null;
  const isOwn = actsFor(me.data, corridor.organisationId);
  const isCoordinator = isOwn && roleAtLeast(me.data, 'coordinator');
  if (isCancelled && !isCoordinator) return null;
  return (
    // Under the corridor page's folding section "Change this corridor", which names it.
    <div className="manage" data-testid="corridor-manage">
      {!isOwn ? (
        <p className="muted" data-testid="other-organisation">
          {t('manage.otherOrganisation')}
        </p>
      ) : null}
      {isOwn && !isCancelled ? (
        <details data-testid="add-window">
          <summary>{t('manage.addWindow')}</summary>
          <AddWindowForm corridor={corridor} />
        </details>
      ) : null}
      {isCoordinator ? (
        <details data-testid="edit-corridor">
          <summary>{t('manage.edit')}</summary>
          <EditCorridorForm corridor={corridor} />
        </details>
      ) : null}
      {isCoordinator && !isCancelled ? (
        <details data-testid="cancel-corridor">
          <summary>{t('manage.cancel')}</summary>
          <CancelCorridorForm corridor={corridor} />
        </details>
      ) : null}
      <AddReferences idPrefix="manage" />
    </div>
  );
}

/** One window, in the corridor's own zone; sent like a report, so a dropped connection loses nothing. */
function AddWindowForm({ corridor }: { corridor: Corridor }) {
  const { t } = useTranslation();
  const [key, setKey] = useState<string | null>(null);
  const [problem, setProblem] = useState<'required' | 'order' | null>(null);
  const submission = useSubmission(key);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const startsAt = String(data.get('startsAt') ?? '');
    const endsAt = String(data.get('endsAt') ?? '');
    if (!startsAt || !endsAt) return setProblem('required');
    // Both read in the same zone: the later local time is the later instant.
    if (endsAt <= startsAt) return setProblem('order');
    setProblem(null);
    const queued = submissionQueue().enqueue({
      path: `/corridors/${corridor.id}/windows`,
      body: { startsAt, endsAt, timezone: corridor.timezone },
      label: t('manage.windowLabel', { corridor: corridor.name }),
      corridorId: corridor.id,
    });
    setKey(queued.idempotencyKey);
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <p className="small muted" id="window-zone">
        {t('manage.windowHint', { zone: corridor.timezone })}
      </p>
      <label>
        <span>{t('manage.windowStarts')}</span>
        <input
          type="datetime-local"
          name="startsAt"
          required
          aria-describedby="window-zone"
          aria-invalid={problem ? true : undefined}
        />
      </label>
      <label>
        <span>{t('manage.windowEnds')}</span>
        <input
          type="datetime-local"
          name="endsAt"
          required
          aria-describedby="window-zone"
          aria-invalid={problem ? true : undefined}
        />
      </label>
      {problem ? (
        <p className="field-error" role="alert">
          {t(problem === 'order' ? 'manage.windowOrder' : 'form.required')}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={submission?.state === 'pending'}>
        {t('manage.windowSubmit')}
      </button>
      <SubmissionStatus submission={submission} />
    </form>
  );
}

interface Draft {
  name: string;
  originId: string;
  destinationId: string;
  announcedById: string;
  announcedAt: string;
  timezone: string;
  requiredConfirmationIds: string[];
  sourceUrl: string;
  sourceNote: string;
  route: Waypoint[];
}

function draftOf(c: Corridor, places: Parameters<typeof toWaypoints>[1]): Draft {
  return {
    name: c.name,
    originId: c.originId,
    destinationId: c.destinationId ?? '',
    announcedById: c.announcedById,
    announcedAt: nowForInput(new Date(c.announcedAt)),
    timezone: c.timezone,
    requiredConfirmationIds: [...c.requiredConfirmationIds].sort(),
    sourceUrl: c.sourceUrl ?? '',
    sourceNote: c.sourceNote ?? '',
    route: toWaypoints(c.route?.coordinates, places),
  };
}

const isStale = (error: unknown) =>
  error instanceof ApiError && error.status === 409 && /stale-version$/.test(error.problem?.type ?? '');

/** The announcement's own fields, sent with the version read: someone else's edit in between is refused, not lost. */
function EditCorridorForm({ corridor }: { corridor: Corridor }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const parties = useParties();
  const locations = useLocations();
  const places = locations.data ?? [];
  const [base, setBase] = useState<Corridor>(corridor);
  const [draft, setDraft] = useState<Draft>(() => draftOf(corridor, places));
  const [routeTouched, setRouteTouched] = useState(false);
  const [outcome, setOutcome] = useState<'saved' | 'unchanged' | null>(null);
  // The stored route shows as places once the list of places has arrived.
  const route = routeTouched ? draft.route : toWaypoints(base.route?.coordinates, places);
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => {
    setOutcome(null);
    setDraft((d) => ({ ...d, [field]: value }));
  };

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api<Corridor>(`/corridors/${base.id}`, { method: 'PATCH', body }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['corridor', updated.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['corridor', updated.id, 'timeline'] });
      void queryClient.invalidateQueries({ queryKey: ['corridors'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      setBase(updated);
      setOutcome('saved');
    },
  });
  // A newer version read while nothing is being changed (a window added, another tab's edit) becomes the base;
  // adjusted while rendering, once per version read, rather than in an effect that would render twice.
  const [versionRead, setVersionRead] = useState(corridor.version);
  if (corridor.version !== versionRead) {
    setVersionRead(corridor.version);
    const untouched = JSON.stringify(draftOf(base, places)) === JSON.stringify(draft) && !routeTouched;
    if (corridor.version !== base.version && !save.isPending && untouched) {
      setBase(corridor);
      setDraft(draftOf(corridor, places));
    }
  }

  async function reload() {
    const current = await queryClient.fetchQuery({
      queryKey: ['corridor', base.id],
      queryFn: () => api<Corridor>(`/corridors/${base.id}`),
      staleTime: 0,
    });
    setBase(current);
    setDraft(draftOf(current, places));
    setRouteTouched(false);
    save.reset();
  }

  function changes(): Record<string, unknown> | null {
    const was = draftOf(base, places);
    const body: Record<string, unknown> = {};
    const text = (v: string) => v.trim();
    if (text(draft.name) !== was.name) body.name = text(draft.name);
    if (draft.originId !== was.originId) body.originId = draft.originId;
    if (draft.destinationId !== was.destinationId) body.destinationId = draft.destinationId || null;
    if (draft.announcedById !== was.announcedById) body.announcedById = draft.announcedById;
    if (draft.announcedAt !== was.announcedAt) body.announcedAt = localInputToIso(draft.announcedAt);
    if (text(draft.timezone) !== was.timezone) body.timezone = text(draft.timezone);
    const required = [...draft.requiredConfirmationIds].sort();
    if (required.join() !== was.requiredConfirmationIds.join()) body.requiredConfirmationIds = required;
    if (text(draft.sourceUrl) !== was.sourceUrl) body.sourceUrl = text(draft.sourceUrl) || null;
    if (text(draft.sourceNote) !== was.sourceNote) body.sourceNote = text(draft.sourceNote) || null;
    if (routeTouched && route.length > 0) {
      const result = toCoordinates(route, places);
      if ('error' in result) return null;
      if (JSON.stringify(result.coordinates) !== JSON.stringify(base.route?.coordinates ?? null))
        body.route = { type: 'LineString', coordinates: result.coordinates };
    }
    return body;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!draft.name.trim() || !draft.originId || !draft.announcedById) return;
    const body = changes();
    if (body === null) return;
    if (Object.keys(body).length === 0) return setOutcome('unchanged');
    save.mutate({ ...body, version: base.version });
  }

  const required = t('form.required');
  return (
    <form className="stack" onSubmit={onSubmit} noValidate data-testid="edit-form">
      <label>
        <span>{t('corridor.name')}</span>
        <input
          value={draft.name}
          onChange={(e) => set('name', e.target.value)}
          required
          aria-invalid={!draft.name.trim() || undefined}
          maxLength={300}
        />
      </label>
      {!draft.name.trim() ? <p className="field-error">{required}</p> : null}
      <label>
        <span>{t('corridor.origin')}</span>
        <select value={draft.originId} onChange={(e) => set('originId', e.target.value)} required>
          <RecordOptions records={places} />
        </select>
      </label>
      <label>
        <span>{t('corridor.destination')}</span>
        <select value={draft.destinationId} onChange={(e) => set('destinationId', e.target.value)}>
          <option value="">{t('corridor.anyDirection')}</option>
          <RecordOptions records={places} />
        </select>
      </label>
      <label>
        <span>{t('corridor.announcedBy')}</span>
        <select value={draft.announcedById} onChange={(e) => set('announcedById', e.target.value)} required>
          <RecordOptions records={parties.data} />
        </select>
      </label>
      <label>
        <span>{t('corridor.announcedAt')}</span>
        <input
          type="datetime-local"
          value={draft.announcedAt}
          onChange={(e) => set('announcedAt', e.target.value)}
          required
        />
      </label>
      <label>
        <span>{t('schedule.timezone')}</span>
        <input
          value={draft.timezone}
          onChange={(e) => set('timezone', e.target.value)}
          autoCapitalize="off"
          spellCheck={false}
        />
      </label>
      <fieldset>
        <legend>{t('corridor.required')}</legend>
        <div className="checks">
          {parties.data?.map((p) => (
            <label key={p.id} className="check">
              <input
                type="checkbox"
                checked={draft.requiredConfirmationIds.includes(p.id)}
                onChange={(e) =>
                  set(
                    'requiredConfirmationIds',
                    e.target.checked
                      ? [...draft.requiredConfirmationIds, p.id]
                      : draft.requiredConfirmationIds.filter((id) => id !== p.id),
                  )
                }
              />
              {p.name}
            </label>
          ))}
        </div>
      </fieldset>
      <RouteEditor
        value={route}
        onChange={(next) => {
          setOutcome(null);
          setRouteTouched(true);
          setDraft((d) => ({ ...d, route: next }));
        }}
        places={places}
        ends={[draft.originId, draft.destinationId].filter(Boolean)}
      />
      <label>
        <span>{t('form.sourceUrl')}</span>
        <input
          type="url"
          inputMode="url"
          value={draft.sourceUrl}
          onChange={(e) => set('sourceUrl', e.target.value)}
        />
      </label>
      <label>
        <span>{t('form.sourceNote')}</span>
        <textarea rows={3} value={draft.sourceNote} onChange={(e) => set('sourceNote', e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={save.isPending}>
        {t('manage.save')}
      </button>
      {outcome ? (
        <p role="status" data-testid="edit-outcome" className="submission submission-stored">
          {t(outcome === 'saved' ? 'manage.saved' : 'manage.noChange')}
        </p>
      ) : null}
      {isStale(save.error) ? (
        <div className="notice" role="alert" data-testid="stale-version">
          <p>{t('manage.stale')}</p>
          <button type="button" onClick={() => void reload()}>
            {t('manage.reload')}
          </button>
        </div>
      ) : (
        <LoadError error={save.error} />
      )}
    </form>
  );
}

function CancelCorridorForm({ corridor }: { corridor: Corridor }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [missing, setMissing] = useState(false);
  const cancel = useMutation({
    mutationFn: (reason: string) =>
      api<Corridor>(`/corridors/${corridor.id}/cancel`, { method: 'POST', body: { reason } }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['corridor', updated.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['corridor', updated.id, 'timeline'] });
      void queryClient.invalidateQueries({ queryKey: ['corridors'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    setMissing(!reason);
    if (reason) cancel.mutate(reason);
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <p className="small muted" id="cancel-hint">
        {t('manage.cancelHint')}
      </p>
      <label>
        <span>{t('manage.cancelReason')}</span>
        <textarea
          name="reason"
          rows={3}
          required
          maxLength={2000}
          aria-describedby="cancel-hint"
          aria-invalid={missing || undefined}
        />
      </label>
      {missing ? <p className="field-error">{t('form.required')}</p> : null}
      <button type="submit" className="danger" disabled={cancel.isPending}>
        {t('manage.cancelSubmit')}
      </button>
      <LoadError error={cancel.error} />
    </form>
  );
}
