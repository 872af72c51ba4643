import { useTranslation } from '../i18n';
import { Link, useRouteError } from '../lib/router';

export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError() as Error | undefined;
  return (
    <main id="main" className="page">
      <h1 tabIndex={-1}>{t('error.title')}</h1>
      <p>{t('error.body')}</p>
      {error?.message ? <pre className="small">{error.message}</pre> : null}
      <p>
        <Link to="/">{t('nav.dashboard')}</Link>
      </p>
    </main>
  );
}
