import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from '../i18n';
import { Link } from 'wouter';
import { api, query } from '../api/client';
import { SEVERITIES, type Flag, type Page } from '../api/types';
import { LoadError, Loading, PageTitle, When } from '../components/common';

export default function Flags() {
  const { t } = useTranslation();
  const [open, setOpen] = useState('true');
  const [severity, setSeverity] = useState('');
  const flags = useQuery({
    queryKey: ['flags', { open, severity }],
    queryFn: () => api<Page<Flag>>(`/flags${query({ open, severity, limit: 200 })}`),
    retry: false,
  });
  return (
    <div className="page">
      <PageTitle>{t('flags.title')}</PageTitle>
      <div className="filters">
        <label>
          <span>{t('flags.show')}</span>
          <select value={open} onChange={(e) => setOpen(e.target.value)}>
            <option value="true">{t('flags.open')}</option>
            <option value="false">{t('flags.resolved')}</option>
            <option value="">{t('common.any')}</option>
          </select>
        </label>
        <label>
          <span>{t('flags.severity')}</span>
          <select value={severity} onChange={(e) => setSeverity(e.target.value)}>
            <option value="">{t('common.any')}</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`severity.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {flags.isPending ? <Loading /> : <LoadError error={flags.error} />}
      {flags.data?.items.length === 0 ? <p className="muted">{t('flags.none')}</p> : null}
      <ul className="flag-list" data-testid="flag-list">
        {flags.data?.items.map((flag) => (
          <FlagRow key={flag.id} flag={flag} />
        ))}
      </ul>
    </div>
  );
}

function FlagRow({ flag }: { flag: Flag }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const acknowledge = useMutation({
    mutationFn: () =>
      api(`/flags/${flag.id}/acknowledge`, {
        method: 'POST',
        body: note.trim() ? { note: note.trim() } : {},
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['flags'] }),
  });
  return (
    <li className={`flag flag-${flag.severity}`} data-testid="flag">
      <h2 className="flag-title">
        <span className={`badge badge-${flag.severity}`}>{t(`severity.${flag.severity}`)}</span>{' '}
        {t(`rule.${flag.rule}`)}
      </h2>
      <p>
        <Link to={`/corridors/${flag.corridorId}`}>{flag.corridorName}</Link> · {t('flags.window')}{' '}
        <When at={flag.windowStartsAt} zone={flag.placeTimezone} />
      </p>
      <p className="small">
        {t('flags.raisedAt')} <When at={flag.raisedAt} zone={flag.placeTimezone} />
        {flag.resolvedAt ? (
          <>
            {' '}
            · {t('flags.resolvedAt')} <When at={flag.resolvedAt} zone={flag.placeTimezone} />
          </>
        ) : null}
      </p>
      {flag.acknowledgedAt ? (
        <p className="acknowledged" data-testid="flag-acknowledged">
          {t('flags.acknowledgedAt')} <When at={flag.acknowledgedAt} zone={flag.placeTimezone} />
          {flag.acknowledgeNote ? ` — ${flag.acknowledgeNote}` : ''}
        </p>
      ) : (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            acknowledge.mutate();
          }}
        >
          <label>
            <span>{t('flags.note')}</span>
            <input value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="submit" disabled={acknowledge.isPending}>
            {t('flags.acknowledge')}
          </button>
          <LoadError error={acknowledge.error} />
        </form>
      )}
    </li>
  );
}
