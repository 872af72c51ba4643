import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { canonicalTimeZone } from '@domain/time/time-zone';
import { api } from '../api/client';
import { roleAtLeast, useMe } from '../api/hooks';
import type { Location, LocationUpdate, Party } from '../api/types';
import { useTranslation } from '../i18n';
import { submissionQueue, useSubmission } from '../lib/queue-instance';
import { LoadError } from './common';
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
      <CoordinateFields
        hintId={`${titleId}-hint`}
        isInvalid={problem === 'coordinates'}
        lat={{ name: 'lat' }}
        lon={{ name: 'lon' }}
      />
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

type InputProps = InputHTMLAttributes<HTMLInputElement>;

/** Latitude and longitude of a new or an edited place, with the hint and the error they share. */
function CoordinateFields({
  hintId,
  isInvalid,
  lat,
  lon,
}: {
  hintId: string;
  isInvalid: boolean;
  lat: InputProps;
  lon: InputProps;
}) {
  const { t } = useTranslation();
  const axes = [
    ['lat', lat],
    ['lon', lon],
  ] as const;
  return (
    <>
      <p className="small muted" id={hintId}>
        {t('place.coordinatesHint')}
      </p>
      <div className="coordinates">
        {axes.map(([axis, input]) => (
          <label key={axis}>
            <span>{t(`place.${axis}`)}</span>
            <input
              {...input}
              inputMode="decimal"
              aria-describedby={hintId}
              aria-invalid={isInvalid || undefined}
            />
          </label>
        ))}
      </div>
      {isInvalid ? <p className="field-error">{t('place.badCoordinates')}</p> : null}
    </>
  );
}

/** Every zone the browser knows, by its current IANA name (Europe/Kyiv, not Europe/Kiev), once each. */
export function canonicalZones(): string[] {
  let zones: string[];
  try {
    zones = (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    zones = ['Europe/Kyiv', 'Europe/Moscow', 'UTC'];
  }
  return [...new Set(zones.map(canonicalTimeZone))].sort();
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What an edit of `place` sends: only the fields that differ from it (null clears), or a problem with the form.
 * The local names other than uk and ru are kept as they are.
 */
export function placeChanges(
  place: Location,
  form: {
    name: string;
    uk: string;
    ru: string;
    aliases: string;
    lat: string;
    lon: string;
    timezone: string;
  },
  zones: readonly string[],
): { body: LocationUpdate } | { problem: 'required' | 'coordinates' | 'timezone' } {
  const name = form.name.trim();
  if (!name) return { problem: 'required' };
  const [latText, lonText] = [form.lat.trim(), form.lon.trim()];
  const hasPosition = Boolean(latText || lonText);
  const lat = Number(latText.replace(',', '.'));
  const lon = Number(lonText.replace(',', '.'));
  if (hasPosition && (!latText || !lonText || !(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)))
    return { problem: 'coordinates' };
  const zone = form.timezone.trim() ? canonicalTimeZone(form.timezone.trim()) : null;
  if (zone !== null && !zones.includes(zone)) return { problem: 'timezone' };

  const body: LocationUpdate = {};
  if (name !== place.name) body.name = name;
  const names: Record<string, string> = { ...place.names };
  for (const tag of ['uk', 'ru'] as const) {
    const local = form[tag].trim();
    if (local) names[tag] = local;
    else delete names[tag];
  }
  if (!sameJson(names, place.names)) body.names = Object.keys(names).length ? names : null;
  const aliases = [
    ...new Set(
      form.aliases
        .split('\n')
        .map((a) => a.trim())
        .filter(Boolean),
    ),
  ];
  if (!sameJson(aliases, place.aliases)) body.aliases = aliases.length ? aliases : null;
  const position = hasPosition ? { lat, lon } : { lat: null, lon: null };
  if (position.lat !== place.lat || position.lon !== place.lon) Object.assign(body, position);
  if (zone !== place.timezone) body.timezone = zone;
  return { body };
}

/**
 * Puts a place right (a misspelt name, a missing local name or zone): sends only what changed, and the lists,
 * corridors and dashboard that name it reload.
 */
export function EditLocationForm({ place, onDone }: { place: Location; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const zones = useMemo(() => canonicalZones(), []);
  const titleId = `edit-place-${place.id}`;
  const [form, setForm] = useState({
    name: place.name,
    uk: place.names.uk ?? '',
    ru: place.names.ru ?? '',
    aliases: place.aliases.join('\n'),
    lat: place.lat === null ? '' : String(place.lat),
    lon: place.lon === null ? '' : String(place.lon),
    timezone: place.timezone ?? '',
  });
  const [problem, setProblem] = useState<'required' | 'coordinates' | 'timezone' | 'unchanged' | null>(null);
  const save = useMutation({
    mutationFn: (body: LocationUpdate) => api<Location>(`/locations/${place.id}`, { method: 'PATCH', body }),
    onSuccess: () => {
      for (const key of ['locations', 'corridors', 'corridor', 'dashboard'])
        void queryClient.invalidateQueries({ queryKey: [key] });
      onDone();
    },
  });
  const field = (key: keyof typeof form) => ({
    name: key,
    value: form[key],
    onChange: (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value }),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const changes = placeChanges(place, form, zones);
    if ('problem' in changes) return setProblem(changes.problem);
    if (Object.keys(changes.body).length === 0) return setProblem('unchanged');
    setProblem(null);
    save.mutate(changes.body);
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-labelledby={titleId} data-testid="edit-place">
      <h2 id={titleId} className="h3">
        {t('place.editTitle', { name: place.name })}
      </h2>
      <label>
        <span>{t('place.name')}</span>
        <input
          {...field('name')}
          required
          aria-invalid={problem === 'required' || undefined}
          maxLength={200}
        />
      </label>
      {problem === 'required' ? <p className="field-error">{t('form.required')}</p> : null}
      <label>
        <span>{t('place.nameUk')}</span>
        <input {...field('uk')} lang="uk" maxLength={200} />
      </label>
      <label>
        <span>{t('place.nameRu')}</span>
        <input {...field('ru')} lang="ru" maxLength={200} />
      </label>
      <label>
        <span>{t('place.aliases')}</span>
        <textarea {...field('aliases')} rows={3} />
      </label>
      <CoordinateFields
        hintId={`${titleId}-hint`}
        isInvalid={problem === 'coordinates'}
        lat={field('lat')}
        lon={field('lon')}
      />
      <label>
        <span>{t('place.timezone')}</span>
        <input
          {...field('timezone')}
          list={`${titleId}-zones`}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${titleId}-zone-hint`}
          aria-invalid={problem === 'timezone' || undefined}
        />
        <datalist id={`${titleId}-zones`}>
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </label>
      <p className="small muted" id={`${titleId}-zone-hint`}>
        {t('place.timezoneHint')}
      </p>
      {problem === 'timezone' ? <p className="field-error">{t('place.badTimezone')}</p> : null}
      {problem === 'unchanged' ? <p role="status">{t('place.unchanged')}</p> : null}
      <LoadError error={save.error} />
      <div>
        <button type="submit" disabled={save.isPending}>
          {t('place.save')}
        </button>
        <button type="button" className="link" onClick={onDone}>
          {t('place.cancel')}
        </button>
      </div>
    </form>
  );
}
