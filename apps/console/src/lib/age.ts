import { formatInstant } from './time';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** How long ago an instant was, in the reader's language ("3 minutes ago", "3 хвилини тому"; under a minute: "now"). */
export function formatAge(at: number, now: number, locale: string): string {
  const elapsed = Math.max(0, now - at);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (elapsed >= ms) return format.format(-Math.floor(elapsed / ms), unit);
  }
  return format.format(0, 'second');
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** "06:02" for an instant on the same day as `now` in `zone`, else its date and time. */
export function formatSince(at: number, now: number, zone: string, locale: string): string {
  const key = `${locale}|${zone}`;
  let clock = clocks.get(key);
  if (!clock) {
    clock = new Intl.DateTimeFormat(locale, { timeZone: zone, timeStyle: 'short', hourCycle: 'h23' });
    clocks.set(key, clock);
  }
  const day = (ms: number) => new Date(ms).toLocaleDateString('en-CA', { timeZone: zone });
  return day(at) === day(now)
    ? clock.format(new Date(at))
    : formatInstant(new Date(at).toISOString(), zone, locale);
}
