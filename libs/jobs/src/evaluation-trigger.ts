import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Clock } from '#cw/clock';
import { AppConfig } from '#cw/config';
import { Database, EvaluationOutboxRepository, type SqlRunner } from '#cw/persistence';
import { JobName, QueueName } from './job-names.js';
import { corridorEvaluateJob } from './job-options.js';
import { failFastRedis } from './queue-connection.js';

const ENQUEUE_TIMEOUT_MS = 1000;

/**
 * The api's side of evaluation: after a change committed (with its outbox row), it tries once to put the
 * corridor on the queue and marks the row relayed. Never awaited by the request and never throws: while Redis
 * is away the outbox row waits for the worker's relay.
 */
@Injectable()
export class EvaluationTrigger implements OnModuleDestroy {
  private readonly logger = new Logger(EvaluationTrigger.name);
  private readonly redis;
  private readonly queue: Queue;
  private lastWarnedAt = 0;
  private readonly pending = new Map<number, string>();
  private isFlushScheduled = false;

  constructor(
    config: AppConfig,
    private readonly clock: Clock,
    private readonly db: Database,
    private readonly outbox: EvaluationOutboxRepository,
  ) {
    this.redis = failFastRedis(config.REDIS_URL);
    this.queue = new Queue(QueueName.Evaluation, { connection: this.redis, prefix: config.QUEUE_PREFIX });
    this.queue.on('error', () => undefined);
  }

  /** Writes the outbox row, inside the transaction of the change. */
  record(corridorId: string, tx: SqlRunner): Promise<number> {
    return this.outbox.insert(corridorId, this.clock.now(), tx);
  }

  /**
   * After commit. Fire and forget: the corridors changed in one turn of the event loop go to Redis in one
   * round trip and their outbox rows are marked in one statement; per report, both cost more than the report.
   */
  corridorChanged(corridorId: string, outboxSeq: number): void {
    this.pending.set(outboxSeq, corridorId);
    if (this.isFlushScheduled) return;
    this.isFlushScheduled = true;
    setImmediate(() => {
      this.isFlushScheduled = false;
      void this.flush();
    });
  }

  /** Resolves true once the job is queued and the outbox row marked; false when Redis did not take it. */
  async enqueue(corridorId: string, outboxSeq: number): Promise<boolean> {
    return this.relay(new Map([[outboxSeq, corridorId]]));
  }

  private flush(): Promise<boolean> {
    const batch = new Map(this.pending);
    this.pending.clear();
    return this.relay(batch);
  }

  private async relay(batch: Map<number, string>): Promise<boolean> {
    if (batch.size === 0) return true;
    const corridorIds = [...new Set(batch.values())];
    try {
      if (this.redis.status !== 'ready') throw new Error(`Redis is ${this.redis.status}`);
      await withTimeout(this.queue.addBulk(corridorIds.map(corridorEvaluateJob)), ENQUEUE_TIMEOUT_MS);
      const seqs = [...batch.keys()];
      await this.db.transaction((tx) => this.outbox.markRelayed(seqs, this.clock.now(), tx));
      return true;
    } catch (error) {
      this.warn(
        `${JobName.CorridorEvaluate} for ${corridorIds.length} corridor(s) left in the outbox: ${String(error)}`,
      );
      return false;
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

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Redis within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
