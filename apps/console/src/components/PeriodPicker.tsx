import type { FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { useTranslation } from '../i18n';
import { periodHref, type DashboardPeriod } from '../lib/period';

/** Now, the last 24 hours, or chosen days: the dashboard's address keeps the choice, so a link opens it again. */
export function PeriodPicker({ period }: { period: DashboardPeriod }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const days = period.kind === 'days' ? period : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const from = String(data.get('from') ?? '');
    const to = String(data.get('to') ?? '');
    if (from) navigate(periodHref({ kind: 'days', from, to: to && to >= from ? to : from }));
  }

  return (
    <nav aria-label={t('period.label')} className="period" data-testid="period">
      <ul className="period-choices">
        {(['now', 'last24h'] as const).map((kind) => (
          <li key={kind}>
            <Link to={periodHref({ kind })} aria-current={period.kind === kind ? 'true' : undefined}>
              {t(`period.${kind}`)}
            </Link>
          </li>
        ))}
      </ul>
      <form className="period-days" onSubmit={onSubmit} key={days ? `${days.from}/${days.to}` : 'none'}>
        <label>
          <span>{t('period.from')}</span>
          <input type="date" name="from" required defaultValue={days?.from ?? ''} />
        </label>
        <label>
          <span>{t('period.to')}</span>
          <input type="date" name="to" defaultValue={days && days.to !== days.from ? days.to : ''} />
        </label>
        <button type="submit">{t('period.show')}</button>
      </form>
      {days ? (
        <p className="small" data-testid="period-shown">
          {t('period.showing', { from: days.from, to: days.to })}
        </p>
      ) : null}
    </nav>
  );
}
