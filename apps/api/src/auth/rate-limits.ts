import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { Clock } from '#cw/clock';
import { RateLimited } from '#cw/common';
import { AppConfig } from '#cw/config';
import { SharedCounter } from './shared-counter.js';

const WINDOW_MS = 60_000;
const CONNECT_TIMEOUT_MS = 1_000;
const OUTAGE_LOG_INTERVAL_MS = 60_000;

/**
 * Rate limits kept in Redis, so they hold across API replicas. The minute a count belongs to is read from the
 * injected clock (it is part of the key), so tests move time.
 *
 * Sign-in attempts are counted atomically in Redis by rate-limiter-flexible, and per replica while Redis is away.
 * Writes, the hot path, are counted per replica and added up in Redis in batches (SharedCounter): no round
 * trip per report, and while Redis is away each replica still limits what it counts itself.
 */
@Injectable()
export class RateLimits implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RateLimits.name);
  private readonly redis: Redis;
  private readonly loginPerAccount: RateLimiterRedis;
  private readonly loginPerAddress: RateLimiterRedis;
  private readonly writesPerKey: SharedCounter;
  private readonly writesPerKeyLimit: number;
  private outageLoggedAt = 0;

  constructor(
    config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.redis = new Redis(config.REDIS_URL, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: CONNECT_TIMEOUT_MS,
    });
    this.redis.on('error', () => undefined); // an outage is logged once a minute below, not per reconnect
    const limiter = (name: string, points: number) =>
      new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${config.RATE_LIMIT_PREFIX}:${name}`,
        points,
        duration: WINDOW_MS / 1000,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration: WINDOW_MS / 1000 }),
      });
    this.loginPerAccount = limiter('login-account', config.LOGIN_ATTEMPTS_PER_ACCOUNT_PER_MINUTE);
    this.loginPerAddress = limiter('login-address', config.LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE);
    this.writesPerKeyLimit = config.WRITES_PER_KEY_PER_MINUTE;
    this.writesPerKey = new SharedCounter(
      this.redis,
      `${config.RATE_LIMIT_PREFIX}:writes`,
      config.WRITES_PER_KEY_PER_MINUTE,
      WINDOW_MS,
      () => this.logOutage('writes are limited per replica until it is back'),
    );
  }

  async onModuleInit(): Promise<void> {
    // Counting starts in Redis, not in the fallback, when Redis answers at start.
    await this.redis.connect().catch(() => this.logOutage('cannot connect at start'));
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }

  /**
   * Counts a sign-in attempt for its account and its address before the password is checked, atomically in Redis
   * (or this replica's memory), and refuses it past either limit, right password or not. Reading the counts first
   * and adding to them after argon2 let parallel attempts all pass the check before any was counted.
   */
  async reserveLoginAttempt(email: string, address: string): Promise<void> {
    const { bucket, retryAfter } = this.window();
    const outcomes = await Promise.allSettled([
      this.loginPerAccount.consume(`${bucket}:${email.toLowerCase()}`),
      this.loginPerAddress.consume(`${bucket}:${address}`),
    ]);
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    if (!refused.length) return;
    // A rejection that is not a count (both stores failing) refuses too: sign-in fails closed.
    const waits = refused.map(({ reason }) =>
      reason instanceof RateLimiterRes ? Math.ceil(reason.msBeforeNext / 1000) : retryAfter,
    );
    throw new RateLimited(
      'Too many failed sign-ins; wait a minute before trying again.',
      Math.max(1, Math.min(retryAfter, ...waits)),
    );
  }

  /**
   * A right password clears the account's count, and gives its address back the attempt it reserved (one address
   * may sign many people in; only failures count against it).
   */
  async loginSucceeded(email: string, address: string): Promise<void> {
    const { bucket } = this.window();
    await Promise.all([
      this.loginPerAccount.delete(`${bucket}:${email.toLowerCase()}`).catch(() => undefined),
      this.loginPerAddress.reward(`${bucket}:${address}`, 1).catch(() => undefined),
    ]);
  }

  /** One write by an API key (or session); throws RateLimited past the limit. */
  consumeWrite(credentialId: string): void {
    const { bucket, retryAfter } = this.window();
    if (!this.writesPerKey.take(credentialId, bucket)) {
      throw new RateLimited(
        `This key sent more than ${this.writesPerKeyLimit} writes this minute.`,
        retryAfter,
      );
    }
  }

  private window(): { bucket: number; retryAfter: number } {
    const now = this.clock.now().getTime();
    const bucket = Math.floor(now / WINDOW_MS);
    return { bucket, retryAfter: Math.ceil(((bucket + 1) * WINDOW_MS - now) / 1000) };
  }

  private logOutage(consequence: string): void {
    const now = this.clock.now().getTime();
    if (Math.abs(now - this.outageLoggedAt) < OUTAGE_LOG_INTERVAL_MS) return;
    this.outageLoggedAt = now;
    this.logger.warn(`rate limits: Redis is unavailable; ${consequence}`);
  }
}
