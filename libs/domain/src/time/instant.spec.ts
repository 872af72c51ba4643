import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { DomainError, DomainErrorCode } from '../errors/domain-error.js';
import {
  assertNotInFuture,
  formatInZone,
  hasExplicitOffset,
  isValidTimeZone,
  parseInstant,
} from './instant.js';

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

describe('time zones', () => {
  it('knows Europe/Kyiv, Europe/Moscow and UTC by their IANA names', () => {
    expect(isValidTimeZone('Europe/Kyiv')).toBe(true);
    expect(isValidTimeZone('Europe/Moscow')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
  });

  it('does not take a made-up zone, an abbreviation-like typo or an empty name', () => {
    expect(isValidTimeZone('Europe/Mariupol')).toBe(false);
    expect(isValidTimeZone('Moscow time')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('reading an instant a reporter typed', () => {
  it('reads the same moment from a Moscow-time offset, from Z and from a short form without seconds', () => {
    const expected = Date.UTC(2022, 4, 5, 5, 0, 0);
    expect(parseInstant('2022-05-05T08:00:00+03:00', 'startsAt').getTime()).toBe(expected);
    expect(parseInstant('2022-05-05T05:00:00Z', 'startsAt').getTime()).toBe(expected);
    expect(parseInstant('2022-05-05T08:00+03:00', 'startsAt').getTime()).toBe(expected);
    expect(parseInstant('2022-05-05T08:00:00.000+0300', 'startsAt').getTime()).toBe(expected);
  });

  it('keeps the offset of the text even when a different zone is given', () => {
    expect(parseInstant('2022-05-05T08:00:00+03:00', 'startsAt', 'America/New_York').toISOString()).toBe(
      '2022-05-05T05:00:00.000Z',
    );
  });

  it('refuses a time with no offset and no zone, naming the field, because the moment it names is unknown', () => {
    const error = errorOf(() => parseInstant('2022-05-05T08:00:00', 'startsAt'));
    expect(error.code).toBe(DomainErrorCode.TimeWithoutOffset);
    expect(error.field).toBe('startsAt');
    expect(errorOf(() => parseInstant('2022-05-05 08:00', 'reportedAt')).code).toBe(
      DomainErrorCode.TimeWithoutOffset,
    );
  });

  it('reads a time with no offset as local time in the corridor zone when one is given', () => {
    expect(parseInstant('2022-05-05T08:00', 'startsAt', 'Europe/Moscow').toISOString()).toBe(
      '2022-05-05T05:00:00.000Z',
    );
    expect(parseInstant('2022-05-05T08:00:00', 'startsAt', 'Europe/Kyiv').toISOString()).toBe(
      '2022-05-05T05:00:00.000Z',
    );
    expect(parseInstant('2022-01-05T08:00:00', 'startsAt', 'Europe/Kyiv').toISOString()).toBe(
      '2022-01-05T06:00:00.000Z',
    );
  });

  it('moves a local time inside the Kyiv spring gap forward by the gap', () => {
    expect(parseInstant('2022-03-27T03:30', 'startsAt', 'Europe/Kyiv').toISOString()).toBe(
      '2022-03-27T01:30:00.000Z',
    );
  });

  it('refuses an unknown zone with the timezone field', () => {
    const error = errorOf(() => parseInstant('2022-05-05T08:00', 'startsAt', 'Europe/Azovstal'));
    expect(error.code).toBe(DomainErrorCode.UnknownTimeZone);
    expect(error.field).toBe('timezone');
  });

  it.each([
    ['a date alone, which is a day and not a moment', '2022-05-05'],
    ['words', 'Thursday morning'],
    ['an empty string', ''],
    ['a day that does not exist', '2022-02-30T08:00:00Z'],
    ['an hour that does not exist', '2022-05-05T25:00:00Z'],
    ['24:00', '2022-05-05T24:00:00Z'],
    ['a minute that does not exist', '2022-05-05T08:61:00Z'],
    ['a leap second', '2022-05-05T08:00:60Z'],
    ['an hour without minutes', '2022-05-05T08+03:00'],
    ['an offset beyond a day', '2022-05-05T08:00+25:00'],
    ['a week date', '2022-W18-4T08:00Z'],
  ])('refuses %s as an invalid time', (_what, input) => {
    const error = errorOf(() => parseInstant(input, 'occurredAt'));
    expect(error.code).toBe(DomainErrorCode.InvalidTime);
    expect(error.field).toBe('occurredAt');
  });

  it('tells whether a typed time carries its own offset', () => {
    expect(hasExplicitOffset('2022-05-05T08:00:00+03:00')).toBe(true);
    expect(hasExplicitOffset('2022-05-05T05:00:00Z')).toBe(true);
    expect(hasExplicitOffset('2022-05-05T08:00-04')).toBe(true);
    expect(hasExplicitOffset('2022-05-05T08:00:00')).toBe(false);
    expect(hasExplicitOffset('2022-05-05')).toBe(false);
    expect(hasExplicitOffset('nonsense+03:00')).toBe(false);
  });
});

describe('an instant written with its offset', () => {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const written = fc.record({
    year: fc.integer({ min: 1970, max: 2100 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.option(fc.integer({ min: 0, max: 59 })),
    fraction: fc.option(fc.stringMatching(/^\d{1,9}$/)),
    offsetMinutes: fc.integer({ min: -12 * 60, max: 14 * 60 }),
    offsetStyle: fc.constantFrom('colon', 'compact', 'hours', 'Z'),
  });

  it('is read as Luxon reads it, real dates only', () => {
    fc.assert(
      fc.property(written, (w) => {
        const sign = w.offsetMinutes < 0 ? '-' : '+';
        const hh = pad(Math.floor(Math.abs(w.offsetMinutes) / 60));
        const mm = pad(Math.abs(w.offsetMinutes) % 60);
        const offset = {
          colon: `${sign}${hh}:${mm}`,
          compact: `${sign}${hh}${mm}`,
          hours: `${sign}${hh}`,
          Z: 'Z',
        }[w.offsetStyle];
        const seconds =
          w.second === null ? '' : `:${pad(w.second)}${w.fraction === null ? '' : `.${w.fraction}`}`;
        const text = `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}${seconds}${offset}`;
        const luxon = DateTime.fromISO(text, { setZone: true });
        if (luxon.isValid) {
          expect(parseInstant(text, 'at').toISOString()).toBe(luxon.toJSDate().toISOString());
        } else {
          expect(() => parseInstant(text, 'at')).toThrow(DomainError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('showing an instant to a coordinator', () => {
  const fiveAmUtc = new Date('2022-05-05T05:00:00Z');

  it('shows the local time and always names the zone and its offset', () => {
    expect(formatInZone(fiveAmUtc, 'Europe/Moscow')).toBe('5 May 2022, 08:00 (Europe/Moscow, UTC+3)');
    expect(formatInZone(fiveAmUtc, 'Asia/Kolkata')).toBe('5 May 2022, 10:30 (Asia/Kolkata, UTC+5:30)');
    expect(formatInZone(fiveAmUtc, 'America/New_York')).toBe('5 May 2022, 01:00 (America/New_York, UTC-4)');
    expect(formatInZone(fiveAmUtc, 'UTC')).toBe('5 May 2022, 05:00 (UTC)');
  });

  it('shows the same window in Kyiv with the summer offset of that day', () => {
    expect(formatInZone(fiveAmUtc, 'Europe/Kyiv')).toBe('5 May 2022, 08:00 (Europe/Kyiv, UTC+3)');
    expect(formatInZone(new Date('2022-01-05T05:00:00Z'), 'Europe/Kyiv')).toBe(
      '5 January 2022, 07:00 (Europe/Kyiv, UTC+2)',
    );
  });

  it('speaks Ukrainian when asked', () => {
    expect(formatInZone(fiveAmUtc, 'Europe/Kyiv', 'uk')).toBe('5 травня 2022, 08:00 (Europe/Kyiv, UTC+3)');
  });

  it('refuses an unknown zone', () => {
    expect(errorOf(() => formatInZone(fiveAmUtc, 'Mars/Olympus')).code).toBe(DomainErrorCode.UnknownTimeZone);
  });
});

describe('a statement of what already happened', () => {
  const now = new Date('2022-05-05T12:00:00Z');

  it('may be a few minutes ahead of the server: phone clocks drift', () => {
    const at = new Date('2022-05-05T12:04:59Z');
    expect(assertNotInFuture(at, now, 'reportedAt')).toBe(at);
  });

  it('is refused, naming the field, when it is later than that', () => {
    expect(() => assertNotInFuture(new Date('2022-05-05T12:06:00Z'), now, 'statedAt')).toThrow(
      expect.objectContaining({ code: 'time-in-future', field: 'statedAt', status: 422 }),
    );
  });
});
