import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from '../i18n';
import { Link } from 'wouter';
import { api, query } from '../api/client';
import type { AuditEntry, Page } from '../api/types';
import { LoadError, Loading, PageTitle, When } from '../components/common';

export default function Audit() {
  const { t } = useTranslation();
  const [entity, setEntity] = useState('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1];
  const audit = useQuery({
    queryKey: ['audit', entity, cursor],
    queryFn: () => api<Page<AuditEntry>>(`/audit${query({ entity, cursor, limit: 50 })}`),
    placeholderData: keepPreviousData,
    retry: false,
  });
  return (
    <div className="page">
      <PageTitle>{t('audit.title')}</PageTitle>
      <div className="filters">
        <label>
          <span>{t('audit.entity')}</span>
          <input
            value={entity}
            onChange={(e) => {
              setCursors([null]);
              setEntity(e.target.value.trim());
            }}
          />
        </label>
      </div>
      {audit.isPending ? <Loading /> : <LoadError error={audit.error} />}
      {audit.data ? (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.entity')}</th>
                <th scope="col">{t('audit.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {audit.data.items.map((a) => (
                <tr key={a.seq}>
                  <td>
                    <When at={a.at} />
                  </td>
                  <td>{a.actorId ? <code>{a.actorId.slice(-8)}</code> : t('timeline.system')}</td>
                  <td>
                    <code>{a.action}</code> {a.outcome === 'refused' ? `(${t('audit.refused')})` : ''}
                  </td>
                  <td>
                    {a.corridorId ? <Link to={`/corridors/${a.corridorId}`}>{a.entity}</Link> : a.entity}
                  </td>
                  <td>
                    {a.after ? (
                      <details>
                        <summary>{t('audit.show')}</summary>
                        <pre className="small">
                          {JSON.stringify({ before: a.before, after: a.after }, null, 1)}
                        </pre>
                      </details>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <nav className="pager" aria-label={t('common.pages')}>
        <button type="button" disabled={cursors.length < 2} onClick={() => setCursors(cursors.slice(0, -1))}>
          {t('common.previous')}
        </button>
        <button
          type="button"
          disabled={!audit.data?.nextCursor}
          onClick={() => audit.data?.nextCursor && setCursors([...cursors, audit.data.nextCursor])}
        >
          {t('common.next')}
        </button>
      </nav>
    </div>
  );
}
