import { canonicalTimeZone } from '@domain/time/time-zone';

/** The zone the person's browser is in, by its current IANA name (Chromium says Europe/Kiev: this is Europe/Kyiv). */
export function viewerZone(): string {
  return canonicalTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, zone: string, dateOnly: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${zone}|${dateOnly}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, {
      timeZone: zone,
      dateStyle: 'medium',
      ...(dateOnly ? {} : { timeStyle: 'short', hourCycle: 'h23' }),
    });
    formatters.set(key, found);
  }
  return found;
}

export function formatInstant(iso: string, zone: string, locale: string): string {
  return formatter(locale, zone, false).format(new Date(iso));
}

export function formatDate(iso: string, zone: string, locale: string): string {
  return formatter(locale, zone, true).format(new Date(iso));
}

const fieldFormatters = new Map<string, Intl.DateTimeFormat>();

/** An instant's calendar fields in a zone: `YYYY-MM-DD`, then `THH:mm` when `withTime`. */
function localFields(iso: string, zone: string, withTime: boolean): string {
  const key = `${zone}|${withTime}`;
  let found = fieldFormatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    fieldFormatters.set(key, found);
  }
  const parts = found.formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = `${get('year')}-${get('month')}-${get('day')}`;
  return withTime ? `${day}T${get('hour')}:${get('minute')}` : day;
}

/** YYYY-MM-DD of an instant in a zone (for grouping by day). */
export function dayKey(iso: string, zone: string): string {
  return localFields(iso, zone, false);
}

/** A local date and time (from <input type="datetime-local">) with an offset, read in the viewer's zone. */
export function localInputToIso(value: string): string {
  return new Date(value).toISOString();
}

/** The current time as a datetime-local input value in the viewer's zone. */
export function nowForInput(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** An instant as a datetime-local input value in `zone` (sent back with that zone, the server reads it there). */
export function instantForInput(iso: string, zone: string): string {
  return localFields(iso, zone, true);
}

/** An instant as shown: in the place's zone, and in the viewer's when that is another, each named. */
export interface WhenParts {
  place: { text: string; zone: string };
  /** Null when the viewer is in the place's zone: the time is shown once. */
  viewer: { text: string; zone: string } | null;
}

const timeFormatters = new Map<string, Intl.DateTimeFormat>();

function timeOnly(iso: string, zone: string, locale: string): string {
  const key = `${locale}|${zone}`;
  let found = timeFormatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { timeZone: zone, timeStyle: 'short', hourCycle: 'h23' });
    timeFormatters.set(key, found);
  }
  return found.format(new Date(iso));
}

/**
 * The one rule for every time the console shows: the date and time in the place's zone (the corridor's origin's,
 * else the corridor's), and the viewer's time beside it (its date too when the day differs). With no place, the
 * viewer's zone alone. Zones by their current names.
 */
export function whenParts(
  iso: string,
  placeZone: string | null | undefined,
  locale: string,
  mine = viewerZone(),
  dateOnly = false,
): WhenParts {
  const place = placeZone ? canonicalTimeZone(placeZone) : mine;
  const full = (zone: string) =>
    dateOnly ? formatDate(iso, zone, locale) : formatInstant(iso, zone, locale);
  if (place === mine) return { place: { text: full(place), zone: place }, viewer: null };
  const sameDay = dayKey(iso, place) === dayKey(iso, mine);
  return {
    place: { text: full(place), zone: place },
    viewer: { text: sameDay && !dateOnly ? timeOnly(iso, mine, locale) : full(mine), zone: mine },
  };
}

/** The same as text, for a select's option or a title: "5 May 2022, 09:00 Europe/Kyiv (08:00 Europe/London, yours)". */
export function formatWhen(parts: WhenParts, yours: string): string {
  const place = `${parts.place.text} ${parts.place.zone}`;
  return parts.viewer ? `${place} (${parts.viewer.text} ${parts.viewer.zone}, ${yours})` : place;
}
