import { Logger } from '@nestjs/common';

const logger = new Logger('Redis');
/** While Redis is away every reconnection fails: one line per source this often is enough to see the outage. */
const REPEAT_MS = 10_000;
const loggedAt = new Map<string, number>();

/**
 * The 'error' listener of a BullMQ queue or worker of this process. Without one, BullMQ prints each error as a raw
 * stack dump (console.error) at every reconnection; with it, the outage is a JSON log line like any other.
 */
export function logRedisErrorsOf(source: string): (error: unknown) => void {
  return (error) => {
    const now = Date.now();
    if (now - (loggedAt.get(source) ?? 0) < REPEAT_MS) return;
    loggedAt.set(source, now);
    const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
    logger.warn(
      `Redis unavailable to ${source} (${String(code ?? 'error')}: ${String(message ?? error)}); its jobs wait until it is back`,
    );
  };
}
