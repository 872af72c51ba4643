/** The zone the person's browser is in, by its IANA name. */
export function viewerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
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
