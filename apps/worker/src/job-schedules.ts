import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '#cw/config';
import { JobName, KEEP, QueueName } from '#cw/jobs';
import { ALERT_JOBS } from './alerts.processor.js';
import { EVALUATION_JOBS } from './evaluation.processor.js';
import { MAINTENANCE_JOBS } from './maintenance.processor.js';
import { WEBHOOK_JOBS } from './webhooks.processor.js';

/**
 * Every periodic job, registered in one place; upserting is idempotent across workers and restarts. They are
 * upserted again whenever the connection to Redis comes back, since a Redis that restarted empty (or was
 * flushed) has forgotten them.
 */
@Injectable()
export class JobSchedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobSchedules.name);
  private onReady?: () => void;
  private client?: Awaited<Queue['backend']['connection']['client']>;

  constructor(
    private readonly config: AppConfig,
    @InjectQueue(QueueName.Maintenance) private readonly maintenance: Queue,
    @InjectQueue(QueueName.Evaluation) private readonly evaluation: Queue,
    @InjectQueue(QueueName.Alerts) private readonly alerts: Queue,
    @InjectQueue(QueueName.Webhooks) private readonly webhooks: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    assertEveryJobHasAHandler();
    await this.register();
    this.client = await this.evaluation.backend.connection.client;
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
  }

  onApplicationShutdown(): void {
    if (this.onReady) this.client?.off('ready', this.onReady);
  }

  private async register(): Promise<void> {
    await this.maintenance.upsertJobScheduler(
      JobName.IdempotencyRecordPurge,
      { every: 3_600_000 },
      { name: JobName.IdempotencyRecordPurge, data: {}, opts: { removeOnComplete: 100, removeOnFail: 500 } },
    );
    await this.evaluation.upsertJobScheduler(
      JobName.WindowSweep,
      { every: this.config.SWEEP_INTERVAL_MS },
      { name: JobName.WindowSweep, data: {}, opts: { removeOnComplete: 100, removeOnFail: 500 } },
    );
    // Embargoes lift at the sweep's pace: within SWEEP_INTERVAL_MS of their time.
    await this.evaluation.upsertJobScheduler(
      JobName.EmbargoLift,
      { every: this.config.SWEEP_INTERVAL_MS },
      { name: JobName.EmbargoLift, data: {}, opts: { removeOnComplete: 100, removeOnFail: 500 } },
    );
    await this.evaluation.upsertJobScheduler(
      JobName.EvaluationOutboxRelay,
      { every: this.config.OUTBOX_RELAY_INTERVAL_MS },
      { name: JobName.EvaluationOutboxRelay, data: {}, opts: { removeOnComplete: 100, removeOnFail: 500 } },
    );
    for (const name of [JobName.AlertFanOut, JobName.AlertDeliverySend]) {
      await this.alerts.upsertJobScheduler(
        name,
        { every: this.config.ALERT_INTERVAL_MS },
        { name, data: {}, opts: { removeOnComplete: 100, removeOnFail: 500 } },
      );
    }
    await this.alerts.addBulk([
      { name: JobName.AlertFanOut, data: {}, opts: KEEP },
      { name: JobName.AlertDeliverySend, data: {}, opts: KEEP },
    ]);
    await this.webhooks.upsertJobScheduler(
      JobName.WebhookFanOut,
      { every: this.config.WEBHOOK_INTERVAL_MS },
      { name: JobName.WebhookFanOut, data: {}, opts: { removeOnComplete: 100, removeOnFail: 500 } },
    );
    await this.webhooks.add(JobName.WebhookFanOut, {}, KEEP);
    // Catch up at once on start, without waiting for the first interval.
    await this.evaluation.addBulk([
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
