import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useSearchParams } from 'wouter';
import { api } from '../api/client';
import type { CorridorFilter, Feed, FeedCreated } from '../api/types';
import { LoadError, Loading, PageTitle, When } from '../components/common';
import { CorridorFilterFields } from '../components/CorridorFilterFields';
import { DataTable, type Column } from '../components/DataTable';
import { useTranslation } from '../i18n';

const FILTERS = ['corridorId', 'status', 'partyId', 'locationId', 'q'] as const;

/** Calendar feeds: the windows of the corridors a filter selects, for a calendar application to subscribe to. */
export default function Feeds() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<FeedCreated | null>(null);
  const [isCopied, setCopied] = useState(false);
  const list = useQuery({ queryKey: ['feeds'], queryFn: () => api<{ items: Feed[] }>('/feeds') });
  const create = useMutation({
    mutationFn: (body: { name: string; filter: CorridorFilter }) =>
      api<FeedCreated>('/feeds', { method: 'POST', body }),
    onSuccess: (feed) => {
      setCreated(feed);
      setCopied(false);
      void queryClient.invalidateQueries({ queryKey: ['feeds'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/feeds/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['feeds'] }),
  });
  const { mutate: revokeFeed } = revoke;
  const columns = useMemo<Column<Feed>[]>(
    () => [
      { accessorKey: 'name', header: t('feeds.name') },
      {
        id: 'filter',
        header: t('feeds.filter'),
        enableSorting: false,
        cell: ({ row }) =>
          Object.entries(row.original.filter)
            .map(([key, value]) => `${key}: ${String(value)}`)
            .join(', ') || t('feeds.everything'),
      },
      {
        id: 'createdAt',
        header: t('feeds.created'),
        cell: ({ row }) => <When at={row.original.createdAt} />,
      },
      {
        id: 'actions',
        header: t('common.actions'),
        enableSorting: false,
        cell: ({ row }) => (
          <button type="button" className="link" onClick={() => revokeFeed(row.original.id)}>
            {t('feeds.revoke')}
          </button>
        ),
      },
    ],
    [t, revokeFeed],
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const filter = Object.fromEntries(
      FILTERS.map((f) => [f, String(data.get(f) ?? '').trim()]).filter(([, value]) => value),
    ) as CorridorFilter;
    create.mutate({ name: String(data.get('name') ?? '').trim(), filter });
  }

  async function copy(url: string) {
    await navigator.clipboard?.writeText(url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  }

  return (
    <div className="page">
      <PageTitle>{t('feeds.title')}</PageTitle>
      <p className="muted">{t('feeds.intro')}</p>
      {created ? (
        <section className="notice" role="status" data-testid="feed-url">
          <h2>{t('feeds.once')}</h2>
          <label>
            <span>{t('feeds.url')}</span>
            <input readOnly value={created.url} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <button type="button" onClick={() => void copy(created.url)}>
            {isCopied ? t('feeds.copied') : t('feeds.copy')}
          </button>
        </section>
      ) : null}
      {list.isPending ? <Loading /> : <LoadError error={list.error} />}
      {list.data && list.data.items.length === 0 ? <p className="muted">{t('feeds.none')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <DataTable columns={columns} rows={list.data.items} rowId={(f) => f.id} label={t('feeds.title')} />
      ) : null}
      <h2>{t('feeds.add')}</h2>
      <form className="stack" onSubmit={submit}>
        <label>
          <span>{t('feeds.name')}</span>
          <input name="name" required maxLength={200} defaultValue={params.get('name') ?? ''} />
        </label>
        <input type="hidden" name="corridorId" value={params.get('corridorId') ?? ''} />
        {params.get('corridorId') ? (
          <p className="muted">{t('feeds.oneCorridor')}</p>
        ) : (
          <CorridorFilterFields />
        )}
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('feeds.add')}
        </button>
        <LoadError error={create.error ?? revoke.error} />
      </form>
    </div>
  );
}
