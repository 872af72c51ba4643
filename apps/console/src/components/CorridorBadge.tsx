import type { CorridorPromise, CorridorStatus } from '../api/types';
import { useTranslation } from '../i18n';
import { corridorTone, type Tone } from '../lib/corridor-tone';

// A shape beside the colour, so that the tone does not rest on colour alone.
const MARK: Record<Tone, string> = { ok: '✓', warning: '!', critical: '✕', neutral: '·' };

/**
 * A corridor's status and its promise, always together ("completed · promise unconfirmed"), in one badge whose
 * colour follows corridorTone: the promise, once settled, decides.
 */
export function CorridorBadge({ status, promise }: { status: CorridorStatus; promise: CorridorPromise }) {
  const { t } = useTranslation();
  const tone = corridorTone(status, promise);
  return (
    <span
      className={`badge corridor-badge tone-${tone}`}
      data-tone={tone}
      data-testid="corridor-badge"
      title={t(`promise.explain.${promise}`)}
    >
      <span aria-hidden="true" className="tone-mark">
        {MARK[tone]}
      </span>{' '}
      {t(`status.${status}`)} · {t('promise.label', { promise: t(`promise.value.${promise}`) })}
    </span>
  );
}
