import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from '../i18n';
import { api } from '../api/client';
import type { OutboxMessage, Page } from '../api/types';
import { LoadError, Loading, PageTitle, When } from '../components/common';
import { DataTable, type Column } from '../components/DataTable';

/** E-mails written to the local outbox when no SMTP server is configured (issue 5's endpoint). */
export default function Outbox() {
  const { t } = useTranslation();
  const outbox = useQuery({
    queryKey: ['outbox'],
    queryFn: async () => {
      const result = await api<Page<OutboxMessage> | OutboxMessage[]>('/outbox?limit=100');
      return Array.isArray(result) ? result : result.items;
    },
    retry: false,
  });
  const columns = useMemo<Column<OutboxMessage>[]>(
    () => [
      {
        id: 'at',
        header: t('outbox.at'),
        accessorFn: (m) => m.writtenAt,
        sortingFn: 'basic',
        cell: (cell) => <When at={cell.row.original.writtenAt} />,
      },
      { accessorKey: 'to', header: t('outbox.to'), sortingFn: 'text' },
      { accessorKey: 'subject', header: t('outbox.subject'), sortingFn: 'text' },
    ],
    [t],
  );
  return (
    <div className="page">
      <PageTitle>{t('outbox.title')}</PageTitle>
      <p className="muted">{t('outbox.intro')}</p>
      {outbox.isPending ? <Loading /> : <LoadError error={outbox.error} />}
      {outbox.data?.length === 0 ? <p className="muted">{t('outbox.none')}</p> : null}
      {outbox.data && outbox.data.length > 0 ? (
        <DataTable columns={columns} rows={outbox.data} rowId={(m) => m.name} label={t('outbox.title')} />
      ) : null}
    </div>
  );
}
