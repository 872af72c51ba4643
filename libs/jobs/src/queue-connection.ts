import { Redis } from 'ioredis';

/**
 * A connection for producers that must never wait on Redis (the api): commands fail at once while it is
 * away instead of queueing, and it keeps reconnecting in the background.
 */
export function failFastRedis(url: string): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 1000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  redis.on('error', () => undefined); // its state is reported by /health and the job health endpoint
  return redis;
}
