import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../i18n';
import { Link } from 'wouter';
import { api } from '../api/client';
import {
  SEVERITIES,
  type Dashboard as DashboardData,
  type DashboardFlag,
  type DashboardWindow,
} from '../api/types';
import { LoadError, Loading, PageTitle, StatusBadge, When } from '../components/common';
import { EvacuationChart } from '../components/EvacuationChart';
import { formatRange } from '../lib/format';

/** The dashboard's one request; index.html preloads it on `/`, so it travels beside the scripts. */
export const DASHBOARD_PATH = '/dashboard';

export function Dashboard() {
  const { t } = useTranslation();
  const dashboard = useQuery({
    queryKey: ['dashboard'],
    queryFn: () => api<DashboardData>(DASHBOARD_PATH),
    refetchInterval: 30_000,
  });
  const data = dashboard.data;
  const ready = !dashboard.isPending;
  const state = dashboard.isPending ? <Loading /> : <LoadError error={dashboard.error} />;

  return (
    <div className="page dashboard">
      <PageTitle>{t('dashboard.title')}</PageTitle>
      <div className="cards">
        <section aria-labelledby="open-now" className="card" data-ready={ready}>
          <h2 id="open-now">{t('dashboard.openNow')}</h2>
          {state}
          {data ? <OpenNow items={data.openCorridors} /> : null}
        </section>
        <section
          aria-labelledby="open-flags"
          className="card"
          data-ready={ready}
          data-testid="dashboard-flags"
        >
          <h2 id="open-flags">{t('dashboard.openFlags')}</h2>
          {state}
          {data ? <FlagsBySeverity counts={data.flags.open} flags={data.flags.mostSevere} /> : null}
        </section>
      </div>
      <section aria-labelledby="next-48" className="card" data-ready={ready}>
        <h2 id="next-48">{t('dashboard.next48')}</h2>
        {state}
        {data ? <UpcomingWindows rows={data.upcomingWindows} /> : null}
      </section>
      <section aria-labelledby="evac-totals" className="card" data-ready={ready}>
        <h2 id="evac-totals">{t('dashboard.evacuations')}</h2>
        {state}
        {data ? <EvacuationTotals totals={data.evacuations} /> : null}
      </section>
    </div>
  );
}

function OpenNow({ items }: { items: DashboardData['openCorridors'] }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return <p className="muted">{t('dashboard.noneOpen')}</p>;
  return (
    <ul className="plain">
      {items.map((c) => (
        <li key={c.id}>
          <Link to={`/corridors/${c.id}`}>{c.name}</Link>{' '}
          <span className="muted">
            {c.originName} → {c.destinationName ?? t('corridor.anyDirection')} · {t('corridor.evacuated')}:{' '}
            {formatRange(c.evacuation.low, c.evacuation.high, i18n.language)}
          </span>
        </li>
      ))}
    </ul>
  );
}

function FlagsBySeverity({
  counts,
  flags,
}: {
  counts: DashboardData['flags']['open'];
  flags: DashboardFlag[];
}) {
  const { t } = useTranslation();
  if (counts.total === 0) return <p className="muted">{t('flags.noneOpen')}</p>;
  return (
    <div>
      <ul className="severity-counts">
        {SEVERITIES.map((s) => (
          <li key={s}>
            <span className={`badge badge-${s}`}>{t(`severity.${s}`)}</span> <strong>{counts[s]}</strong>
          </li>
        ))}
      </ul>
      <ul className="plain">
        {flags.map((f) => (
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

function UpcomingWindows({ rows }: { rows: DashboardWindow[] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="muted">{t('dashboard.noWindows')}</p>;
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
                <When at={w.startsAt} zone={w.timezone} />
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
                  <td>{d.day}</td>
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
