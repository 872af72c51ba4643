import { describe, expect, it } from '@jest/globals';
import { digestDayOf, nextDigestAt } from './digest-schedule.js';

describe('the daily digest instant', () => {
  it('is 07:00 in Kyiv on the day the clocks go forward (04:00 UTC instead of 05:00)', () => {
    expect(nextDigestAt(7, 'Europe/Kyiv', new Date('2022-03-26T05:00:00Z')).toISOString()).toBe(
      '2022-03-27T04:00:00.000Z',
    );
  });

  it('is 07:00 in Kyiv on the day the clocks go back (05:00 UTC instead of 04:00)', () => {
    expect(nextDigestAt(7, 'Europe/Kyiv', new Date('2022-10-29T04:00:00Z')).toISOString()).toBe(
      '2022-10-30T05:00:00.000Z',
    );
  });

  it('is later the same day when the hour has not come yet, and never the same instant twice', () => {
    const at = nextDigestAt(7, 'Europe/Kyiv', new Date('2022-05-10T03:00:00Z'));
    expect(at.toISOString()).toBe('2022-05-10T04:00:00.000Z');
    expect(nextDigestAt(7, 'Europe/Kyiv', at).toISOString()).toBe('2022-05-11T04:00:00.000Z');
  });

  it('sends an hour the spring change skips at the first local time after the gap', () => {
    // 03:00 does not exist in Kyiv on 27 March 2022: the clocks jump from 03:00 to 04:00.
    const at = nextDigestAt(3, 'Europe/Kyiv', new Date('2022-03-26T12:00:00Z'));
    expect(at.toISOString()).toBe('2022-03-27T01:00:00.000Z');
    expect(digestDayOf(at, 'Europe/Kyiv')).toBe('2022-03-27');
  });

  it('names the local date of the digest, not the UTC one', () => {
    expect(digestDayOf(new Date('2022-05-10T22:30:00Z'), 'Europe/Kyiv')).toBe('2022-05-11');
  });
});
