import type { FallbackProps } from 'react-error-boundary';
import { Link } from 'wouter';
import { useTranslation } from '../i18n';

/** What a page shows when it failed to render or its code did not arrive. */
export function RouteError({ error }: FallbackProps) {
  const { t } = useTranslation();
  const message = error instanceof Error ? error.message : undefined;
  return (
    <div className="page" role="alert">
      <h1 tabIndex={-1}>{t('error.title')}</h1>
      <p>{t('error.body')}</p>
      {message ? <pre className="small">{message}</pre> : null}
      <p>
        <Link to="/">{t('nav.dashboard')}</Link>
      </p>
    </div>
  );
}
