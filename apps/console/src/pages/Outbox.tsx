import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../i18n';
import { api } from '../api/client';
import type { OutboxMessage, Page } from '../api/types';
import { LoadError, Loading, PageTitle, When } from '../components/common';

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
  return (
    <div className="page">
      <PageTitle>{t('outbox.title')}</PageTitle>
      <p className="muted">{t('outbox.intro')}</p>
      {outbox.isPending ? <Loading /> : <LoadError error={outbox.error} />}
      {outbox.data?.length === 0 ? <p className="muted">{t('outbox.none')}</p> : null}
      {outbox.data && outbox.data.length > 0 ? (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('outbox.at')}</th>
                <th scope="col">{t('outbox.to')}</th>
                <th scope="col">{t('outbox.subject')}</th>
                <th scope="col">{t('outbox.state')}</th>
              </tr>
            </thead>
            <tbody>
              {outbox.data.map((m) => (
                <tr key={m.id}>
                  <td>
                    <When at={m.sentAt ?? m.createdAt} />
                  </td>
                  <td>{m.to}</td>
                  <td>{m.subject}</td>
                  <td>{m.status ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
