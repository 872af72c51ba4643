import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Logger } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { AlertFanOutService, AlertSenderService } from '#cw/alerts';
import { JobName, KEEP, QueueName } from '#cw/jobs';
import { logRedisErrorsOf } from './redis-errors.js';

export const ALERT_JOBS = [JobName.AlertFanOut, JobName.AlertDeliverySend] as const;

/** Alert e-mails: new flags and due digests become delivery rows, then the due rows are sent. No rule lives here. */
@Processor(QueueName.Alerts, { concurrency: 1 })
export class AlertsProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(AlertsProcessor.name);
  private isStopping = false;

  constructor(
    private readonly fanOut: AlertFanOutService,
    private readonly sender: AlertSenderService,
    @InjectQueue(QueueName.Alerts) private readonly queue: Queue,
  ) {
    super();
  }

  /** Its worker's Redis errors, as JSON log lines (see logRedisErrorsOf). */
  @OnWorkerEvent('error')
  onRedisError(error: Error): void {
    this.redisErrors(error);
  }

  private readonly redisErrors = logRedisErrorsOf(`worker ${QueueName.Alerts}`);

  async process(job: Job): Promise<unknown> {
    const name = job.name as (typeof ALERT_JOBS)[number];
    switch (name) {
      case JobName.AlertFanOut: {
        let events = 0;
        let deliveries = 0;
        for (const step of [() => this.fanOut.fanOutFlagEvents(), () => this.fanOut.scheduleDigests()]) {
          for (;;) {
            const outcome = await step();
            events += outcome.events;
            deliveries += outcome.deliveries;
            if (outcome.isComplete || this.isStopping) break;
          }
        }
        // New e-mails are sent at once rather than at the next interval.
        if (deliveries > 0) {
          await this.queue.add(
            JobName.AlertDeliverySend,
            {},
            { ...KEEP, deduplication: { id: 'alerts.send' } },
          );
        }
        return { events, deliveries };
      }
      case JobName.AlertDeliverySend: {
        const outcome = await this.sender.sendDue(() => this.isStopping);
        if (outcome.sent + outcome.failed + outcome.retrying > 0) {
          this.logger.log(
            `alert e-mails: sent ${outcome.sent}, to retry ${outcome.retrying}, failed ${outcome.failed}, cancelled ${outcome.cancelled}`,
          );
        }
        return outcome;
      }
      default: {
        const unhandled: never = name;
        throw new Error(`no handler for job ${String(unhandled)} on ${QueueName.Alerts}`);
      }
    }
  }

  /** Finish the batch in hand, take no other job. */
  async beforeApplicationShutdown(): Promise<void> {
    this.isStopping = true;
    await this.worker.close();
  }
}
