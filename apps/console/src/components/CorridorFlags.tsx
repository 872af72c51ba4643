import { Link } from 'wouter';
import { SEVERITIES, type Corridor } from '../api/types';
import { useTranslation } from '../i18n';

/** The corridor's open flags, most severe first, each with its window's number: read beside the figures. */
export function CorridorFlags({ corridor }: { corridor: Corridor }) {
  const { t } = useTranslation();
  const open = corridor.windows
    .flatMap((w, index) => (w.flags ?? []).map((flag) => ({ flag, window: index + 1 })))
    .filter(({ flag }) => flag.isOpen !== false)
    .sort(
      (a, b) =>
        SEVERITIES.indexOf(a.flag.severity) - SEVERITIES.indexOf(b.flag.severity) ||
        b.flag.raisedAt.localeCompare(a.flag.raisedAt),
    );
  if (open.length === 0) return <p className="muted">{t('flags.noneOpen')}</p>;
  return (
    <>
      <ul className="plain" data-testid="corridor-flags">
        {open.map(({ flag, window }) => (
          <li key={flag.id}>
            <span className={`badge badge-${flag.severity}`}>{t(`severity.${flag.severity}`)}</span>{' '}
            {t(`rule.${flag.rule}`)} <span className="muted">· {t('summary.window', { n: window })}</span>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/flags">{t('dashboard.allFlags')}</Link>
      </p>
    </>
  );
}
