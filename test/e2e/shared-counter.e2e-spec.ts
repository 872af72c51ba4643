import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { SharedCounter } from '../../apps/api/src/auth/shared-counter.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const LIMIT = 10;
const MINUTE = 60_000;

// The write limit's counter, as two api replicas use it: one Redis, one key prefix, a count each.
describe('SharedCounter across replicas, on a real Redis', () => {
  const clients: Redis[] = [];
  let prefix: string;
  // Each test's own: a counter of an earlier test may still flush (its timer) after its client was closed.
  let failures: unknown[] = [];

  function replica(url = REDIS_URL): SharedCounter {
    const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: true });
    redis.on('error', () => undefined);
    clients.push(redis);
    const failuresOfThisTest = failures;
    return new SharedCounter(redis, prefix, LIMIT, MINUTE, (error) => failuresOfThisTest.push(error));
  }

  async function connected(counter: SharedCounter): Promise<SharedCounter> {
    await clients.at(-1)!.connect();
    return counter;
  }

  function takeUntilRefused(counter: SharedCounter, key: string, bucket: number): number {
    let taken = 0;
    while (counter.take(key, bucket)) taken += 1;
    return taken;
  }

  beforeEach(() => {
    prefix = `cw-test-counter-${randomBytes(6).toString('hex')}`;
    failures = [];
  });

  afterEach(async () => {
    const [first] = clients;
    const keys = first?.status === 'ready' ? await first.keys(`${prefix}:*`) : [];
    if (keys.length) await first.del(...keys);
    for (const client of clients.splice(0)) client.disconnect();
  });

  it('refuses past the limit on one replica, per key, and starts again in the next minute', async () => {
    const counter = await connected(replica());
    expect(takeUntilRefused(counter, 'key-a', 1)).toBe(LIMIT);
    expect(takeUntilRefused(counter, 'key-b', 1)).toBe(LIMIT);
    await counter.flush();
    expect(await clients[0].get(`${prefix}:1:key-a`)).toBe(String(LIMIT));
    expect(await clients[0].pttl(`${prefix}:1:key-a`)).toBeGreaterThan(MINUTE);
    expect(counter.take('key-a', 2)).toBe(true);
    expect(failures).toEqual([]);
  });

  it('adds up what each replica counted: together they stop at the limit, give or take one round trip', async () => {
    const first = await connected(replica());
    const second = await connected(replica());
    let accepted = 0;
    // Requests alternate between the replicas; each replica's count reaches Redis before its next request.
    for (let i = 0; i < 3 * LIMIT; i += 1) {
      const counter = i % 2 ? second : first;
      if (counter.take('key', 5)) accepted += 1;
      await counter.flush();
    }
    // Apart, the two would have taken 2 × LIMIT. Each learns the other's count one round trip late.
    expect(accepted).toBeGreaterThanOrEqual(LIMIT);
    expect(accepted).toBeLessThanOrEqual(LIMIT + 1);
    expect(Number(await clients[0].get(`${prefix}:5:key`))).toBe(accepted);
    expect(failures).toEqual([]);
  });

  it('still limits, on its own count, while Redis cannot be reached', async () => {
    const counter = replica('redis://127.0.0.1:1');
    expect(takeUntilRefused(counter, 'key', 1)).toBe(LIMIT);
    await counter.flush();
    expect(failures.length).toBeGreaterThan(0);
    expect(counter.take('key', 1)).toBe(false);
  });
});
