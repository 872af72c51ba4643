import { useEffect, useRef } from 'react';
import { useLocation } from 'wouter';
import { useTranslation } from '../i18n';
import { formatAge, formatSince } from '../lib/age';
import { viewerZone } from '../lib/time';
import { useFreshness } from '../offline/freshness';
import { takeUpdate, useHasUnsavedInput, useUpdateReady } from '../offline/update';

/**
 * Above every page: when its data was fetched ("Updated 06:02 Europe/Kyiv, 3 minutes ago"), a banner when it
 * may be out of date (offline, or the last refresh failed), and a new version of the console when one is ready.
 */
export function AppStatus() {
  return (
    <div className="app-status">
      <UpdateReady />
      <Freshness />
    </div>
  );
}

function Freshness() {
  const { t, i18n } = useTranslation();
  const { updatedAt, isOffline, isStale, now } = useFreshness();
  const zone = viewerZone();
  const when = updatedAt === null ? '' : formatSince(updatedAt, now, zone, i18n.language);
  const ago = updatedAt === null ? '' : formatAge(updatedAt, now, i18n.language);
  const banner = isOffline
    ? updatedAt === null
      ? t('freshness.offlineNothing')
      : t('freshness.offline', { when, zone, ago })
    : isStale && updatedAt !== null
      ? t('freshness.failed', { when, zone, ago })
      : null;
  return (
    <>
      {banner ? (
        <p className="stale-banner" role="status" data-testid="stale-banner">
          {banner}
        </p>
      ) : null}
      {updatedAt !== null && !banner ? (
        <p className="freshness" data-testid="freshness">
          {t('freshness.updated', { when, zone, ago })}
        </p>
      ) : !banner ? (
        // Its place kept until the first answer: the page below does not move when the line appears.
        <p className="freshness" aria-hidden="true" />
      ) : null}
    </>
  );
}

function UpdateReady() {
  const { t } = useTranslation();
  const isReady = useUpdateReady();
  const hasUnsavedInput = useHasUnsavedInput();
  const [path] = useLocation();
  const shownPath = useRef(path);

  // The next navigation takes the new version: the page being left, and any form on it, is gone anyway.
  useEffect(() => {
    if (isReady && path !== shownPath.current) takeUpdate();
    shownPath.current = path;
  }, [isReady, path]);

  if (!isReady) return null;
  return (
    <p className="update-ready" role="status" data-testid="update-ready">
      {t('update.ready')}{' '}
      {hasUnsavedInput ? (
        t('update.afterForm')
      ) : (
        <>
          {t('update.next')}{' '}
          <button type="button" className="link" onClick={takeUpdate}>
            {t('update.now')}
          </button>
        </>
      )}
    </p>
  );
}
