import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Logger } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { Clock } from '#cw/clock';
import { AppConfig } from '#cw/config';
import { JobName, QueueName, type JobPayload } from '#cw/jobs';
import {
  WebhookFanOutService,
  WebhookNoticeService,
  WebhookSenderService,
  webhookBackoffStrategy,
  webhookDeliverJob,
  type StepOutcome,
} from '#cw/webhooks';
import { logRedisErrorsOf } from './redis-errors.js';

export const WEBHOOK_JOBS = [JobName.WebhookFanOut, JobName.WebhookDeliver] as const;

/** A fan-out stops after this long; the next one (an interval later at most) goes on where it stopped. */
const FAN_OUT_BUDGET_MS = 10_000;
const PURGE_INTERVAL_MS = 3_600_000;

/**
 * Webhooks: what happened becomes events, each event one delivery row per endpoint, each row a job whose attempts
 * BullMQ retries with the backoff the attempt decided. Several deliveries at once; no rule lives here.
 */
@Processor(QueueName.Webhooks, { concurrency: 16, settings: { backoffStrategy: webhookBackoffStrategy } })
export class WebhooksProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhooksProcessor.name);
  private isStopping = false;
  private purgedAt = 0;

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly fanOut: WebhookFanOutService,
    private readonly sender: WebhookSenderService,
    private readonly notices: WebhookNoticeService,
    @InjectQueue(QueueName.Webhooks) private readonly queue: Queue,
  ) {
    super();
  }

  /** Its worker's Redis errors, as JSON log lines (see logRedisErrorsOf). */
  @OnWorkerEvent('error')
  onRedisError(error: Error): void {
    this.redisErrors(error);
  }

  private readonly redisErrors = logRedisErrorsOf(`worker ${QueueName.Webhooks}`);

  async process(job: Job): Promise<unknown> {
    const name = job.name as (typeof WEBHOOK_JOBS)[number];
    switch (name) {
      case JobName.WebhookFanOut:
        return this.runFanOut();
      case JobName.WebhookDeliver: {
        const { deliveryId, round } = job.data as JobPayload[typeof name];
        return { outcome: await this.sender.deliver(deliveryId, round) };
      }
      default: {
        const unhandled: never = name;
        throw new Error(`no handler for job ${String(unhandled)} on ${QueueName.Webhooks}`);
      }
    }
  }

  /** Finish the jobs in hand, take no other; a fan-out stops between its transactions. */
  async beforeApplicationShutdown(): Promise<void> {
    this.isStopping = true;
    await this.worker.close();
  }

  private async runFanOut(): Promise<Record<string, number>> {
    const startedAt = Date.now();
    const untilComplete = async (step: () => Promise<StepOutcome>) => {
      let count = 0;
      for (;;) {
        const outcome = await step();
        count += outcome.count;
        if (outcome.isComplete || this.isStopping || Date.now() - startedAt > FAN_OUT_BUDGET_MS) return count;
      }
    };
    const flagEvents = await untilComplete(() => this.fanOut.followFlagEvents());
    const corridorEvents = await untilComplete(() => this.fanOut.followCorridors());
    let deliveries = 0;
    const events = await untilComplete(async () => {
      const outcome = await this.fanOut.fanOutEvents();
      deliveries += outcome.deliveries.length;
      await this.enqueue(outcome.deliveries);
      return outcome;
    });
    // Jobs lost with Redis, or never added (the worker died after the commit): the rows say what is due.
    await this.enqueue(await this.fanOut.findDue());
    const notices = await this.notices.sendDue();
    const now = this.clock.now().getTime();
    if (Math.abs(now - this.purgedAt) >= PURGE_INTERVAL_MS) {
      this.purgedAt = now;
      const purged = await this.fanOut.purge();
      if (purged) this.logger.log(`purged ${purged} webhook events past their retention`);
    }
    return { flagEvents, corridorEvents, events, deliveries, notices };
  }

  private async enqueue(deliveries: readonly { id: string; round: number }[]): Promise<void> {
    for (let i = 0; i < deliveries.length; i += 500) {
      await this.queue.addBulk(
        deliveries.slice(i, i + 500).map((d) => webhookDeliverJob(d, this.config.WEBHOOK_MAX_ATTEMPTS)),
      );
    }
  }
}
