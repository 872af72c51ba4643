import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Clock } from '#cw/clock';
import { Redis } from 'ioredis';
import { lastSweepKey, QueueName } from '#cw/jobs';
import type { Database } from '#cw/persistence';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';

/** A BullMQ key prefix of its own, so suites sharing one Redis never see each other's jobs. */
export function uniqueQueuePrefix(suite: string): string {
  return `cwtest-${suite}-${randomBytes(4).toString('hex')}`;
}

/** The environment a fast test worker runs with: sweeps and relays every few hundred milliseconds. */
export function workerEnv(prefix: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    QUEUE_PREFIX: prefix,
    SWEEP_INTERVAL_MS: '300',
    OUTBOX_RELAY_INTERVAL_MS: '300',
    LOG_LEVEL: 'silent',
    ...extra,
  };
}

/** The real worker, in this process, on the api's database, with the test's clock. */
export async function startWorker(
  env: Record<string, string>,
  clock?: Clock,
): Promise<INestApplicationContext> {
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot({ env, clock }), {
    logger: false,
  });
  await worker.init();
  return worker;
}

/** Removes every key a suite left under its prefix. */
export async function removeQueues(redisUrl: string, prefix: string): Promise<void> {
  for (const name of Object.values(QueueName)) {
    const queue = new Queue(name, { connection: { url: redisUrl }, prefix });
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
  const redis = new Redis(redisUrl);
  await redis.del(lastSweepKey(prefix));
  redis.disconnect();
}

/** Polls until `read` returns a value `isDone` accepts; asynchronous arrival, not a time rule. */
export async function eventually<T>(
  read: () => Promise<T>,
  isDone: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!isDone(value)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

export interface StoredFlag {
  id: string;
  window_id: string;
  rule: string;
  resolved_at: number | string | null;
}

export async function storedFlags(db: Database, corridorId?: string): Promise<StoredFlag[]> {
  return db.all<StoredFlag>(
    `SELECT id, window_id, rule, resolved_at FROM flag ${corridorId ? 'WHERE corridor_id = :corridorId' : ''} ORDER BY raised_at, rule`,
    corridorId ? { corridorId } : {},
  );
}
