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
  const text = present.map((s) => `${counts[s]} ${t(`severity.${s}`)}`).join(', ');
  return (
    <Link
      to={`/flags${query({ corridorId })}`}
      className="flag-counts"
      aria-label={t('triage.countsLabel', { counts: text })}
      data-testid="flag-counts"
    >
      {present.map((s) => (
        <span key={s} className={`badge badge-${s}`}>
          {counts[s]} {t(`severity.${s}`)}
        </span>
      ))}
    </Link>
  );
}
