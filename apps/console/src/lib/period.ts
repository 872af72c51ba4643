import { query } from '../api/client';

/** What the dashboard looks at: now, the last 24 hours, or whole days in the reader's zone (`to` inclusive). */
export type DashboardPeriod =
  { kind: 'now' } | { kind: 'last24h' } | { kind: 'days'; from: string; to: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const HOUR_MS = 3_600_000;

function isDay(value: string | null): value is string {
  if (!value || !DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The day after a `YYYY-MM-DD` day, by the calendar (no zone: a day is a day). */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The period a dashboard address names: `?period=24h`, `?from=2022-05-04&to=2022-05-05`, or nothing (now). */
export function periodFromSearch(search: string): DashboardPeriod {
  const params = new URLSearchParams(search);
  if (params.get('period') === '24h') return { kind: 'last24h' };
  const from = params.get('from');
  if (!isDay(from)) return { kind: 'now' };
  const to = params.get('to');
  return { kind: 'days', from, to: isDay(to) && to >= from ? to : from };
}

/** The address of a period, for links. */
export function periodHref(period: DashboardPeriod): string {
  switch (period.kind) {
    case 'now':
      return '/';
    case 'last24h':
      return '/?period=24h';
    case 'days':
      return `/${query({ from: period.from, to: period.to === period.from ? undefined : period.to })}`;
  }
}

/**
 * The dashboard API's query for a period ('' for now, so the preloaded `/api/v1/dashboard` is the one read). Days
 * are sent as local midnights with the reader's zone: the server reads them with the zone's rules.
 */
export function dashboardQuery(period: DashboardPeriod, now: number, zone: string): string {
  switch (period.kind) {
    case 'now':
      return '';
    case 'last24h':
      return query({ from: new Date(now - 24 * HOUR_MS).toISOString(), to: new Date(now).toISOString() });
    case 'days':
      return query({ from: `${period.from}T00:00`, to: `${nextDay(period.to)}T00:00`, timezone: zone });
  }
}
