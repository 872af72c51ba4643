import type { Redis } from 'ioredis';

interface KeyCount {
  /** The total across replicas as Redis last reported it, this replica's sent counts included. */
  shared: number;
  /** Counted here, not yet added in Redis. */
  unsent: number;
  /** Whether the Redis key has its expiry already. */
  expires: boolean;
}

const RETRY_AFTER_FAILURE_MS = 1_000;
/**
 * At most this often to Redis: a report a millisecond costs one round trip per interval, not one each. A pipeline
 * costs the event loop ~0.1 ms whatever it carries; a minute's limit does not need it more often.
 */
const SYNC_INTERVAL_MS = 20;

/**
 * Counts per key and minute across replicas without a Redis round trip per count: each replica counts in
 * memory and adds what it counted to Redis in one pipeline at a time, learning the other replicas' counts
 * from the reply. A key can overrun its limit by what other replicas took within one round trip (and a few
 * milliseconds: SYNC_INTERVAL_MS). While
 * Redis is away, the count is this replica's own: limited, never unlimited.
 */
export class SharedCounter {
  private counts = new Map<string, KeyCount>();
  private bucket = Number.NaN;
  private isFlushScheduled = false;
  private inFlight: Promise<void> | undefined;
  private retryAt = 0;

  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  /** Counts one for `key` in the window `bucket`; false, counting nothing, when the limit is reached. */
  take(key: string, bucket: number): boolean {
    if (bucket !== this.bucket) this.startWindow(bucket);
    let count = this.counts.get(key);
    if (!count) this.counts.set(key, (count = { shared: 0, unsent: 0, expires: false }));
    if (count.shared + count.unsent >= this.limit) return false;
    count.unsent += 1;
    this.scheduleFlush();
    return true;
  }

  /** Sends what was counted and not yet sent; resolves once Redis answered (or failed). One at a time. */
  flush(): Promise<void> {
    this.inFlight ??= this.send().finally(() => {
      this.inFlight = undefined;
      if (this.hasUnsent()) this.scheduleFlush();
    });
    return this.inFlight;
  }

  private scheduleFlush(): void {
    if (this.isFlushScheduled || this.inFlight || Date.now() < this.retryAt) return;
    this.isFlushScheduled = true;
    // The counts taken meanwhile go to Redis together.
    setTimeout(() => {
      this.isFlushScheduled = false;
      void this.flush();
    }, SYNC_INTERVAL_MS);
  }

  private async send(): Promise<void> {
    const bucket = this.bucket;
    const batch = [...this.counts].filter(([, count]) => count.unsent > 0);
    if (batch.length === 0) return;
    const sent = batch.map(([, count]) => count.unsent);
    const pipeline = this.redis.pipeline();
    for (const [key, count] of batch) {
      const redisKey = `${this.keyPrefix}:${bucket}:${key}`;
      pipeline.incrby(redisKey, count.unsent);
      if (!count.expires) pipeline.pexpire(redisKey, 2 * this.windowMs);
    }
    try {
      const replies = (await pipeline.exec()) ?? [];
      let reply = 0;
      const totals = batch.map(([, count]) => {
        const [error, total] = replies[reply] ?? [new Error('no reply from Redis')];
        reply += count.expires ? 1 : 2;
        if (error) throw error;
        return Number(total);
      });
      if (bucket !== this.bucket) return; // a new minute began meanwhile: those counts are over
      batch.forEach(([, count], index) => {
        count.unsent -= sent[index];
        count.shared = totals[index];
        count.expires = true;
      });
    } catch (error) {
      this.retryAt = Date.now() + RETRY_AFTER_FAILURE_MS;
      this.onFailure(error);
    }
  }

  private hasUnsent(): boolean {
    return Date.now() >= this.retryAt && [...this.counts.values()].some((count) => count.unsent > 0);
  }

  private startWindow(bucket: number): void {
    this.bucket = bucket;
    this.counts = new Map();
  }
}
