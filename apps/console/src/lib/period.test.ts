import { describe, expect, it } from 'vitest';
import { dashboardQuery, nextDay, periodFromSearch, periodHref } from './period';

describe('the dashboard’s period, from its address', () => {
  it('is now without a period, and ignores what is not a day', () => {
    expect(periodFromSearch('')).toEqual({ kind: 'now' });
    expect(periodFromSearch('from=4%20May')).toEqual({ kind: 'now' });
    expect(periodFromSearch('from=2022-02-30')).toEqual({ kind: 'now' });
  });

  it('reads the last 24 hours, one day, and a range of days (an end before the start is the start)', () => {
    expect(periodFromSearch('period=24h')).toEqual({ kind: 'last24h' });
    expect(periodFromSearch('from=2022-05-04')).toEqual({
      kind: 'days',
      from: '2022-05-04',
      to: '2022-05-04',
    });
    expect(periodFromSearch('from=2022-05-04&to=2022-05-05')).toEqual({
      kind: 'days',
      from: '2022-05-04',
      to: '2022-05-05',
    });
    expect(periodFromSearch('from=2022-05-04&to=2022-05-01')).toEqual({
      kind: 'days',
      from: '2022-05-04',
      to: '2022-05-04',
    });
  });

  it('writes each period back as the address it came from', () => {
    for (const search of ['', 'period=24h', 'from=2022-05-04', 'from=2022-05-04&to=2022-05-05']) {
      expect(periodHref(periodFromSearch(search))).toBe(search ? `/?${search}` : '/');
    }
  });

  it('asks the API for local midnights in the reader’s zone, the end day included', () => {
    expect(nextDay('2022-02-28')).toBe('2022-03-01');
    expect(nextDay('2024-12-31')).toBe('2025-01-01');
    const query = dashboardQuery({ kind: 'days', from: '2022-05-04', to: '2022-05-05' }, 0, 'Europe/Kyiv');
    expect(Object.fromEntries(new URLSearchParams(query))).toEqual({
      from: '2022-05-04T00:00',
      to: '2022-05-06T00:00',
      timezone: 'Europe/Kyiv',
    });
  });

  it('asks for the 24 hours up to now, and nothing at all for now (the preloaded read)', () => {
    const now = Date.parse('2022-05-05T06:00:00Z');
    expect(dashboardQuery({ kind: 'now' }, now, 'UTC')).toBe('');
    expect(Object.fromEntries(new URLSearchParams(dashboardQuery({ kind: 'last24h' }, now, 'UTC')))).toEqual({
      from: '2022-05-04T06:00:00.000Z',
      to: '2022-05-05T06:00:00.000Z',
    });
  });
});
