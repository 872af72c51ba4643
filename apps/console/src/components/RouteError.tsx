import type { FallbackProps } from 'react-error-boundary';
import { Link } from 'wouter';
import { useTranslation } from '../i18n';
import { isChunkLoadError, retryFailedPages } from '../lib/lazy-page';

/**
 * What a page shows when it failed to render or its code did not arrive. "Try again" renders it afresh (a page's
 * code is downloaded again), with no reload: whatever the person typed elsewhere stays.
 */
export function RouteError({ error, resetErrorBoundary }: FallbackProps) {
  const { t } = useTranslation();
  const notDownloaded = isChunkLoadError(error);
  const message = error instanceof Error ? error.message : undefined;
  return (
    <div className="page" role="alert">
      <h1 tabIndex={-1}>{t(notDownloaded ? 'pageError.notDownloadedTitle' : 'error.title')}</h1>
      <p>{t(notDownloaded ? 'pageError.notDownloaded' : 'error.body')}</p>
      {/* The browser's own words are for a support call, not for the reader: never the only text shown. */}
      {message && !notDownloaded ? (
        <details>
          <summary>{t('pageError.details')}</summary>
          <pre className="small">{message}</pre>
        </details>
      ) : null}
      <p className="actions">
        <button
          type="button"
          className="primary"
          onClick={() => {
            retryFailedPages();
            resetErrorBoundary();
          }}
        >
          {t('pageError.tryAgain')}
        </button>{' '}
        <Link to="/">{t('nav.dashboard')}</Link>
      </p>
    </div>
  );
}
