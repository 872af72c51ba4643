import { useState, type FormEvent } from 'react';
import { roleAtLeast, useMe } from '../api/hooks';
import type { Party } from '../api/types';
import { useTranslation } from '../i18n';
import { submissionQueue, useSubmission } from '../lib/queue-instance';
import { SubmissionStatus } from './PendingSubmissions';

const PARTY_KINDS: Party['kind'][] = ['belligerent', 'government', 'humanitarian', 'other'];

const text = (data: FormData, name: string) => String(data.get(name) ?? '').trim();

/**
 * A party or a place missing from the lists, added where it is needed (coordinators and admins add parties;
 * reporters too add places). Sent like a report: kept until the server has stored it, then the lists reload.
 */
export function AddReferences({ idPrefix }: { idPrefix: string }) {
  const { t } = useTranslation();
  const me = useMe();
  if (!roleAtLeast(me.data, 'reporter')) return null;
  return (
    <details className="add-references">
      <summary>{t('manage.addReference')}</summary>
      <div className="reference-forms">
        {roleAtLeast(me.data, 'coordinator') ? <NewPartyForm idPrefix={idPrefix} /> : null}
        <NewLocationForm idPrefix={idPrefix} />
      </div>
    </details>
  );
}

function NewPartyForm({ idPrefix }: { idPrefix: string }) {
  const { t } = useTranslation();
  const [key, setKey] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const submission = useSubmission(key);
  const titleId = `${idPrefix}-new-party`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const body = {
      name: text(data, 'name'),
      kind: text(data, 'kind'),
      ...(text(data, 'shortName') ? { shortName: text(data, 'shortName') } : {}),
    };
    setMissing(!body.name);
    if (!body.name) return;
    const queued = submissionQueue().enqueue({
      path: '/parties',
      body,
      label: t('party.label', { name: body.name }),
    });
    setKey(queued.idempotencyKey);
    form.reset();
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-labelledby={titleId} data-testid="new-party">
      <h3 id={titleId} className="h3">
        {t('party.title')}
      </h3>
      <label>
        <span>{t('party.name')}</span>
        <input name="name" required aria-invalid={missing || undefined} maxLength={200} />
      </label>
      {missing ? <p className="field-error">{t('form.required')}</p> : null}
      <label>
        <span>{t('party.shortName')}</span>
        <input name="shortName" maxLength={64} />
      </label>
      <label>
        <span>{t('party.kind')}</span>
        <select name="kind" defaultValue="belligerent">
          {PARTY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`party.kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{t('party.submit')}</button>
      <SubmissionStatus submission={submission} />
    </form>
  );
}

function NewLocationForm({ idPrefix }: { idPrefix: string }) {
  const { t } = useTranslation();
  const [key, setKey] = useState<string | null>(null);
  const [problem, setProblem] = useState<'required' | 'coordinates' | null>(null);
  const submission = useSubmission(key);
  const titleId = `${idPrefix}-new-place`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const name = text(data, 'name');
    const lat = Number(text(data, 'lat').replace(',', '.'));
    const lon = Number(text(data, 'lon').replace(',', '.'));
    // Both coordinates, or neither: a place may be known by name alone.
    const hasPosition = Boolean(text(data, 'lat') || text(data, 'lon'));
    if (!name) return setProblem('required');
    if (
      hasPosition &&
      (!text(data, 'lat') || !text(data, 'lon') || !(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180))
    )
      return setProblem('coordinates');
    setProblem(null);
    const countryCode = text(data, 'countryCode').toUpperCase();
    const body = {
      name,
      ...(hasPosition ? { lat, lon } : {}),
      ...(text(data, 'adminArea') ? { adminArea: text(data, 'adminArea') } : {}),
      ...(countryCode ? { countryCode } : {}),
    };
    const queued = submissionQueue().enqueue({
      path: '/locations',
      body,
      label: t('place.label', { name }),
    });
    setKey(queued.idempotencyKey);
    form.reset();
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-labelledby={titleId} data-testid="new-place">
      <h3 id={titleId} className="h3">
        {t('place.title')}
      </h3>
      <label>
        <span>{t('place.name')}</span>
        <input name="name" required aria-invalid={problem === 'required' || undefined} maxLength={200} />
      </label>
      {problem === 'required' ? <p className="field-error">{t('form.required')}</p> : null}
      <p className="small muted" id={`${titleId}-hint`}>
        {t('place.coordinatesHint')}
      </p>
      <div className="coordinates">
        <label>
          <span>{t('place.lat')}</span>
          <input
            name="lat"
            inputMode="decimal"
            aria-describedby={`${titleId}-hint`}
            aria-invalid={problem === 'coordinates' || undefined}
          />
        </label>
        <label>
          <span>{t('place.lon')}</span>
          <input
            name="lon"
            inputMode="decimal"
            aria-describedby={`${titleId}-hint`}
            aria-invalid={problem === 'coordinates' || undefined}
          />
        </label>
      </div>
      {problem === 'coordinates' ? <p className="field-error">{t('place.badCoordinates')}</p> : null}
      <label>
        <span>{t('place.adminArea')}</span>
        <input name="adminArea" maxLength={200} />
      </label>
      <label>
        <span>{t('place.countryCode')}</span>
        <input name="countryCode" maxLength={2} autoCapitalize="characters" />
      </label>
      <button type="submit">{t('place.submit')}</button>
      <SubmissionStatus submission={submission} />
    </form>
  );
}
