import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from '../i18n';
import { Link, useSearch } from 'wouter';
import { api } from '../api/client';
import {
  SEVERITIES,
  type Dashboard as DashboardData,
  type DashboardFlag,
  type DashboardWindow,
} from '../api/types';
import { LoadError, Loading, PageTitle, StatusBadge, When } from '../components/common';
import { CorridorBadge } from '../components/CorridorBadge';
import { EvacuationChart } from '../components/EvacuationChart';
import { PeriodPicker } from '../components/PeriodPicker';
import { formatRange } from '../lib/format';
import { localName } from '../lib/places';
import { dashboardQuery, periodFromSearch, periodHref } from '../lib/period';
import { viewerZone } from '../lib/time';

// The map and its basemap load after the figures, in a chunk of their own: the first load stays small.
const OverviewMap = lazy(() => import('../components/OverviewMap'));

/** The dashboard's one request; index.html preloads it on `/`, so it travels beside the scripts. */
export const DASHBOARD_PATH = '/dashboard';

export function Dashboard() {
  const { t } = useTranslation();
  const period = periodFromSearch(useSearch());
  const isNow = period.kind === 'now';
  const dashboard = useQuery({
    // "Now" keeps the key and path index.html preloads; a period is its own read.
    queryKey: isNow ? ['dashboard'] : ['dashboard', period],
    queryFn: () => api<DashboardData>(`${DASHBOARD_PATH}${dashboardQuery(period, Date.now(), viewerZone())}`),
    // Past days do not change by themselves; now and the last 24 hours do.
    refetchInterval: period.kind === 'days' ? false : 30_000,
  });
  const data = dashboard.data;
  const ready = !dashboard.isPending;
  const state = dashboard.isPending ? <Loading /> : <LoadError error={dashboard.error} />;

  return (
    <div className="page dashboard">
      <PageTitle>{t('dashboard.title')}</PageTitle>
      <PeriodPicker period={period} />
      <div className="cards">
        <section aria-labelledby="open-now" className="card" data-ready={ready}>
          <h2 id="open-now">{t(isNow ? 'dashboard.openNow' : 'period.corridors')}</h2>
          {state}
          {data ? <OpenNow items={data.openCorridors} isNow={isNow} /> : null}
        </section>
        <section
          aria-labelledby="open-flags"
          className="card"
          data-ready={ready}
          data-testid="dashboard-flags"
        >
          <h2 id="open-flags">{t(isNow ? 'dashboard.openFlags' : 'period.flags')}</h2>
          {state}
          {data ? (
            <FlagsBySeverity
              counts={data.flags.open}
              awaiting={data.flags.awaiting}
              flags={data.flags.mostSevere}
              isNow={isNow}
            />
          ) : null}
        </section>
      </div>
      <section aria-labelledby="next-48" className="card" data-ready={ready}>
        <h2 id="next-48">{t(isNow ? 'dashboard.next48' : 'period.windows')}</h2>
        {state}
        {data ? <UpcomingWindows rows={data.upcomingWindows} isNow={isNow} /> : null}
      </section>
      <section aria-labelledby="evac-totals" className="card" data-ready={ready}>
        <h2 id="evac-totals">{t(isNow ? 'dashboard.evacuations' : 'period.evacuations')}</h2>
        {state}
        {data ? <EvacuationTotals totals={data.evacuations} /> : null}
      </section>
      {/* Last on the page: appearing once the figures are in, it moves nothing above it. */}
      {data?.openCorridors.some((c) => c.way) ? (
        <section aria-labelledby="overview-map" className="card">
          <h2 id="overview-map">{t('map.overviewHeading')}</h2>
          <Suspense fallback={<div className="map-frame" />}>
            <OverviewMap corridors={data.openCorridors} />
          </Suspense>
        </section>
      ) : null}
    </div>
  );
}

function OpenNow({ items, isNow }: { items: DashboardData['openCorridors']; isNow: boolean }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0)
    return <p className="muted">{t(isNow ? 'dashboard.noneOpen' : 'period.noCorridors')}</p>;
  return (
    <ul className="plain">
      {items.map((c) => (
        <li key={c.id}>
          <Link to={`/corridors/${c.id}`}>{c.name}</Link>{' '}
          <CorridorBadge status={c.status} promise={c.promise} />{' '}
          <span className="muted">
            {localName({ name: c.originName, names: c.originNames }, i18n.language)} →{' '}
            {c.destinationName
              ? localName({ name: c.destinationName, names: c.destinationNames }, i18n.language)
              : t('corridor.anyDirection')}{' '}
            · {t('corridor.evacuated')}: {formatRange(c.evacuation.low, c.evacuation.high, i18n.language)}
          </span>
        </li>
      ))}
    </ul>
  );
}

function FlagsBySeverity({
  counts,
  awaiting,
  flags,
  isNow,
}: {
  counts: DashboardData['flags']['open'];
  awaiting: DashboardData['flags']['awaiting'];
  flags: DashboardFlag[];
  isNow: boolean;
}) {
  const { t } = useTranslation();
  if (counts.total === 0) return <p className="muted">{t(isNow ? 'flags.noneOpen' : 'period.noFlags')}</p>;
  return (
    <div>
      <ul className="severity-counts">
        {SEVERITIES.map((s) => (
          <li key={s}>
            <span className={`badge badge-${s}`}>{t(`severity.${s}`)}</span> <strong>{counts[s]}</strong>
          </li>
        ))}
      </ul>
      {/* The same count as the corridor list's flag column and the flags page's first view. */}
      <p data-testid="dashboard-flags-awaiting">
        <Link to="/flags">{t('dashboard.awaiting', { count: awaiting.total })}</Link>
      </p>
      <ul className="plain">
        {flags.map((f) => (
          <li key={f.id} data-testid="dashboard-flag">
            <span className={`badge badge-${f.severity}`}>{t(`severity.${f.severity}`)}</span>{' '}
            {t(`rule.${f.rule}`)} — <Link to={`/corridors/${f.corridorId}`}>{f.corridorName}</Link>
            {f.isOpen === false ? <span className="muted"> ({t('period.resolved')})</span> : null}
            {f.isOpen && f.isAcknowledged ? (
              <span className="muted"> ({t('dashboard.acknowledged')})</span>
            ) : null}
          </li>
        ))}
      </ul>
      <p>
        <Link to="/flags">{t('dashboard.allFlags')}</Link>
      </p>
    </div>
  );
}

function UpcomingWindows({ rows, isNow }: { rows: DashboardWindow[]; isNow: boolean }) {
  const { t } = useTranslation();
  if (rows.length === 0)
    return <p className="muted">{t(isNow ? 'dashboard.noWindows' : 'period.noWindows')}</p>;
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
          {rows.map((w) => (
            <tr key={w.id} data-testid="upcoming-window">
              <td>
                <Link to={`/corridors/${w.corridorId}`}>{w.corridorName}</Link>
              </td>
              <td>
                <When at={w.startsAt} zone={w.placeTimezone} />
              </td>
              <td>
                <StatusBadge status={w.confirmationState.status} kind="confirmationState" />
                <ul className="plain parties">
                  {w.confirmationState.parties.map((p) => (
                    <li key={p.partyId}>
                      {p.shortName || p.name}: <StatusBadge status={p.stance ?? 'none'} kind="stance" />
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EvacuationTotals({ totals }: { totals: DashboardData['evacuations'] }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <p className="big-figure">
        {formatRange(totals.low, totals.high, i18n.language)}{' '}
        <span className="muted">{t('dashboard.peopleInAll')}</span>
      </p>
      <EvacuationChart days={totals.byDay} />
      {totals.byDay.length > 0 ? (
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
              {totals.byDay.map((d) => (
                <tr key={d.day}>
                  <td>
                    {/* One click to that day's dashboard. */}
                    <Link
                      to={periodHref({ kind: 'days', from: d.day, to: d.day })}
                      aria-label={t('period.viewDay', { day: d.day })}
                    >
                      {d.day}
                    </Link>
                  </td>
                  <td>{formatRange(d.low, d.high, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
