import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from '../i18n';
import { api } from '../api/client';
import { QUEUE_COUNTS, type FailedJob, type JobHealth, type QueueHealth } from '../api/types';
import { LoadError, Loading, PageTitle, When } from '../components/common';
import { DataTable, type Column } from '../components/DataTable';
import { queueText } from '../lib/audit-words';

/** Background jobs for admins: the database and Redis, queue depths, the last sweep, failed jobs and their retry. */
export default function Jobs() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const health = useQuery({
    queryKey: ['jobs', 'health'],
    queryFn: () => api<JobHealth>('/jobs/health'),
    retry: false,
    refetchInterval: 15_000,
  });
  const server = useQuery({
    queryKey: ['health'],
    queryFn: async () => (await fetch('/health')).json() as Promise<Record<string, string>>,
  });
  const retry = useMutation({
    mutationFn: (job: FailedJob) =>
      api<{ id: string }>(`/jobs/failed/${encodeURIComponent(job.id)}/retry`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['jobs', 'health'] }),
  });
  const { mutate: retryJob, isPending: retrying } = retry;

  const queueColumns = useMemo<Column<QueueHealth>[]>(
    () => [
      {
        accessorKey: 'name',
        header: t('jobs.queue'),
        cell: ({ row }) => (
          <>
            {queueText(row.original.name, t)} <code className="muted">{row.original.name}</code>
          </>
        ),
      },
      ...QUEUE_COUNTS.map((state): Column<QueueHealth> => ({
        id: state,
        header: t(`jobs.count.${state}`),
        accessorFn: (queue) => queue.counts[state],
      })),
    ],
    [t],
  );
  const failedColumns = useMemo<Column<FailedJob>[]>(
    () => [
      {
        id: 'job',
        header: t('jobs.job'),
        accessorFn: (job) => `${job.queue} ${job.name}`,
        cell: ({ row: { original: job } }) => (
          <>
            <code>{job.name}</code> <span className="muted">{queueText(job.queue, t)}</span>
          </>
        ),
      },
      {
        accessorKey: 'failedReason',
        header: t('jobs.error'),
        cell: ({ row }) => <code>{row.original.failedReason}</code>,
      },
      { accessorKey: 'attemptsMade', header: t('jobs.attempts') },
      {
        id: 'failedAt',
        header: t('jobs.failedAt'),
        accessorFn: (job) => job.failedAt ?? '',
        cell: ({ row }) => <When at={row.original.failedAt} />,
      },
      {
        id: 'actions',
        header: t('common.actions'),
        enableSorting: false,
        cell: ({ row: { original: job } }) => (
          <button
            type="button"
            disabled={retrying}
            aria-label={t('jobs.retryOf', { name: job.name, id: job.id })}
            onClick={() => retryJob(job)}
          >
            {t('jobs.retry')}
          </button>
        ),
      },
    ],
    [t, retryJob, retrying],
  );

  const data = health.data;
  const failed = data?.queues.flatMap((queue) => queue.failed) ?? [];
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
      {data ? (
        <>
          <dl className="facts">
            <div>
              <dt>{t('jobs.lastSweep')}</dt>
              <dd data-testid="last-sweep">
                {data.lastSweepAt ? <When at={data.lastSweepAt} /> : t('jobs.never')}
              </dd>
            </div>
            <div>
              <dt>{t('jobs.outbox')}</dt>
              <dd>
                {data.outbox.pending}
                {data.outbox.oldestCreatedAt ? (
                  <>
                    {' '}
                    · {t('jobs.oldest')} <When at={data.outbox.oldestCreatedAt} />
                  </>
                ) : null}
              </dd>
            </div>
          </dl>
          {data.queues.length > 0 ? (
            <DataTable
              columns={queueColumns}
              rows={data.queues}
              rowId={(queue) => queue.name}
              label={t('jobs.title')}
              testId="queues"
            />
          ) : null}
          <h2>{t('jobs.failedTitle')}</h2>
          <LoadError error={retry.error} />
          {retry.data ? <p role="status">{t('jobs.retried', { id: retry.data.id })}</p> : null}
          {failed.length > 0 ? (
            <DataTable
              columns={failedColumns}
              rows={failed}
              rowId={(job) => `${job.queue}:${job.id}`}
              label={t('jobs.failedTitle')}
              testId="failed-jobs"
            />
          ) : (
            <p className="muted">{t('jobs.noneFailed')}</p>
          )}
        </>
      ) : null}
      <p>
        <a href="/api/admin/queues">{t('jobs.board')}</a>
      </p>
    </div>
  );
}
