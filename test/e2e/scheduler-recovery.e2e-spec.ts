import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { JOB_SCHEDULERS, QueueName } from '#cw/jobs';
import { startApi, type ApiHarness } from '../support/api-harness.js';
import { Fixtures } from '../support/fixtures.js';
import { availableDialects } from '../support/test-database.js';
import {
  eventually,
  removeQueues,
  startWorker,
  storedFlags,
  uniqueQueuePrefix,
  workerEnv,
} from '../support/worker-harness.js';

const SUBSCRIBER = 'duty-officer@ngo.test';
const EVERY_SCHEDULER = Object.entries(JOB_SCHEDULERS)
  .flatMap(([queue, names]) => names.map((name) => `${queue}/${name}`))
  .sort();

/**
 * What FLUSHALL does to this suite: every key under its QUEUE_PREFIX deleted at once (job schedulers, delayed
 * deadline jobs, the last sweep's time). Not FLUSHALL itself: the Redis is shared with other suites and other
 * people's runs, whose keys must live on; a Redis that lost its data without a disconnect looks exactly like this
 * to the worker.
 */
async function deleteEveryKeyOf(redisUrl: string, prefix: string): Promise<string[]> {
  const redis = new Redis(redisUrl);
  const deleted: string[] = [];
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length && (await redis.del(...keys)) > 0) deleted.push(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

async function schedulersIn(redisUrl: string, prefix: string): Promise<string[]> {
  const found: string[] = [];
  for (const name of Object.values(QueueName)) {
    const queue = new Queue(name, { connection: { url: redisUrl }, prefix });
    try {
      found.push(...(await queue.getJobSchedulers()).map((scheduler) => `${name}/${scheduler.key}`));
    } finally {
      await queue.close();
    }
  }
  return found.sort();
}

// Issue 16: after a FLUSHALL the worker re-registered its schedulers only on reconnect, so for as long as the
// connection stayed up no sweep, relay or alert job existed: deadlines passed without flags, flags without e-mails,
// and /health said ok.
describe.each(availableDialects())('job schedulers lost from Redis, on %s', (dialect) => {
  const prefix = uniqueQueuePrefix(`flush-${dialect}`);
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  let api: ApiHarness;
  let worker: INestApplicationContext | undefined;
  let outboxDir: string;
  let corridorId: string;

  const health = async () => (await api.http.get('/health')).body;

  beforeAll(async () => {
    outboxDir = await mkdtemp(join(tmpdir(), 'cw-flush-outbox-'));
    api = await startApi(dialect, { QUEUE_PREFIX: prefix, OUTBOX_DIR: outboxDir });
    const fx = new Fixtures(api);
    const parties = await fx.azovstal();
    // The clock reads 2022-05-10T12:00Z: the window starts tomorrow, its confirmation deadline (start − 2 h) is
    // 18 hours away, and Ukraine has not confirmed.
    corridorId = (
      await fx.corridor({
        name: 'Azovstal to Zaporizhzhia, tomorrow',
        originId: parties.azovstal,
        destinationId: parties.zaporizhzhia,
        announcedById: parties.ruMod,
        announcedAt: '2022-05-10T09:00:00+03:00',
        timezone: 'Europe/Kyiv',
        requiredConfirmationIds: [parties.uaGov],
        windows: [{ startsAt: '2022-05-11T08:00:00Z', endsAt: '2022-05-11T18:00:00Z' }],
      })
    ).id;
    const subscribed = await api.http
      .post('/api/v1/subscriptions')
      .set(api.auth)
      .send({ email: SUBSCRIBER, mode: 'immediate', timezone: 'Europe/Kyiv', minSeverity: 'warning' });
    expect(subscribed.status).toBe(201);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await removeQueues(redisUrl, prefix);
    await rm(outboxDir, { recursive: true, force: true });
  });

  it('reports on /health, before any worker ran, every missing scheduler and no sweep, as degraded', async () => {
    const body = await health();
    expect(body).toMatchObject({
      status: 'degraded',
      database: 'up',
      redis: 'up',
      worker: { lastSweepAt: null, isSweepOverdue: true, missingSchedulers: EVERY_SCHEDULER },
    });
  });

  it('is ok once a worker has registered its schedulers and swept', async () => {
    worker = await startWorker(
      workerEnv(prefix, {
        DATABASE_URL: api.database.url,
        REDIS_URL: redisUrl,
        OUTBOX_DIR: outboxDir,
        ALERT_INTERVAL_MS: '200',
        SCHEDULER_CHECK_INTERVAL_MS: '500',
      }),
      api.clock,
    );
    const body = await eventually(health, (b) => b.status === 'ok', 15_000);
    expect(body.worker).toEqual({
      lastSweepAt: api.clock.now().toISOString(),
      isSweepOverdue: false,
      missingSchedulers: [],
    });
  });

  it('re-creates the schedulers within seconds of losing every key, and a deadline passed since raises its flag and its e-mail', async () => {
    // The corridor's deadline job was scheduled (it is lost below with the rest).
    await eventually(
      () =>
        api.db.get<{ n: number | string }>(
          'SELECT COUNT(*) AS n FROM corridor_window WHERE next_evaluation_at IS NOT NULL',
        ),
      (row) => Number(row?.n) === 1,
    );
    // Every queue's job schedulers (its `repeat` set) are among what is gone; the worker may put them back at once.
    expect(await deleteEveryKeyOf(redisUrl, prefix)).toEqual(
      expect.arrayContaining(Object.values(QueueName).map((queue) => `${prefix}:${queue}:repeat`)),
    );

    expect(
      await eventually(
        () => schedulersIn(redisUrl, prefix),
        (s) => s.length === EVERY_SCHEDULER.length,
        15_000,
      ),
    ).toEqual(EVERY_SCHEDULER);
    api.clock.advance(19 * 3_600_000); // past the deadline: only a sweep can find it now
    const flags = await eventually(
      () => storedFlags(api.db, corridorId),
      (rows) => rows.some((flag) => flag.rule === 'unconfirmed_at_deadline'),
      15_000,
    );
    expect(flags.map((flag) => flag.rule)).toEqual(['unconfirmed_at_deadline']);
    await eventually(
      () =>
        api.db.all("SELECT id FROM alert_delivery WHERE email = :email AND status = 'sent'", {
          email: SUBSCRIBER,
        }),
      (rows) => rows.length === 1,
      15_000,
    );
    expect((await eventually(health, (b) => b.status === 'ok', 15_000)).worker.missingSchedulers).toEqual([]);
  });
});
