import { describe, expect, it } from 'vitest';
import { formatAge, formatSince } from './age';

const at = Date.parse('2022-05-05T03:02:00Z');

describe('how old what is shown is', () => {
  it('says it in the reader’s language, with Ukrainian plural forms', () => {
    expect(formatAge(at, at + 20_000, 'en')).toBe('now');
    expect(formatAge(at, at + 3 * 60_000, 'en')).toBe('3 minutes ago');
    expect(formatAge(at, at + 3 * 60_000, 'uk')).toBe('3 хвилини тому');
    expect(formatAge(at, at + 5 * 60_000, 'uk')).toBe('5 хвилин тому');
    expect(formatAge(at, at + 2 * 3_600_000, 'en')).toBe('2 hours ago');
    expect(formatAge(at, at + 26 * 3_600_000, 'en')).toBe('yesterday');
  });

  it('gives the time alone on the same day in the zone, else the date too', () => {
    expect(formatSince(at, at + 60_000, 'Europe/Kyiv', 'en-GB')).toBe('06:02');
    // 23:30 in Kyiv on 5 May is already 6 May there when "now" is 01:00 local.
    expect(
      formatSince(
        Date.parse('2022-05-05T20:30:00Z'),
        Date.parse('2022-05-05T22:00:00Z'),
        'Europe/Kyiv',
        'en-GB',
      ),
    ).toBe('5 May 2022, 23:30');
  });
});
