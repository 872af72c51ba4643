import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../i18n';
import { api } from '../api/client';
import { LoadError, Loading, PageTitle } from '../components/common';

type Health = Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Background job health: queues with their counts, and whatever else the server reports. */
export default function Jobs() {
  const { t } = useTranslation();
  const health = useQuery({
    queryKey: ['jobs', 'health'],
    queryFn: () => api<Health>('/jobs/health'),
    retry: false,
    refetchInterval: 15_000,
  });
  const server = useQuery({
    queryKey: ['health'],
    queryFn: async () => (await fetch('/health')).json() as Promise<Record<string, string>>,
  });
  const queues = Array.isArray(health.data?.queues) ? (health.data.queues as Health[]) : [];
  const counterKeys = [...new Set(queues.flatMap((q) => Object.keys(isRecord(q.counts) ? q.counts : {})))];
  const rest = Object.entries(health.data ?? {}).filter(([k]) => k !== 'queues');

  return (
    <div className="page">
      <PageTitle>{t('jobs.title')}</PageTitle>
      {server.data ? (
        <p>
          {t('jobs.database')}:{' '}
          <span className={`badge badge-${server.data.database}`}>
            {t(`jobs.state.${server.data.database}`)}
          </span>{' '}
          · {t('jobs.redis')}:{' '}
          <span className={`badge badge-${server.data.redis}`}>{t(`jobs.state.${server.data.redis}`)}</span>
        </p>
      ) : null}
      {health.isPending ? <Loading /> : <LoadError error={health.error} />}
      {queues.length > 0 ? (
        <div className="table-wrap" tabIndex={0}>
          <table data-testid="queues">
            <thead>
              <tr>
                <th scope="col">{t('jobs.queue')}</th>
                {counterKeys.map((k) => (
                  <th key={k} scope="col">
                    <code>{k}</code>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {queues.map((q) => (
                <tr key={String(q.name)}>
                  <td>
                    <code>{String(q.name)}</code>
                  </td>
                  {counterKeys.map((k) => (
                    <td key={k}>{String((q.counts as Health | undefined)?.[k] ?? '—')}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {rest.length > 0 ? (
        <dl className="facts">
          {rest.map(([k, v]) => (
            <div key={k}>
              <dt>
                <code>{k}</code>
              </dt>
              <dd>
                <pre className="small">{typeof v === 'string' ? v : JSON.stringify(v, null, 1)}</pre>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}
