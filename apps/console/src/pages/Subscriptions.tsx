import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from '../i18n';
import { api, isNotAvailable, newIdempotencyKey } from '../api/client';
import { SEVERITIES, type Page, type Subscription } from '../api/types';
import { LoadError, Loading, PageTitle } from '../components/common';
import { DataTable, type Column } from '../components/DataTable';
import { viewerZone } from '../lib/time';

interface Fields {
  email: string;
  mode: 'immediate' | 'daily';
  digestHour: number;
  timezone: string;
  minSeverity: string;
  /** '' : the organisation's language. */
  language: '' | 'en' | 'uk';
}

export default function Subscriptions() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['subscriptions'],
    queryFn: async () => {
      const result = await api<Page<Subscription> | Subscription[]>('/subscriptions?limit=200');
      return Array.isArray(result) ? result : result.items;
    },
    retry: false,
  });
  const [key, setKey] = useState(newIdempotencyKey);
  const { register, handleSubmit, control, reset } = useForm<Fields>({
    defaultValues: {
      mode: 'daily',
      digestHour: 7,
      timezone: viewerZone(),
      minSeverity: 'warning',
      language: '',
    },
  });
  const create = useMutation({
    mutationFn: (f: Fields) =>
      api('/subscriptions', {
        method: 'POST',
        idempotencyKey: key,
        body: {
          email: f.email,
          mode: f.mode,
          minSeverity: f.minSeverity,
          // The zone its e-mails give times in, beside the place's: the reader's own, for both modes.
          timezone: f.timezone,
          ...(f.mode === 'daily' ? { digestHour: Number(f.digestHour) } : {}),
          ...(f.language ? { language: f.language } : {}),
        },
      }),
    onSuccess: () => {
      setKey(newIdempotencyKey());
      reset();
      void queryClient.invalidateQueries({ queryKey: ['subscriptions'] });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/subscriptions/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['subscriptions'] }),
  });
  const mode = useWatch({ control, name: 'mode' });
  const { mutate: removeSubscription } = remove;
  const columns = useMemo<Column<Subscription>[]>(
    () => [
      { accessorKey: 'email', header: t('subscriptions.email') },
      {
        accessorKey: 'mode',
        header: t('subscriptions.mode'),
        cell: ({ row: { original: sub } }) =>
          `${t(`subscriptions.modes.${sub.mode}`)}${
            sub.mode === 'daily'
              ? ` · ${String(sub.digestHour ?? '').padStart(2, '0')}:00 ${sub.timezone ?? ''}`
              : ''
          }`,
      },
      {
        id: 'language',
        header: t('subscriptions.language'),
        cell: ({ row }) => (row.original.language ? t(`language.${row.original.language}`) : '—'),
      },
      {
        accessorKey: 'minSeverity',
        header: t('subscriptions.minSeverity'),
        sortingFn: (a, b) =>
          SEVERITIES.indexOf(a.original.minSeverity) - SEVERITIES.indexOf(b.original.minSeverity),
        cell: ({ row }) => t(`severity.${row.original.minSeverity}`),
      },
      {
        id: 'actions',
        header: t('common.actions'),
        enableSorting: false,
        cell: ({ row }) => (
          <button type="button" className="link" onClick={() => removeSubscription(row.original.id)}>
            {t('common.delete')}
          </button>
        ),
      },
    ],
    [t, removeSubscription],
  );

  return (
    <div className="page">
      <PageTitle>{t('subscriptions.title')}</PageTitle>
      <p className="muted">{t('subscriptions.intro')}</p>
      {list.isPending ? <Loading /> : <LoadError error={list.error} />}
      {isNotAvailable(list.error) ? null : (
        <>
          {list.data && list.data.length === 0 ? <p className="muted">{t('subscriptions.none')}</p> : null}
          {list.data && list.data.length > 0 ? (
            <DataTable
              columns={columns}
              rows={list.data}
              rowId={(sub) => sub.id}
              label={t('subscriptions.title')}
            />
          ) : null}
          <h2>{t('subscriptions.add')}</h2>
          <form className="stack" onSubmit={handleSubmit((f) => create.mutate(f))}>
            <label>
              <span>{t('subscriptions.email')}</span>
              <input type="email" required {...register('email', { required: true })} />
            </label>
            <label>
              <span>{t('subscriptions.mode')}</span>
              <select {...register('mode')}>
                <option value="immediate">{t('subscriptions.modes.immediate')}</option>
                <option value="daily">{t('subscriptions.modes.daily')}</option>
              </select>
            </label>
            {mode === 'daily' ? (
              <label>
                <span>{t('subscriptions.digestHour')}</span>
                <input type="number" min={0} max={23} {...register('digestHour')} />
              </label>
            ) : null}
            <label>
              <span>{t('schedule.timezone')}</span>
              <input {...register('timezone')} />
            </label>
            <label>
              <span>{t('subscriptions.language')}</span>
              <select {...register('language')}>
                <option value="">{t('subscriptions.languageOfOrganisation')}</option>
                <option value="en">{t('language.en')}</option>
                <option value="uk">{t('language.uk')}</option>
              </select>
            </label>
            <label>
              <span>{t('subscriptions.minSeverity')}</span>
              <select {...register('minSeverity')}>
                {SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {t(`severity.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="primary" disabled={create.isPending}>
              {t('subscriptions.add')}
            </button>
            <LoadError error={create.error} />
          </form>
        </>
      )}
    </div>
  );
}
