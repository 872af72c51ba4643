import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from '../i18n';
import { api, isNotAvailable } from '../api/client';
import { WEBHOOK_EVENTS, type Page, type WebhookDelivery, type WebhookEndpoint } from '../api/types';
import { LoadError, Loading, PageTitle, When } from '../components/common';
import { DataTable, type Column } from '../components/DataTable';
import { formatNumber } from '../lib/format';
import type { TFunction } from '../i18n';

/** An event type in words (its dots would read as key separators). */
const eventName = (t: TFunction, event: string) => t(`webhooks.eventNames.${event.replace('.', '_')}`);

interface Fields {
  url: string;
  events: string[];
  description: string;
}

/** Webhook endpoints of the organisation: create (the secret shown once), enable, delete, and each one's deliveries. */
export default function Webhooks() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['webhook-endpoints'],
    queryFn: async () => (await api<Page<WebhookEndpoint>>('/webhook-endpoints?limit=200')).items,
    retry: false,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['webhook-endpoints'] });
  const { register, handleSubmit, reset } = useForm<Fields>({
    defaultValues: { events: [...WEBHOOK_EVENTS] },
  });
  const create = useMutation({
    mutationFn: (f: Fields) =>
      api<WebhookEndpoint & { secret: string }>('/webhook-endpoints', {
        method: 'POST',
        body: {
          url: f.url.trim(),
          events: f.events,
          ...(f.description.trim() ? { description: f.description.trim() } : {}),
        },
      }),
    onSuccess: (created) => {
      setSecret({ url: created.url, secret: created.secret });
      reset();
      void refresh();
    },
  });
  const change = useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) =>
      api(`/webhook-endpoints/${id}`, { method: 'PATCH', body: { enabled } }),
    onSuccess: () => refresh(),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/webhook-endpoints/${id}`, { method: 'DELETE' }),
    onSuccess: (_done, id) => {
      if (selected === id) setSelected(null);
      void refresh();
    },
  });
  const { mutate: setEnabled } = change;
  const { mutate: removeEndpoint } = remove;
  const columns = useMemo<Column<WebhookEndpoint>[]>(
    () => [
      { accessorKey: 'url', header: t('webhooks.url'), sortingFn: 'text' },
      {
        id: 'events',
        header: t('webhooks.events'),
        enableSorting: false,
        cell: ({ row }) => row.original.events.map((e) => eventName(t, e)).join(', '),
      },
      {
        id: 'state',
        header: t('webhooks.state'),
        accessorFn: (e) => (e.enabled ? 0 : 1),
        cell: ({ row: { original: e } }) =>
          e.enabled ? (
            e.failingSince ? (
              <span>
                {t('webhooks.failingSince')} <When at={e.failingSince} />
              </span>
            ) : (
              t('webhooks.enabled')
            )
          ) : (
            <span>
              {t('webhooks.disabled')} <When at={e.disabledAt} />
              {e.disabledReason ? ` — ${e.disabledReason}` : ''}
            </span>
          ),
      },
      {
        id: 'actions',
        header: t('common.actions'),
        enableSorting: false,
        cell: ({ row: { original: e } }) => (
          <span className="actions">
            <button
              type="button"
              className="link"
              onClick={() => setSelected(e.id)}
              aria-label={t('webhooks.showDeliveriesOf', { url: e.url })}
            >
              {t('webhooks.deliveries')}
            </button>{' '}
            <button
              type="button"
              className="link"
              onClick={() => setEnabled({ id: e.id, enabled: !e.enabled })}
            >
              {e.enabled ? t('webhooks.pause') : t('webhooks.enable')}
            </button>{' '}
            <button
              type="button"
              className="link"
              onClick={() => removeEndpoint(e.id)}
              aria-label={t('webhooks.deleteOf', { url: e.url })}
            >
              {t('common.delete')}
            </button>
          </span>
        ),
      },
    ],
    [t, setEnabled, removeEndpoint],
  );
  const selectedEndpoint = list.data?.find((e) => e.id === selected);

  return (
    <div className="page">
      <PageTitle>{t('webhooks.title')}</PageTitle>
      <p className="muted">{t('webhooks.intro')}</p>
      {list.isPending ? <Loading /> : <LoadError error={list.error} />}
      {isNotAvailable(list.error) ? null : (
        <>
          {secret ? (
            <section
              className="notice"
              role="status"
              aria-labelledby="webhook-secret-title"
              data-testid="webhook-secret"
            >
              <h2 id="webhook-secret-title">{t('webhooks.secretTitle')}</h2>
              <p>{t('webhooks.secretHelp', { url: secret.url })}</p>
              <p>
                <code className="secret">{secret.secret}</code>
              </p>
              <button type="button" onClick={() => setSecret(null)}>
                {t('webhooks.secretDone')}
              </button>
            </section>
          ) : null}
          {list.data?.length === 0 ? <p className="muted">{t('webhooks.none')}</p> : null}
          {list.data && list.data.length > 0 ? (
            <DataTable
              columns={columns}
              rows={list.data}
              rowId={(e) => e.id}
              label={t('webhooks.title')}
              testId="webhook-endpoints"
            />
          ) : null}
          <LoadError error={change.error ?? remove.error} />
          {selectedEndpoint ? <Deliveries endpoint={selectedEndpoint} /> : null}
          <h2>{t('webhooks.add')}</h2>
          <form className="stack" onSubmit={handleSubmit((f) => create.mutate(f))}>
            <label>
              <span>{t('webhooks.url')}</span>
              <input type="url" required placeholder="https://" {...register('url', { required: true })} />
            </label>
            <fieldset>
              <legend>{t('webhooks.events')}</legend>
              {WEBHOOK_EVENTS.map((event) => (
                <label key={event} className="check">
                  <input type="checkbox" value={event} {...register('events', { required: true })} />{' '}
                  {eventName(t, event)} <code>{event}</code>
                </label>
              ))}
            </fieldset>
            <label>
              <span>{t('webhooks.description')}</span>
              <input maxLength={500} {...register('description')} />
            </label>
            <button type="submit" className="primary" disabled={create.isPending}>
              {t('webhooks.create')}
            </button>
            <LoadError error={create.error} />
          </form>
        </>
      )}
    </div>
  );
}

/** One endpoint's delivery log, newest first, refreshed while anything is on its way; each can be sent again. */
function Deliveries({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const deliveries = useQuery({
    queryKey: ['webhook-deliveries', endpoint.id],
    queryFn: async () =>
      (await api<Page<WebhookDelivery>>(`/webhook-endpoints/${endpoint.id}/deliveries?limit=100`)).items,
    refetchInterval: (query) =>
      query.state.data?.some((d) => d.status !== 'delivered' && d.status !== 'failed') ? 2_000 : false,
  });
  const replay = useMutation({
    mutationFn: (id: string) =>
      api<WebhookDelivery>(`/webhook-endpoints/${endpoint.id}/deliveries/${id}/replay`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['webhook-deliveries', endpoint.id] }),
  });
  const { mutate: replayDelivery } = replay;
  const columns = useMemo<Column<WebhookDelivery>[]>(
    () => [
      {
        id: 'eventAt',
        header: t('webhooks.eventAt'),
        accessorFn: (d) => d.eventAt,
        sortingFn: 'basic',
        cell: ({ row }) => <When at={row.original.eventAt} />,
      },
      {
        id: 'event',
        header: t('webhooks.event'),
        accessorFn: (d) => d.event,
        cell: ({ row }) => eventName(t, row.original.event),
      },
      {
        id: 'status',
        header: t('webhooks.status'),
        accessorFn: (d) => d.status,
        cell: ({ row }) => (
          <span className={`badge badge-${row.original.status}`}>
            {t(`webhooks.statuses.${row.original.status}`)}
          </span>
        ),
      },
      { accessorKey: 'attempts', header: t('webhooks.attempts'), sortingFn: 'basic' },
      {
        id: 'code',
        header: t('webhooks.code'),
        accessorFn: (d) => d.lastResponseCode ?? -1,
        cell: ({ row }) => row.original.lastResponseCode ?? '—',
      },
      {
        id: 'latency',
        header: t('webhooks.latency'),
        accessorFn: (d) => d.lastLatencyMs ?? -1,
        cell: ({ row }) =>
          row.original.lastLatencyMs === null
            ? '—'
            : t('webhooks.ms', { value: formatNumber(row.original.lastLatencyMs, i18n.language) }),
      },
      {
        id: 'next',
        header: t('webhooks.nextAttempt'),
        accessorFn: (d) => d.nextAttemptAt ?? '',
        cell: ({ row }) => <When at={row.original.nextAttemptAt} />,
      },
      {
        id: 'error',
        header: t('webhooks.error'),
        accessorFn: (d) => d.error ?? '',
        cell: ({ row }) => row.original.error ?? '—',
      },
      {
        id: 'actions',
        header: t('common.actions'),
        enableSorting: false,
        cell: ({ row: { original: d } }) => (
          <button
            type="button"
            className="link"
            disabled={d.status === 'sending' || !endpoint.enabled}
            onClick={() => replayDelivery(d.id)}
            aria-label={t('webhooks.replayOf', { event: eventName(t, d.event), id: d.eventId })}
          >
            {t('webhooks.replay')}
          </button>
        ),
      },
    ],
    [t, i18n.language, replayDelivery, endpoint.enabled],
  );
  return (
    <section aria-labelledby="webhook-deliveries-title">
      <h2 id="webhook-deliveries-title">{t('webhooks.deliveriesOf', { url: endpoint.url })}</h2>
      {deliveries.isPending ? <Loading /> : <LoadError error={deliveries.error} />}
      <LoadError error={replay.error} />
      {deliveries.data?.length === 0 ? <p className="muted">{t('webhooks.noDeliveries')}</p> : null}
      {deliveries.data && deliveries.data.length > 0 ? (
        <DataTable
          columns={columns}
          rows={deliveries.data}
          rowId={(d) => d.id}
          serverOrdered
          label={t('webhooks.deliveries')}
          testId="webhook-deliveries"
        />
      ) : null}
    </section>
  );
}
