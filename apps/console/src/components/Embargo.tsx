import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { api } from '../api/client';
import { actsFor, roleAtLeast } from '../api/hooks';
import type { Corridor, Embargo, User } from '../api/types';
import { useTranslation } from '../i18n';
import { LoadError } from './common';
import { formatWhen, localInputToIso, viewerZone, whenParts } from '../lib/time';

/** The embargo a form holds: none, until the corridor's windows end, or until a local time (datetime-local). */
export interface EmbargoDraft {
  mode: 'none' | 'windowsEnd' | 'until';
  until: string;
}

export const NO_EMBARGO_DRAFT: EmbargoDraft = { mode: 'none', until: '' };

/** The request's `embargo` member, or the reason it cannot be sent (the server refuses the same with a 400). */
export function toEmbargo(
  draft: EmbargoDraft,
  now = new Date(),
): { embargo?: { until: string } | { untilWindowsEnd: true }; error?: 'untilRequired' | 'untilPast' } {
  if (draft.mode === 'none') return {};
  if (draft.mode === 'windowsEnd') return { embargo: { untilWindowsEnd: true } };
  if (!draft.until) return { error: 'untilRequired' };
  const until = localInputToIso(draft.until);
  if (new Date(until).getTime() <= now.getTime()) return { error: 'untilPast' };
  return { embargo: { until } };
}

/** Where a corridor or a report is entered: share at once, or hold it back from other organisations until… */
export function EmbargoField({
  value,
  onChange,
  error,
}: {
  value: EmbargoDraft;
  onChange: (next: EmbargoDraft) => void;
  error?: 'untilRequired' | 'untilPast';
}) {
  const { t } = useTranslation();
  const hintId = useId();
  const errorId = useId();
  const choice = (mode: EmbargoDraft['mode']) => (
    <label className="check">
      <input
        type="radio"
        name={`embargo-${hintId}`}
        value={mode}
        checked={value.mode === mode}
        onChange={() => onChange({ ...value, mode })}
      />
      {t(`embargo.${mode}`)}
    </label>
  );
  return (
    <fieldset aria-describedby={hintId} data-testid="embargo-field">
      <legend>{t('embargo.legend')}</legend>
      <p id={hintId} className="small muted">
        {t('embargo.hint')}
      </p>
      <div className="checks">
        {choice('none')}
        {choice('windowsEnd')}
        {choice('until')}
      </div>
      {value.mode === 'until' ? (
        <label>
          <span>{t('embargo.untilTime', { zone: viewerZone() })}</span>
          <input
            type="datetime-local"
            value={value.until}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => onChange({ ...value, until: e.target.value })}
          />
        </label>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {t(`embargo.${error}`)}
        </p>
      ) : null}
    </fieldset>
  );
}

/** "Embargoed until …" beside a record still held back from other organisations; nothing once lifted. */
export function EmbargoBadge({ embargo, zone }: { embargo: Embargo | undefined; zone?: string }) {
  const { t, i18n } = useTranslation();
  if (!embargo?.isInForce) return null;
  const text = embargo.liftsAt
    ? t('embargo.badge', {
        when: formatWhen(whenParts(embargo.liftsAt, zone, i18n.language), t('when.yours')),
      })
    : t('embargo.badgeWindowsEnd');
  return (
    <span className="badge badge-embargo" title={t('embargo.badgeLabel')}>
      {text}
    </span>
  );
}

/**
 * "Lift the embargo now", for a coordinator of the corridor's organisation (or an admin) while the corridor or one
 * of its claims is held back: the source agreed to publish sooner. Asks once more before it lifts them all.
 */
export function EmbargoLift({
  corridor,
  user,
  isHeld,
}: {
  corridor: Corridor;
  user: User | undefined;
  /** The corridor or a claim on it is under embargo now. */
  isHeld: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [isAsking, setAsking] = useState(false);
  const hintId = useId();
  const lift = useMutation({
    mutationFn: () => api<Corridor>(`/corridors/${corridor.id}/embargo/lift`, { method: 'POST' }),
    onSuccess: (updated) => {
      setAsking(false);
      queryClient.setQueryData(['corridor', updated.id], updated);
    },
    // A 409 (lifted meanwhile, by someone or the job) is news too: reload what the page shows either way.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['corridor', corridor.id] });
      void queryClient.invalidateQueries({ queryKey: ['corridors'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
  if (!isHeld || !roleAtLeast(user, 'coordinator') || !actsFor(user, corridor.organisationId)) return null;
  return (
    <div className="stack" data-testid="embargo-lift">
      {isAsking ? (
        <div role="group" aria-labelledby={hintId} className="stack">
          <p id={hintId}>{t('embargo.liftConfirm')}</p>
          <p>
            <button type="button" className="danger" disabled={lift.isPending} onClick={() => lift.mutate()}>
              {t('embargo.liftYes')}
            </button>{' '}
            <button type="button" disabled={lift.isPending} onClick={() => setAsking(false)}>
              {t('embargo.liftNo')}
            </button>
          </p>
        </div>
      ) : (
        <p>
          <button type="button" onClick={() => setAsking(true)}>
            {t('embargo.lift')}
          </button>
        </p>
      )}
      <LoadError error={lift.error} />
    </div>
  );
}
