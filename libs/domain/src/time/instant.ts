import { DateTime, IANAZone } from 'luxon';
import { DomainError, DomainErrorCode } from '../errors/domain-error.js';

// Date, 'T' (or one space, as RFC 3339 allows), hours and minutes, optional seconds and fraction, optional offset.
const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[T ]((?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?)(Z|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?$/;

// Luxon builds an Intl.DateTimeFormat at every check (slow, and native memory the GC frees late): a digest run
// formats thousands of times in a handful of zones.
const checkedZones = new Map<string, boolean>();

export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone.length === 0) return false;
  let isValid = checkedZones.get(zone);
  if (isValid === undefined) {
    isValid = IANAZone.isValidZone(zone);
    if (checkedZones.size < 1000) checkedZones.set(zone, isValid);
  }
  return isValid;
}

export function hasExplicitOffset(input: string): boolean {
  const match = ISO_DATE_TIME.exec(input.trim());
  return match !== null && match[3] !== undefined;
}

export function parseInstant(input: string, field: string, timeZone?: string): Date {
  if (timeZone !== undefined && !isValidTimeZone(timeZone)) {
    throw new DomainError(
      DomainErrorCode.UnknownTimeZone,
      `"${timeZone}" is not a known time zone; use an IANA name such as Europe/Kyiv.`,
      'timezone',
    );
  }
  const match = typeof input === 'string' ? ISO_DATE_TIME.exec(input.trim()) : null;
  if (match === null) {
    throw new DomainError(
      DomainErrorCode.InvalidTime,
      `"${String(input)}" is not a date and time; write it as 2022-05-05T08:00:00+03:00.`,
      field,
    );
  }
  const [, date, time, offset] = match;
  if (offset === undefined && timeZone === undefined) {
    throw new DomainError(
      DomainErrorCode.TimeWithoutOffset,
      `"${input}" has no UTC offset and no time zone was given, so the moment it names is unknown; add an offset such as +03:00 or give a time zone.`,
      field,
    );
  }
  if (offset !== undefined) {
    const at = parseWithOffset(date, time, offset);
    if (at === null) {
      throw new DomainError(DomainErrorCode.InvalidTime, `"${input}" is not a real date and time.`, field);
    }
    return at;
  }
  // A local time inside a spring-forward gap moves forward by the gap (Luxon's behaviour).
  const parsed = DateTime.fromISO(
    `${date}T${time}${offset ?? ''}`,
    offset === undefined ? { zone: timeZone } : { setZone: true },
  );
  if (!parsed.isValid) {
    throw new DomainError(DomainErrorCode.InvalidTime, `"${input}" is not a real date and time.`, field);
  }
  return parsed.toJSDate();
}

/**
 * An instant written with its offset needs no zone rules: the platform's own ISO 8601 parser reads it, some
 * thirty times faster than Luxon, which matters on the report path. Only the calendar date is checked here,
 * since that parser rolls 30 February over into March.
 */
function parseWithOffset(date: string, time: string, offset: string): Date | null {
  const [year, month, day] = date.split('-').map(Number);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return null;
  const [clock, fraction = ''] = time.split('.');
  const seconds = clock.length === 5 ? `${clock}:00` : clock;
  const millis = fraction.padEnd(3, '0').slice(0, 3);
  // Z, +03, +0300 or +03:00, written the one way that parser is specified to read.
  const zone =
    offset === 'Z' ? 'Z' : offset.length === 3 ? `${offset}:00` : `${offset.slice(0, 3)}:${offset.slice(-2)}`;
  const at = new Date(`${date}T${seconds}.${millis}${zone}`);
  return Number.isNaN(at.getTime()) ? null : at;
}

export function formatInZone(at: Date, timeZone: string, locale = 'en'): string {
  if (!isValidTimeZone(timeZone)) {
    throw new DomainError(
      DomainErrorCode.UnknownTimeZone,
      `"${timeZone}" is not a known time zone; use an IANA name such as Europe/Kyiv.`,
      'timezone',
    );
  }
  const local = DateTime.fromJSDate(at, { zone: timeZone }).setLocale(locale);
  const zoneName = local.zoneName ?? timeZone;
  const offset = local.toFormat('Z'); // "+3", "+5:30", "-4"
  const label =
    local.offset === 0 && zoneName === 'UTC' ? 'UTC' : `${zoneName}, UTC${offset === '+0' ? '' : offset}`;
  return `${local.toFormat('d MMMM yyyy, HH:mm')} (${label})`;
}

// Clocks of field phones drift; a statement a few minutes "in the future" is still a statement of now.
const CLOCK_SKEW_MS = 5 * 60_000;

/** When something was said or happened cannot be later than now: a report states what already happened. */
export function assertNotInFuture(at: Date, now: Date, field: string): Date {
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new DomainError(
      DomainErrorCode.TimeInFuture,
      `${field} is in the future; a report states what already happened.`,
      field,
    );
  }
  return at;
}
