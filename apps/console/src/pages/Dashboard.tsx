import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, query } from '../api/client';
import { byId, partyLabel, useParties } from '../api/hooks';
import {
  SEVERITIES,
  type Corridor,
  type CorridorListItem,
  type EvacuationSummary,
  type Flag,
  type Page,
} from '../api/types';
import { LoadError, Loading, PageTitle, StatusBadge, When } from '../components/common';
import { EvacuationChart, type DayRange } from '../components/EvacuationChart';
import { formatRange } from '../lib/format';
import { dayKey, viewerZone } from '../lib/time';

const HOUR = 3_600_000;

export function Dashboard() {
  const { t } = useTranslation();
  const [now] = useState(() => Date.now());
  const horizon = now + 48 * HOUR;

  const open = useQuery({
    queryKey: ['corridors', 'list', { status: 'open' }],
    queryFn: () => api<Page<CorridorListItem>>(`/corridors${query({ status: 'open', limit: 50 })}`),
    refetchInterval: 60_000,
  });
  const upcoming = useQuery({
    queryKey: ['corridors', 'list', { upcoming: now }],
    queryFn: () =>
      api<Page<CorridorListItem>>(
        `/corridors${query({ from: new Date(now).toISOString(), to: new Date(horizon).toISOString(), limit: 50 })}`,
      ),
  });
  const flags = useQuery({
    queryKey: ['flags', { open: true }],
    queryFn: () => api<Page<Flag>>(`/flags${query({ open: true, limit: 200 })}`),
    retry: false,
    refetchInterval: 30_000,
  });

  return (
    <div className="page dashboard">
      <PageTitle>{t('dashboard.title')}</PageTitle>
      <div className="cards">
        <section aria-labelledby="open-now" className="card" data-ready={!open.isPending}>
          <h2 id="open-now">{t('dashboard.openNow')}</h2>
          {open.isPending ? <Loading /> : <LoadError error={open.error} />}
          {open.data ? <OpenNow items={open.data.items} /> : null}
        </section>
        <section
          aria-labelledby="open-flags"
          className="card"
          data-ready={!flags.isPending}
          data-testid="dashboard-flags"
        >
          <h2 id="open-flags">{t('dashboard.openFlags')}</h2>
          {flags.isPending ? <Loading /> : <LoadError error={flags.error} />}
          {flags.data ? <FlagsBySeverity flags={flags.data.items} /> : null}
        </section>
      </div>
      <section aria-labelledby="next-48" className="card" data-ready={!upcoming.isPending}>
        <h2 id="next-48">{t('dashboard.next48')}</h2>
        {upcoming.isPending ? <Loading /> : <LoadError error={upcoming.error} />}
        {upcoming.data ? <UpcomingWindows items={upcoming.data.items} now={now} horizon={horizon} /> : null}
      </section>
      <EvacuationTotals />
    </div>
  );
}

function OpenNow({ items }: { items: CorridorListItem[] }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return <p className="muted">{t('dashboard.noneOpen')}</p>;
  return (
    <ul className="plain">
      {items.map((c) => (
        <li key={c.id}>
          <Link to={`/corridors/${c.id}`}>{c.name}</Link>{' '}
          <span className="muted">
            {c.originName} → {c.destinationName ?? t('corridor.anyDirection')} · {t('corridor.evacuated')}:{' '}
            {formatRange(c.evacuation?.low, c.evacuation?.high, i18n.language)}
          </span>
        </li>
      ))}
    </ul>
  );
}

function FlagsBySeverity({ flags }: { flags: Flag[] }) {
  const { t } = useTranslation();
  if (flags.length === 0) return <p className="muted">{t('flags.noneOpen')}</p>;
  return (
    <div>
      <ul className="severity-counts">
        {SEVERITIES.map((s) => (
          <li key={s}>
            <span className={`badge badge-${s}`}>{t(`severity.${s}`)}</span>{' '}
            <strong>{flags.filter((f) => f.severity === s).length}</strong>
          </li>
        ))}
      </ul>
      <ul className="plain">
        {[...flags]
          .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity))
          .slice(0, 8)
          .map((f) => (
            <li key={f.id} data-testid="dashboard-flag">
              <span className={`badge badge-${f.severity}`}>{t(`severity.${f.severity}`)}</span>{' '}
              {t(`rule.${f.rule}`)} — <Link to={`/corridors/${f.corridorId}`}>{f.corridorName}</Link>
            </li>
          ))}
      </ul>
      <p>
        <Link to="/flags">{t('dashboard.allFlags')}</Link>
      </p>
    </div>
  );
}

function UpcomingWindows({
  items,
  now,
  horizon,
}: {
  items: CorridorListItem[];
  now: number;
  horizon: number;
}) {
  const { t } = useTranslation();
  const parties = useParties();
  const partyById = byId(parties.data);
  const details = useQueries({
    queries: items.slice(0, 25).map((c) => ({
      queryKey: ['corridor', c.id],
      queryFn: () => api<Corridor>(`/corridors/${c.id}`),
    })),
  });
  const rows = details
    .flatMap((d) => (d.data ? d.data.windows.map((w) => ({ corridor: d.data, window: w })) : []))
    .filter(({ window }) => Date.parse(window.endsAt) > now && Date.parse(window.startsAt) < horizon)
    .sort((a, b) => Date.parse(a.window.startsAt) - Date.parse(b.window.startsAt));
  if (items.length === 0 || (rows.length === 0 && details.every((d) => !d.isPending))) {
    return <p className="muted">{t('dashboard.noWindows')}</p>;
  }
  return (
    <div className="table-wrap" tabIndex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('corridor.name')}</th>
            <th scope="col">{t('window.startsAt')}</th>
            <th scope="col">{t('window.confirmation')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ corridor, window }) => (
            <tr key={window.id} data-testid="upcoming-window">
              <td>
                <Link to={`/corridors/${corridor.id}`}>{corridor.name}</Link>
              </td>
              <td>
                <When at={window.startsAt} zone={corridor.timezone} />
              </td>
              <td>
                <StatusBadge status={window.confirmationState.status} kind="confirmationState" />
                <ul className="plain parties">
                  {corridor.requiredConfirmationIds.map((pid) => {
                    const state = window.confirmationState.parties.find((p) => p.partyId === pid);
                    return (
                      <li key={pid}>
                        {partyLabel(partyById.get(pid))}:{' '}
                        <StatusBadge status={state?.stance ?? 'none'} kind="stance" />
                      </li>
                    );
                  })}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EvacuationTotals() {
  const { t, i18n } = useTranslation();
  const list = useQuery({
    queryKey: ['corridors', 'list', { recent: true }],
    queryFn: () => api<Page<CorridorListItem>>(`/corridors${query({ limit: 50 })}`),
  });
  const withReports = (list.data?.items ?? []).filter((c) => (c.evacuation?.reportCount ?? 0) > 0);
  const summaries = useQueries({
    queries: withReports.map((c) => ({
      queryKey: ['corridor', c.id, 'summary'],
      queryFn: () => api<EvacuationSummary>(`/corridors/${c.id}/evacuations/summary`),
    })),
  });
  const ready = summaries.every((s) => !s.isPending);
  const days = useMemo(() => {
    const zone = viewerZone();
    const byDay = new Map<string, DayRange>();
    for (const s of summaries) {
      for (const group of s.data?.windows ?? []) {
        if (group.low === null || group.bySource.length === 0) continue;
        const first = group.bySource.map((c) => c.reportedAt).sort()[0];
        const day = dayKey(first, zone);
        const entry = byDay.get(day) ?? { day, low: 0, high: 0 };
        entry.low += group.low;
        entry.high += group.high ?? group.low;
        byDay.set(day, entry);
      }
    }
    return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
  }, [ready, summaries.length]);
  const low = days.reduce((sum, d) => sum + d.low, 0);
  const high = days.reduce((sum, d) => sum + d.high, 0);

  return (
    <section aria-labelledby="evac-totals" className="card" data-ready={!list.isPending && ready}>
      <h2 id="evac-totals">{t('dashboard.evacuations')}</h2>
      {list.isPending || !ready ? <Loading /> : <LoadError error={list.error} />}
      {ready && list.data ? (
        <>
          <p className="big-figure">
            {formatRange(low, high, i18n.language)}{' '}
            <span className="muted">{t('dashboard.peopleInAll')}</span>
          </p>
          <EvacuationChart days={days} />
          <div className="table-wrap" tabIndex={0}>
            <table>
              <caption>{t('dashboard.byDay')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.day')}</th>
                  <th scope="col">{t('dashboard.range')}</th>
                </tr>
              </thead>
              <tbody>
                {days.map((d) => (
                  <tr key={d.day}>
                    <td>{d.day}</td>
                    <td>{formatRange(d.low, d.high, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
