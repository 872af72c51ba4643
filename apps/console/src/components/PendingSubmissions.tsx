import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../i18n';
import { submissionQueue, useSubmissions } from '../lib/queue-instance';
import type { Submission } from '../lib/submission-queue';

/** Reports not yet stored by the server: they stay here, across reloads, until they are. */
export function PendingSubmissions() {
  const { t } = useTranslation();
  const submissions = useSubmissions();
  const queryClient = useQueryClient();
  const storedCount = useRef(0);
  const waiting = submissions.filter((s) => s.state !== 'stored');
  const stored = submissions.filter((s) => s.state === 'stored').length;

  // Something new was stored: the lists and pages that show it read it again.
  useEffect(() => {
    if (stored > storedCount.current) void queryClient.invalidateQueries();
    storedCount.current = stored;
  }, [stored, queryClient]);

  if (waiting.length === 0) return null;
  return (
    <section className="pending" aria-labelledby="pending-title" data-testid="pending-submissions">
      <h2 id="pending-title">{t('pending.title', { count: waiting.length })}</h2>
      <ul>
        {waiting.map((s) => (
          <PendingRow key={s.idempotencyKey} submission={s} />
        ))}
      </ul>
    </section>
  );
}

function PendingRow({ submission }: { submission: Submission }) {
  const { t } = useTranslation();
  const queue = submissionQueue();
  // A report typed in the field may exist nowhere else: discarding it is asked twice, "Keep it" first in reach.
  const [isConfirming, setConfirming] = useState(false);
  const discard = useRef<HTMLButtonElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (isConfirming) keep.current?.focus();
  }, [isConfirming]);
  return (
    <li data-testid="pending-submission">
      <span className={`badge badge-${submission.state}`}>{t(`pending.state.${submission.state}`)}</span>{' '}
      {submission.label}
      <SubmissionReason submission={submission} />
      {isConfirming ? (
        <span className="pending-actions" role="group" aria-label={t('pending.confirmDiscard')}>
          <strong>{t('pending.confirmDiscard')}</strong>
          <button
            type="button"
            ref={keep}
            onClick={() => {
              setConfirming(false);
              requestAnimationFrame(() => discard.current?.focus());
            }}
          >
            {t('pending.keep')}
          </button>
          <button type="button" className="danger" onClick={() => queue.discard(submission.idempotencyKey)}>
            {t('pending.discardNow')}
          </button>
        </span>
      ) : (
        <span className="pending-actions">
          {submission.state === 'pending' ? (
            <button type="button" onClick={() => void queue.flush()}>
              {t('pending.retry')}
            </button>
          ) : null}
          <button type="button" ref={discard} onClick={() => setConfirming(true)}>
            {t('pending.discard')}
          </button>
        </span>
      )}
    </li>
  );
}

/** Why the last try did not store it: no answer (in the reader's language), or the server's own words. */
function SubmissionReason({ submission }: { submission: Submission }) {
  const { t } = useTranslation();
  // Kept by an older version of the console: the browser's words, which are not the reader's.
  const isBrowserText = /^(Failed to fetch|NetworkError|Load failed)/i.test(submission.error ?? '');
  if (submission.isUnreachable || isBrowserText) {
    return <span className="muted"> — {t('freshness.unreachable')}</span>;
  }
  return submission.error ? <span className="muted"> — {submission.error}</span> : null;
}

/** Beside a form: "pending" until the server has stored this submission, then "stored". */
export function SubmissionStatus({ submission }: { submission: Submission | undefined }) {
  const { t } = useTranslation();
  if (!submission) return null;
  return (
    <p
      className={`submission submission-${submission.state}`}
      role={submission.state === 'failed' ? 'alert' : 'status'}
      data-testid="submission-status"
      data-state={submission.state}
    >
      {t(`pending.state.${submission.state}`)}
      {submission.state === 'pending' ? ` — ${t('pending.explain')}` : ''}
      {submission.state === 'failed' ? <SubmissionReason submission={submission} /> : null}
    </p>
  );
}
