import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { DomainError, DomainErrorCode } from '../errors/domain-error.js';
import { expandDailySchedule, type DailySchedule, type WindowBounds } from './daily-schedule.js';

const HOUR = 3_600_000;

function iso(windows: WindowBounds[]): [string, string][] {
  return windows.map((w) => [w.startsAt.toISOString(), w.endsAt.toISOString()]);
}

function hours(w: WindowBounds): number {
  return (w.endsAt.getTime() - w.startsAt.getTime()) / HOUR;
}

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

describe('expanding a daily schedule into windows', () => {
  it('turns "from 08:00 to 18:00 Moscow time, Thursday through Saturday" into three windows', () => {
    const windows = expandDailySchedule(
      { firstDate: '2022-05-05', days: 3, startTime: '08:00', endTime: '18:00' },
      'Europe/Moscow',
    );

    expect(iso(windows)).toEqual([
      ['2022-05-05T05:00:00.000Z', '2022-05-05T15:00:00.000Z'],
      ['2022-05-06T05:00:00.000Z', '2022-05-06T15:00:00.000Z'],
      ['2022-05-07T05:00:00.000Z', '2022-05-07T15:00:00.000Z'],
    ]);
  });

  it('keeps Kyiv wall-clock hours across the spring change, so the UTC times move by an hour', () => {
    const windows = expandDailySchedule(
      { firstDate: '2022-03-26', days: 2, startTime: '08:00', endTime: '18:00' },
      'Europe/Kyiv',
    );

    expect(iso(windows)).toEqual([
      ['2022-03-26T06:00:00.000Z', '2022-03-26T16:00:00.000Z'],
      ['2022-03-27T05:00:00.000Z', '2022-03-27T15:00:00.000Z'],
    ]);
  });

  it('keeps Moscow windows at the same UTC times on those days, since Moscow has had no DST since 2014', () => {
    const windows = expandDailySchedule(
      { firstDate: '2022-03-26', days: 2, startTime: '08:00', endTime: '18:00' },
      'Europe/Moscow',
    );

    expect(iso(windows)).toEqual([
      ['2022-03-26T05:00:00.000Z', '2022-03-26T15:00:00.000Z'],
      ['2022-03-27T05:00:00.000Z', '2022-03-27T15:00:00.000Z'],
    ]);
  });

  it('lets a 22:00–06:00 window cross midnight and end the next morning', () => {
    const windows = expandDailySchedule(
      { firstDate: '2022-05-05', days: 2, startTime: '22:00', endTime: '06:00' },
      'Europe/Moscow',
    );

    expect(iso(windows)).toEqual([
      ['2022-05-05T19:00:00.000Z', '2022-05-06T03:00:00.000Z'],
      ['2022-05-06T19:00:00.000Z', '2022-05-07T03:00:00.000Z'],
    ]);
  });

  it('makes a Kyiv 22:00–06:00 night window 7 hours long when the clocks go forward', () => {
    const [night] = expandDailySchedule(
      { firstDate: '2022-03-26', days: 1, startTime: '22:00', endTime: '06:00' },
      'Europe/Kyiv',
    );

    expect(iso([night])).toEqual([['2022-03-26T20:00:00.000Z', '2022-03-27T03:00:00.000Z']]);
    expect(hours(night)).toBe(7);
  });

  it('makes a Kyiv 22:00–06:00 night window 9 hours long when the clocks go back', () => {
    const [night] = expandDailySchedule(
      { firstDate: '2022-10-29', days: 1, startTime: '22:00', endTime: '06:00' },
      'Europe/Kyiv',
    );

    expect(iso([night])).toEqual([['2022-10-29T19:00:00.000Z', '2022-10-30T04:00:00.000Z']]);
    expect(hours(night)).toBe(9);
  });

  it('reads equal start and end times as a 24-hour window ending at the same local time the next day', () => {
    const moscow = expandDailySchedule(
      { firstDate: '2022-05-05', days: 1, startTime: '08:00', endTime: '08:00' },
      'Europe/Moscow',
    );
    const kyivSpring = expandDailySchedule(
      { firstDate: '2022-03-26', days: 1, startTime: '08:00', endTime: '08:00' },
      'Europe/Kyiv',
    );

    expect(hours(moscow[0])).toBe(24);
    expect(iso(kyivSpring)).toEqual([['2022-03-26T06:00:00.000Z', '2022-03-27T05:00:00.000Z']]);
  });

  it('moves a start time that does not exist in Kyiv (03:30 on 27 March 2022) forward by the gap, to 04:30', () => {
    const [w] = expandDailySchedule(
      { firstDate: '2022-03-27', days: 1, startTime: '03:30', endTime: '10:00' },
      'Europe/Kyiv',
    );

    expect(DateTime.fromJSDate(w.startsAt, { zone: 'Europe/Kyiv' }).toFormat('yyyy-MM-dd HH:mm')).toBe(
      '2022-03-27 04:30',
    );
    expect(iso([w])).toEqual([['2022-03-27T01:30:00.000Z', '2022-03-27T07:00:00.000Z']]);
  });

  it('keeps the promised length when the spring gap pushes a start past its own end (03:10–04:05 in Kyiv)', () => {
    const [w] = expandDailySchedule(
      { firstDate: '2022-03-27', days: 1, startTime: '03:10', endTime: '04:05' },
      'Europe/Kyiv',
    );

    expect(iso([w])).toEqual([['2022-03-27T01:10:00.000Z', '2022-03-27T02:05:00.000Z']]);
  });

  it('stops a night window whose end falls in the spring gap at the start of the next window, so windows never overlap', () => {
    const windows = expandDailySchedule(
      { firstDate: '2022-03-26', days: 2, startTime: '04:00', endTime: '03:30' },
      'Europe/Kyiv',
    );

    expect(iso(windows)).toEqual([
      ['2022-03-26T02:00:00.000Z', '2022-03-27T01:00:00.000Z'],
      ['2022-03-27T01:00:00.000Z', '2022-03-28T00:30:00.000Z'],
    ]);
  });

  it('accepts a whole year of days and a leap day', () => {
    expect(
      expandDailySchedule(
        { firstDate: '2024-02-29', days: 366, startTime: '00:00', endTime: '23:59' },
        'UTC',
      ),
    ).toHaveLength(366);
  });

  describe('refuses a schedule a coordinator could misread, naming the field', () => {
    const valid: DailySchedule = { firstDate: '2022-05-05', days: 3, startTime: '08:00', endTime: '18:00' };

    it.each([
      ['a first day that does not exist', { firstDate: '2022-02-30' }, 'schedule.firstDate'],
      ['a first day not written as YYYY-MM-DD', { firstDate: '05/05/2022' }, 'schedule.firstDate'],
      ['a first day with a time in it', { firstDate: '2022-05-05T08:00' }, 'schedule.firstDate'],
      ['no days', { days: 0 }, 'schedule.days'],
      ['more than a year of days', { days: 367 }, 'schedule.days'],
      ['half a day', { days: 1.5 }, 'schedule.days'],
      ['a start time past midnight', { startTime: '24:00' }, 'schedule.startTime'],
      ['a start time without leading zero', { startTime: '8:00' }, 'schedule.startTime'],
      ['an end time with seconds', { endTime: '18:00:00' }, 'schedule.endTime'],
      ['an end time with a minute that does not exist', { endTime: '18:60' }, 'schedule.endTime'],
    ])('%s', (_what, change, field) => {
      const error = errorOf(() =>
        expandDailySchedule({ ...valid, ...change } as DailySchedule, 'Europe/Moscow'),
      );
      expect(error.code).toBe(DomainErrorCode.InvalidSchedule);
      expect(error.field).toBe(field);
    });

    it('an unknown time zone', () => {
      const error = errorOf(() => expandDailySchedule(valid, 'Moscow'));
      expect(error.code).toBe(DomainErrorCode.UnknownTimeZone);
      expect(error.field).toBe('timezone');
    });
  });
});

describe('daily schedule expansion, for any zone, date and hours', () => {
  const zones = [
    'Europe/Kyiv',
    'Europe/Moscow',
    'America/New_York',
    'Asia/Kolkata',
    'Australia/Lord_Howe',
    'UTC',
  ];
  const firstDay = DateTime.fromISO('2000-01-01', { zone: 'UTC' });
  const lastDay = DateTime.fromISO('2040-12-31', { zone: 'UTC' });
  const timeOfDay = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => ({
      text: `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
      minutes: h * 60 + m,
    }));
  const scheduleInZone = fc.record({
    zone: fc.constantFrom(...zones),
    dayOffset: fc.integer({ min: 0, max: Math.floor(lastDay.diff(firstDay, 'days').days) }),
    days: fc.integer({ min: 1, max: 30 }),
    start: timeOfDay,
    end: timeOfDay,
  });

  it('gives one window per day, each ending after it starts, in order and never overlapping, at the promised local hours', () => {
    fc.assert(
      fc.property(scheduleInZone, ({ zone, dayOffset, days, start, end }) => {
        const firstDate = firstDay.plus({ days: dayOffset }).toISODate() as string;
        const windows = expandDailySchedule(
          { firstDate, days, startTime: start.text, endTime: end.text },
          zone,
        );
        const tolerance = zone === 'Australia/Lord_Howe' ? 30 : 60;
        const promisedMinutes =
          end.minutes > start.minutes ? end.minutes - start.minutes : end.minutes + 1440 - start.minutes;

        expect(windows).toHaveLength(days);
        windows.forEach((w, day) => {
          expect(w.endsAt.getTime()).toBeGreaterThan(w.startsAt.getTime());
          const localStart = DateTime.fromJSDate(w.startsAt, { zone });
          expect(localStart.toISODate()).toBe(firstDay.plus({ days: dayOffset + day }).toISODate());
          if (localStart.toFormat('HH:mm') !== start.text) {
            // Only a spring-forward gap may move a start, and only forward, by at most the gap.
            const moved = localStart.hour * 60 + localStart.minute - start.minutes;
            expect(moved).toBeGreaterThan(0);
            expect(moved).toBeLessThanOrEqual(tolerance);
            expect(localStart.offset).toBeGreaterThan(localStart.minus({ minutes: tolerance + 1 }).offset);
          }
          const minutes = (w.endsAt.getTime() - w.startsAt.getTime()) / 60_000;
          expect(Math.abs(minutes - promisedMinutes)).toBeLessThanOrEqual(tolerance);
          if (day + 1 < windows.length) {
            expect(windows[day + 1].startsAt.getTime()).toBeGreaterThan(w.startsAt.getTime());
            expect(windows[day + 1].startsAt.getTime()).toBeGreaterThanOrEqual(w.endsAt.getTime());
          }
        });
      }),
      { numRuns: 500 },
    );
  });

  it('lands starts and ends on the days of the clock changes without losing a window', () => {
    const changeDays = fc.constantFrom(
      { zone: 'Europe/Kyiv', firstDate: '2022-03-26' },
      { zone: 'Europe/Kyiv', firstDate: '2022-10-29' },
      { zone: 'America/New_York', firstDate: '2022-03-12' },
      { zone: 'America/New_York', firstDate: '2022-11-05' },
      { zone: 'Australia/Lord_Howe', firstDate: '2022-04-02' },
      { zone: 'Australia/Lord_Howe', firstDate: '2022-10-01' },
    );
    const nearChange = fc
      .tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(changeDays, nearChange, nearChange, ({ zone, firstDate }, startTime, endTime) => {
        const windows = expandDailySchedule({ firstDate, days: 3, startTime, endTime }, zone);
        expect(windows).toHaveLength(3);
        windows.forEach((w, i) => {
          expect(w.endsAt.getTime()).toBeGreaterThan(w.startsAt.getTime());
          if (i > 0) expect(w.startsAt.getTime()).toBeGreaterThanOrEqual(windows[i - 1].endsAt.getTime());
        });
      }),
      { numRuns: 500 },
    );
  });
});
