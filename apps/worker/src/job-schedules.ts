import { InjectQueue } from '@nestjs/bullmq';
import {
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleDestroy,
} from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '#cw/config';
import { JOB_SCHEDULERS, JobName, KEEP, missingSchedulers, QueueName } from '#cw/jobs';
import { ALERT_JOBS } from './alerts.processor.js';
import { EVALUATION_JOBS } from './evaluation.processor.js';
import { MAINTENANCE_JOBS } from './maintenance.processor.js';
import { logRedisErrorsOf } from './redis-errors.js';
import { WEBHOOK_JOBS } from './webhooks.processor.js';

const SCHEDULE_OPTS = { removeOnComplete: 100, removeOnFail: 500 };

/**
 * Every periodic job (JOB_SCHEDULERS), registered in one place; upserting is idempotent across workers and
 * restarts. A Redis that restarted empty, was flushed or lost its data without a disconnect has forgotten them:
 * they are upserted again whenever the connection comes back, and whenever a check every
 * SCHEDULER_CHECK_INTERVAL_MS finds one missing.
 */
@Injectable()
export class JobSchedules implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger(JobSchedules.name);
  private readonly queues: Record<QueueName, Queue>;
  private onReady?: () => void;
  private client?: Awaited<Queue['backend']['connection']['client']>;
  private checkTimer?: NodeJS.Timeout;
  private isChecking = false;

  constructor(
    private readonly config: AppConfig,
    @InjectQueue(QueueName.Maintenance) maintenance: Queue,
    @InjectQueue(QueueName.Evaluation) evaluation: Queue,
    @InjectQueue(QueueName.Alerts) alerts: Queue,
    @InjectQueue(QueueName.Webhooks) webhooks: Queue,
  ) {
    this.queues = {
      [QueueName.Maintenance]: maintenance,
      [QueueName.Evaluation]: evaluation,
      [QueueName.Alerts]: alerts,
      [QueueName.Webhooks]: webhooks,
    };
    for (const [name, queue] of Object.entries(this.queues))
      queue.on('error', logRedisErrorsOf(`queue ${name}`));
  }

  async onApplicationBootstrap(): Promise<void> {
    assertEveryJobHasAHandler();
    await this.register();
    this.client = await this.queues[QueueName.Evaluation].backend.connection.client;
    let isFirst = true;
    this.onReady = () => {
      if (isFirst) return void (isFirst = false);
      this.register().catch((error: unknown) =>
        this.logger.warn(`schedules not registered: ${String(error)}`),
      );
    };
    // ioredis emits 'ready' after every reconnection; the first one has happened already.
    isFirst = this.client.status !== 'ready';
    this.client.on('ready', this.onReady);
    // A timer, not a job scheduler: what it watches for is Redis having lost the schedulers themselves.
    this.checkTimer = setInterval(
      () => void this.ensureRegistered(),
      this.config.SCHEDULER_CHECK_INTERVAL_MS,
    );
    this.checkTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.checkTimer);
  }

  onApplicationShutdown(): void {
    if (this.onReady) this.client?.off('ready', this.onReady);
  }

  /** One read per queue; registers everything again when any scheduler is gone. */
  private async ensureRegistered(): Promise<void> {
    // While Redis is away the read waits for it; the checks do not pile up behind it.
    if (this.isChecking) return;
    this.isChecking = true;
    try {
      const present = new Map<QueueName, string[]>();
      for (const name of Object.keys(JOB_SCHEDULERS) as QueueName[]) {
        present.set(
          name,
          (await this.queues[name].getJobSchedulers()).map((scheduler) => scheduler.key),
        );
      }
      const missing = missingSchedulers(present);
      if (missing.length) {
        this.logger.warn(`job schedulers missing from Redis, registering them again: ${missing.join(', ')}`);
        await this.register();
      }
    } catch (error) {
      this.logger.warn(`job schedulers not checked: ${String(error)}`);
    } finally {
      this.isChecking = false;
    }
  }

  private async register(): Promise<void> {
    const every: Partial<Record<JobName, number>> = {
      [JobName.IdempotencyRecordPurge]: 3_600_000,
      [JobName.WindowSweep]: this.config.SWEEP_INTERVAL_MS,
      // Embargoes lift at the sweep's pace: within SWEEP_INTERVAL_MS of their time.
      [JobName.EmbargoLift]: this.config.SWEEP_INTERVAL_MS,
      [JobName.EvaluationOutboxRelay]: this.config.OUTBOX_RELAY_INTERVAL_MS,
      [JobName.AlertFanOut]: this.config.ALERT_INTERVAL_MS,
      [JobName.AlertDeliverySend]: this.config.ALERT_INTERVAL_MS,
      [JobName.WebhookFanOut]: this.config.WEBHOOK_INTERVAL_MS,
    };
    for (const [queue, names] of Object.entries(JOB_SCHEDULERS) as [QueueName, readonly JobName[]][]) {
      for (const name of names) {
        if (every[name] === undefined) throw new Error(`no interval for the job scheduler ${name}`);
        await this.queues[queue].upsertJobScheduler(
          name,
          { every: every[name] },
          { name, data: {}, opts: SCHEDULE_OPTS },
        );
      }
    }
    // Catch up at once on start (and after Redis lost everything), without waiting for the first interval.
    await this.queues[QueueName.Alerts].addBulk([
      { name: JobName.AlertFanOut, data: {}, opts: KEEP },
      { name: JobName.AlertDeliverySend, data: {}, opts: KEEP },
    ]);
    await this.queues[QueueName.Webhooks].add(JobName.WebhookFanOut, {}, KEEP);
    await this.queues[QueueName.Evaluation].addBulk([
      { name: JobName.EvaluationOutboxRelay, data: {}, opts: KEEP },
      { name: JobName.WindowSweep, data: {}, opts: KEEP },
    ]);
  }
}

/** A job name without a handler would sit in Redis forever: refuse to start instead. */
export function assertEveryJobHasAHandler(): void {
  const handled = new Set<string>([...MAINTENANCE_JOBS, ...EVALUATION_JOBS, ...ALERT_JOBS, ...WEBHOOK_JOBS]);
  const missing = Object.values(JobName).filter((name) => !handled.has(name));
  if (missing.length) throw new Error(`jobs without a handler: ${missing.join(', ')}`);
}
