import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Clock } from '#cw/clock';
import { AppConfig } from '#cw/config';
import { EvaluationOutboxRepository, type OutboxBacklog, type SqlRunner } from '#cw/persistence';
import { JobName, QueueName } from './job-names.js';
import { outboxRelayWake } from './job-options.js';
import { failFastRedis } from './queue-connection.js';

const ENQUEUE_TIMEOUT_MS = 1000;
/**
 * Wakes closer together than this only repeat one still waiting (it is deduplicated); the relay takes them all.
 * A first change after a quiet spell wakes it at once; under load each wake (a BullMQ add, ~0.3 ms of the event
 * loop) and each relay run (a write the api's reports wait for) covers this long.
 */
const WAKE_INTERVAL_MS = 25;

/**
 * The api's side of evaluation: a change writes its outbox row in its own transaction; after commit the api
 * wakes the worker's outbox relay, which turns the rows into evaluation jobs. One wake covers every change
 * committed before the relay reads the outbox, so the api sends one small command per round trip instead
 * of a job per report. Never awaited by the request and never throws: while Redis is away the rows wait
 * for the relay's schedule.
 */
@Injectable()
export class EvaluationTrigger implements OnModuleDestroy {
  private readonly logger = new Logger(EvaluationTrigger.name);
  private readonly redis;
  private readonly queue: Queue;
  private lastWarnedAt = 0;
  private isWaking = false;
  private isWakeDue = false;

  constructor(
    config: AppConfig,
    private readonly clock: Clock,
    private readonly outbox: EvaluationOutboxRepository,
  ) {
    this.redis = failFastRedis(config.REDIS_URL);
    this.queue = new Queue(QueueName.Evaluation, { connection: this.redis, prefix: config.QUEUE_PREFIX });
    this.queue.on('error', () => undefined);
  }

  /** Writes the outbox row, inside the transaction of the change. */
  async record(corridorId: string, tx: SqlRunner): Promise<void> {
    await this.outbox.insert(corridorId, this.clock.now(), tx);
  }

  /** What waits in the outbox for the relay (the console's job page shows it). */
  outboxBacklog(): Promise<OutboxBacklog> {
    return this.outbox.backlog();
  }

  /** After commit. Changes committed while a wake is on its way are covered by the next one. */
  corridorChanged(): void {
    this.isWakeDue = true;
    if (this.isWaking) return;
    this.isWaking = true;
    setImmediate(() => void this.wakeRelay());
  }

  private async wakeRelay(): Promise<void> {
    try {
      while (this.isWakeDue) {
        this.isWakeDue = false;
        if (this.redis.status !== 'ready') throw new Error(`Redis is ${this.redis.status}`);
        await Promise.all([
          withTimeout(this.queue.add(...outboxRelayWake()), ENQUEUE_TIMEOUT_MS),
          sleep(WAKE_INTERVAL_MS),
        ]);
      }
    } catch (error) {
      this.warn(
        `${JobName.EvaluationOutboxRelay} not woken; the outbox waits for its schedule: ${String(error)}`,
      );
    } finally {
      this.isWaking = false;
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    this.redis.disconnect();
  }

  /** One line per ten seconds at most: a Redis outage must not flood the log at every report. */
  private warn(message: string): void {
    const now = Date.now();
    if (now - this.lastWarnedAt < 10_000) return;
    this.lastWarnedAt = now;
    this.logger.warn(message);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Redis within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
