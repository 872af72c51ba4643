import { useId } from 'react';
import type { Location } from '../api/types';
import { useTranslation } from '../i18n';
import { isPositioned } from '../lib/places';
import { RecordOptions } from './common';

/** One point of a route: a known place (`locationId`), or coordinates typed in, kept as text while typed. */
export interface Waypoint {
  locationId: string;
  lat: string;
  lon: string;
}

const SAME = 1e-6;

/** A stored route as waypoints: each position that is a known place shows as that place. */
export function toWaypoints(coordinates: number[][] | null | undefined, places: Location[]): Waypoint[] {
  return (coordinates ?? []).map(([lon, lat]) => {
    const place = places
      .filter(isPositioned)
      .find((p) => Math.abs(p.lat - lat) < SAME && Math.abs(p.lon - lon) < SAME);
    return place
      ? { locationId: place.id, lat: '', lon: '' }
      : { locationId: '', lat: String(lat), lon: String(lon) };
  });
}

/** GeoJSON positions ([longitude, latitude]), or the reason there are none yet. */
export function toCoordinates(
  waypoints: Waypoint[],
  places: Location[],
): { coordinates: [number, number][] } | { error: 'tooShort' | 'badCoordinates' } {
  const coordinates: [number, number][] = [];
  for (const w of waypoints) {
    if (w.locationId) {
      // A place known only by name has no position to draw through.
      const place = places.find((p) => p.id === w.locationId);
      if (!place || !isPositioned(place)) return { error: 'badCoordinates' };
      coordinates.push([place.lon, place.lat]);
      continue;
    }
    const lat = Number(w.lat.replace(',', '.'));
    const lon = Number(w.lon.replace(',', '.'));
    const isBlank = w.lat.trim() === '' || w.lon.trim() === '';
    if (isBlank || !(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) return { error: 'badCoordinates' };
    coordinates.push([lon, lat]);
  }
  return coordinates.length < 2 ? { error: 'tooShort' } : { coordinates };
}

/** The route as an ordered list of points, each a known place or coordinates; usable with a keyboard alone. */
export function RouteEditor({
  value,
  onChange,
  places,
  ends,
}: {
  value: Waypoint[];
  onChange: (next: Waypoint[]) => void;
  places: Location[];
  /** Origin and destination, to start a route from. */
  ends: string[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const set = (i: number, w: Waypoint) => onChange(value.map((old, j) => (j === i ? w : old)));
  const move = (i: number, by: number) => {
    const next = [...value];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    onChange(next);
  };
  const result = value.length ? toCoordinates(value, places) : null;
  return (
    <fieldset className="route-editor" data-testid="route-editor">
      <legend>{t('routeEditor.legend')}</legend>
      <p className="small muted">{t('routeEditor.hint')}</p>
      {value.length === 0 ? <p className="muted">{t('routeEditor.none')}</p> : null}
      <ol className="waypoints">
        {value.map((w, i) => {
          const n = i + 1;
          return (
            <li key={i} className="waypoint">
              <div className="field">
                <label htmlFor={`${id}-${i}`}>{t('routeEditor.point', { n })}</label>
                <select
                  id={`${id}-${i}`}
                  value={w.locationId}
                  onChange={(e) => set(i, { locationId: e.target.value, lat: '', lon: '' })}
                >
                  <option value="">{t('routeEditor.coordinates')}</option>
                  <RecordOptions records={places.filter(isPositioned)} />
                </select>
              </div>
              {w.locationId === '' ? (
                <div className="coordinates">
                  <label>
                    <span>{t('place.lat')}</span>
                    <input
                      inputMode="decimal"
                      value={w.lat}
                      onChange={(e) => set(i, { ...w, lat: e.target.value })}
                      aria-label={`${t('routeEditor.point', { n })}: ${t('place.lat')}`}
                    />
                  </label>
                  <label>
                    <span>{t('place.lon')}</span>
                    <input
                      inputMode="decimal"
                      value={w.lon}
                      onChange={(e) => set(i, { ...w, lon: e.target.value })}
                      aria-label={`${t('routeEditor.point', { n })}: ${t('place.lon')}`}
                    />
                  </label>
                </div>
              ) : null}
              <div className="waypoint-actions">
                <button type="button" disabled={i === 0} onClick={() => move(i, -1)}>
                  <span aria-hidden="true">↑</span>
                  <span className="visually-hidden">{t('routeEditor.up', { n })}</span>
                </button>
                <button type="button" disabled={i === value.length - 1} onClick={() => move(i, 1)}>
                  <span aria-hidden="true">↓</span>
                  <span className="visually-hidden">{t('routeEditor.down', { n })}</span>
                </button>
                <button type="button" onClick={() => onChange(value.filter((_, j) => j !== i))}>
                  <span aria-hidden="true">✕</span>
                  <span className="visually-hidden">{t('routeEditor.remove', { n })}</span>
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="inline-form">
        <button type="button" onClick={() => onChange([...value, { locationId: '', lat: '', lon: '' }])}>
          {t('routeEditor.add')}
        </button>
        {value.length === 0 && ends.length >= 2 ? (
          <button
            type="button"
            onClick={() => onChange(ends.map((locationId) => ({ locationId, lat: '', lon: '' })))}
          >
            {t('routeEditor.fromEnds')}
          </button>
        ) : null}
      </div>
      {result && 'error' in result ? (
        <p className="field-error" role="status">
          {t(result.error === 'tooShort' ? 'routeEditor.tooShort' : 'place.badCoordinates')}
        </p>
      ) : null}
    </fieldset>
  );
}
