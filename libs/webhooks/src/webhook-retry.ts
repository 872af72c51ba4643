/** How long until a failed webhook attempt is tried again. */
export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
}

/**
 * Exponential backoff: the base after the first failed attempt, doubled at each further one, at most `maxMs`;
 * never sooner than a `Retry-After` the receiver asked for (within the same bound). A jitter of up to a tenth
 * spreads retries that failed together.
 */
export function retryDelayMs(
  attempts: number,
  policy: RetryPolicy,
  retryAfterMs: number | null = null,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(policy.baseMs * 2 ** Math.max(0, attempts - 1), policy.maxMs);
  const jittered = Math.round(exponential * (1 - 0.1 * random()));
  return Math.min(Math.max(jittered, retryAfterMs ?? 0), policy.maxMs);
}

/** A `Retry-After` header (seconds or an HTTP date) in milliseconds from `now`; null when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, now: Date): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}
