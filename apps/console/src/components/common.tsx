import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from '../i18n';
import { ApiError, isNotAvailable } from '../api/client';
import { localName } from '../lib/places';
import { formatWhen, viewerZone, whenParts } from '../lib/time';

/**
 * An instant in the place's zone and the viewer's, each named: "5 May 2022, 09:00 Europe/Kyiv (08:00 Europe/London,
 * yours)", once when they are the same. `zone` is the place's (a corridor's `placeTimezone`); without one, a time
 * of no place (an audit entry, a sign-in) is shown in the viewer's zone, named.
 */
export function When({
  at,
  zone,
  dateOnly,
}: {
  at: string | null | undefined;
  zone?: string | null;
  dateOnly?: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (!at) return <span>—</span>;
  const parts = whenParts(at, zone, i18n.language, viewerZone(), dateOnly);
  return (
    <span className="when" title={formatWhen(parts, t('when.yours'))}>
      <time dateTime={at}>{parts.place.text}</time> <span className="zone">{parts.place.zone}</span>
      {parts.viewer ? (
        <span className="other-zone">
          {' '}
          ({parts.viewer.text} <span className="zone">{parts.viewer.zone}</span>, {t('when.yours')})
        </span>
      ) : null}
    </span>
  );
}

/** A select's options for records (parties, places, corridors…), each by its name; a first empty option is the caller's. */
/** Records to choose from; a place shows its name in the reader's language when it has one. */
export function RecordOptions({
  records,
}: {
  records: readonly { id: string; name: string; names?: Record<string, string> }[] | undefined;
}) {
  const { i18n } = useTranslation();
  return (
    <>
      {records?.map((record) => (
        <option key={record.id} value={record.id}>
          {localName(record, i18n.language)}
        </option>
      ))}
    </>
  );
}

export function StatusBadge({ status, kind = 'status' }: { status: string; kind?: string }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status}`}>{t(`${kind}.${status}`)}</span>;
}

// The first page of a visit leaves focus where the browser put it; every page after it moves focus to its heading,
// so that a screen reader announces the new page.
let firstPageShown = false;

export function PageTitle({ children }: { children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstPageShown) heading.current?.focus();
    firstPageShown = true;
  }, []);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {children}
    </h1>
  );
}

/** What went wrong, or that this server has no such endpoint yet. */
export function LoadError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (isNotAvailable(error)) {
    return (
      <p className="notice" role="status" data-testid="not-available">
        {t('common.notAvailable')}
      </p>
    );
  }
  if (error instanceof ApiError) {
    return (
      <div className="error" role="alert">
        <p>{error.problem?.title ?? t('common.failed')}</p>
        {error.problem?.detail ? <p>{error.problem.detail}</p> : null}
        {error.problem?.errors?.length ? (
          <ul>
            {error.problem.errors.map((e) => (
              <li key={e.field + e.message}>
                <code>{e.field}</code>: {e.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }
  return (
    <p className="error" role="alert">
      {t('common.offline')}
    </p>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

export function SourceLink({ url }: { url: string | null | undefined }) {
  const { t } = useTranslation();
  if (!url) return <span className="muted">{t('common.noSource')}</span>;
  let host = url;
  try {
    host = new URL(url).hostname;
  } catch {
    // keep the text as it is
  }
  return (
    <a href={url} rel="noopener noreferrer" target="_blank">
      {t('common.source')}: {host}
    </a>
  );
}
