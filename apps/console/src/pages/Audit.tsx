import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from '../i18n';
import { Link } from 'wouter';
import { api, query } from '../api/client';
import { useUserNames } from '../api/hooks';
import type { AuditEntry, Page } from '../api/types';
import { LoadError, Loading, PageTitle, When } from '../components/common';
import { DataTable, type Column } from '../components/DataTable';
import { Pager, useCursorPages } from '../components/Pager';
import { auditActionText, auditEntityText } from '../lib/audit-words';

export default function Audit() {
  const { t } = useTranslation();
  const [entity, setEntity] = useState('');
  const pages = useCursorPages();
  const { cursor } = pages;
  const audit = useQuery({
    queryKey: ['audit', entity, cursor],
    queryFn: () => api<Page<AuditEntry>>(`/audit${query({ entity, cursor, limit: 50 })}`),
    placeholderData: keepPreviousData,
    retry: false,
  });
  // The audit page is for admins, who may read every user's name.
  const names = useUserNames(true).data;
  const columns = useMemo<Column<AuditEntry>[]>(
    () => [
      { id: 'at', header: t('audit.at'), cell: ({ row }) => <When at={row.original.at} /> },
      {
        id: 'actor',
        header: t('audit.actor'),
        cell: ({ row: { original: a } }) =>
          a.actorId ? (names?.get(a.actorId) ?? <code>{a.actorId.slice(-8)}</code>) : t('timeline.system'),
      },
      {
        id: 'action',
        header: t('audit.action'),
        cell: ({ row: { original: a } }) => (
          <>
            <span title={a.action}>{auditActionText(a.action, t)}</span>{' '}
            {a.outcome === 'refused' ? `(${t('audit.refused')})` : ''}
          </>
        ),
      },
      {
        id: 'entity',
        header: t('audit.entity'),
        cell: ({ row: { original: a } }) =>
          a.corridorId ? (
            <Link to={`/corridors/${a.corridorId}`}>{auditEntityText(a.entity, t)}</Link>
          ) : (
            auditEntityText(a.entity, t)
          ),
      },
      {
        id: 'changes',
        header: t('audit.changes'),
        cell: ({ row: { original: a } }) =>
          a.after ? (
            <details>
              <summary>{t('audit.show')}</summary>
              <pre className="small">{JSON.stringify({ before: a.before, after: a.after }, null, 1)}</pre>
            </details>
          ) : (
            '—'
          ),
      },
    ],
    [t, names],
  );
  return (
    <div className="page">
      <PageTitle>{t('audit.title')}</PageTitle>
      <div className="filters">
        <label>
          <span>{t('audit.entity')}</span>
          <input
            value={entity}
            onChange={(e) => {
              pages.restart();
              setEntity(e.target.value.trim());
            }}
          />
        </label>
      </div>
      {audit.isPending ? <Loading /> : <LoadError error={audit.error} />}
      {audit.data ? (
        <DataTable
          columns={columns}
          rows={audit.data.items}
          rowId={(a) => String(a.seq)}
          serverOrdered
          label={t('audit.title')}
        />
      ) : null}
      <Pager pages={pages} nextCursor={audit.data?.nextCursor} />
    </div>
  );
}
