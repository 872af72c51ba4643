import { Link } from 'wouter';
import { query } from '../api/client';
import { SEVERITIES, type Severity } from '../api/types';
import { useTranslation } from '../i18n';

/**
 * A corridor's flags that await a coordinator, by severity ("2 critical, 1 warning"), most severe first; each
 * links to the flags page for that corridor. A dash when nothing awaits.
 */
export function FlagCounts({ corridorId, counts }: { corridorId: string; counts: Record<Severity, number> }) {
  const { t } = useTranslation();
  const present = SEVERITIES.filter((s) => counts[s] > 0);
  if (present.length === 0) return <span className="muted">{t('triage.none')}</span>;
  // The link's name is its text, read as "Flags to acknowledge: 2 critical, 1 warning" (the words it shows, in order).
  return (
    <Link to={`/flags${query({ corridorId })}`} className="flag-counts" data-testid="flag-counts">
      <span className="visually-hidden">{t('triage.countsLabel')}</span>{' '}
      {present.map((s, i) => (
        <span key={s}>
          {i > 0 ? <span className="visually-hidden">,</span> : null}{' '}
          <span className={`badge badge-${s}`}>
            {counts[s]} {t(`severity.${s}`)}
          </span>
        </span>
      ))}
    </Link>
  );
}
