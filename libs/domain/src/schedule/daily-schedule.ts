import { DateTime } from 'luxon';
import { DomainError, DomainErrorCode } from '../errors/domain-error.js';
import { isValidTimeZone } from '../time/instant.js';

export interface DailySchedule {
  firstDate: string; // YYYY-MM-DD
  days: number;
  startTime: string; // HH:mm
  endTime: string; // HH:mm
}

export interface WindowBounds {
  startsAt: Date;
  /** The end the rules read: the announced end, or, for an open-ended window, the end of its review period. */
  endsAt: Date;
  /** Announced with no end ("from 14:00"): `endsAt` is then its start plus the review period, until it is closed. */
  isOpenEnded?: boolean;
}

const MAX_DAYS = 366;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

interface TimeOfDay {
  hour: number;
  minute: number;
}

export function expandDailySchedule(schedule: DailySchedule, timeZone: string): WindowBounds[] {
  const firstDate = parseFirstDate(schedule.firstDate);
  const days = parseDays(schedule.days);
  const start = parseTimeOfDay(schedule.startTime, 'schedule.startTime');
  const end = parseTimeOfDay(schedule.endTime, 'schedule.endTime');
  if (!isValidTimeZone(timeZone)) {
    throw new DomainError(
      DomainErrorCode.UnknownTimeZone,
      `"${timeZone}" is not a known time zone; use an IANA name such as Europe/Kyiv.`,
      'timezone',
    );
  }
  const crossesMidnight = minutesOfDay(end) <= minutesOfDay(start);
  const promisedMinutes = crossesMidnight
    ? minutesOfDay(end) + 24 * 60 - minutesOfDay(start)
    : minutesOfDay(end) - minutesOfDay(start);

  const windows: WindowBounds[] = [];
  for (let day = 0; day < days; day++) {
    const onDate = firstDate.plus({ days: day });
    const startsAt = atLocalTime(onDate, start, timeZone);
    let endsAt = atLocalTime(crossesMidnight ? onDate.plus({ days: 1 }) : onDate, end, timeZone);
    // A start pushed forward through a spring gap past its own end keeps the promised length instead.
    if (endsAt <= startsAt) {
      endsAt = startsAt.plus({ minutes: promisedMinutes });
    }
    windows.push({ startsAt: startsAt.toJSDate(), endsAt: endsAt.toJSDate() });
  }
  // An end pushed forward through a spring gap never runs into the next day's window.
  for (let i = 0; i + 1 < windows.length; i++) {
    if (windows[i].endsAt > windows[i + 1].startsAt) {
      windows[i].endsAt = windows[i + 1].startsAt;
    }
  }
  return windows;
}

function minutesOfDay(time: TimeOfDay): number {
  return time.hour * 60 + time.minute;
}

// A local time that does not exist (inside a spring-forward gap) moves forward by the gap: Luxon's behaviour.
function atLocalTime(onDate: DateTime, time: TimeOfDay, timeZone: string): DateTime {
  return DateTime.fromObject(
    { year: onDate.year, month: onDate.month, day: onDate.day, hour: time.hour, minute: time.minute },
    { zone: timeZone },
  );
}

function parseFirstDate(input: unknown): DateTime {
  // Calendar arithmetic in UTC: adding days to a date never meets a DST change there.
  const date =
    typeof input === 'string' && CALENDAR_DATE.test(input) ? DateTime.fromISO(input, { zone: 'UTC' }) : null;
  if (date === null || !date.isValid) {
    throw new DomainError(
      DomainErrorCode.InvalidSchedule,
      `The first day of the schedule must be a real date written as YYYY-MM-DD, not "${String(input)}".`,
      'schedule.firstDate',
    );
  }
  return date;
}

function parseDays(input: unknown): number {
  if (typeof input !== 'number' || !Number.isInteger(input) || input < 1 || input > MAX_DAYS) {
    throw new DomainError(
      DomainErrorCode.InvalidSchedule,
      `The schedule must cover a whole number of days from 1 to ${MAX_DAYS}, not ${String(input)}.`,
      'schedule.days',
    );
  }
  return input;
}

function parseTimeOfDay(input: unknown, field: string): TimeOfDay {
  const match = typeof input === 'string' ? TIME_OF_DAY.exec(input) : null;
  if (match === null) {
    throw new DomainError(
      DomainErrorCode.InvalidSchedule,
      `A time of day must be written as HH:mm between 00:00 and 23:59, not "${String(input)}".`,
      field,
    );
  }
  return { hour: Number(match[1]), minute: Number(match[2]) };
}
