import { query } from '../api/client';
import type { CorridorFilter } from '../api/types';
import { useTranslation } from '../i18n';

const FILES = ['corridors.csv', 'windows.csv', 'claims.csv', 'flags.csv', 'corridors.geojson'] as const;

/** Downloads of what the page shows (the list's filters, or one corridor): plain links, the session cookie signs them. */
export function ExportLinks({ filter }: { filter: CorridorFilter }) {
  const { t } = useTranslation();
  const search = query({ ...filter });
  return (
    <nav className="exports" aria-label={t('exports.label')} data-testid="export-links">
      <span>{t('exports.label')}:</span>{' '}
      {FILES.map((file, index) => (
        <span key={file}>
          {index > 0 ? ' · ' : null}
          <a href={`/api/v1/exports/${file}${search}`} download>
            {t(`exports.files.${file.replace('.', '_')}`)}
          </a>
        </span>
      ))}
    </nav>
  );
}
