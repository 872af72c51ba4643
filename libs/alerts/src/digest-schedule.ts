import { DateTime } from 'luxon';

/**
 * The first instant after `after` at which the local clock in `timeZone` shows `hour`:00. Built from the local
 * date, not by adding 24 hours, so a digest stays at 07:00 local on the days the clocks change. An hour that
 * does not exist that day (skipped by a spring change) is sent at the first local time after the gap.
 */
export function nextDigestAt(hour: number, timeZone: string, after: Date): Date {
  const local = DateTime.fromJSDate(after, { zone: timeZone });
  for (let day = 0; day < 3; day += 1) {
    const date = local.plus({ days: day });
    const candidate = DateTime.fromObject(
      { year: date.year, month: date.month, day: date.day, hour },
      { zone: timeZone },
    );
    if (candidate.toMillis() > after.getTime()) return candidate.toJSDate();
  }
  throw new Error(`no ${hour}:00 in ${timeZone} after ${after.toISOString()}`);
}

/** The subscriber's local date of a digest instant: one digest per subscription and day. */
export function digestDayOf(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toISODate() ?? '';
}

/** The same local time one calendar day earlier: 23 or 25 hours before on the days the clocks change. */
export function previousDigestAt(dueAt: Date, timeZone: string): Date {
  return DateTime.fromJSDate(dueAt, { zone: timeZone }).minus({ days: 1 }).toJSDate();
}
