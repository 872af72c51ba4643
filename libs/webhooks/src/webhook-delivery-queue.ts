import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '#cw/config';
import { failFastRedis, QueueName } from '#cw/jobs';
import { webhookDeliverJob } from './webhook-jobs.js';

/**
 * The api's side of the webhooks queue: a replayed delivery's job, added after its row is reset. Never waits on
 * Redis: while it is away the row, due now, is requeued by the worker's next fan-out.
 */
@Injectable()
export class WebhookDeliveryQueue implements OnModuleDestroy {
  private readonly logger = new Logger(WebhookDeliveryQueue.name);
  private readonly redis;
  private readonly queue: Queue;

  constructor(private readonly config: AppConfig) {
    this.redis = failFastRedis(config.REDIS_URL);
    this.queue = new Queue(QueueName.Webhooks, { connection: this.redis, prefix: config.QUEUE_PREFIX });
    this.queue.on('error', () => undefined);
  }

  async add(delivery: { id: string; round: number }): Promise<void> {
    const job = webhookDeliverJob(delivery, this.config.WEBHOOK_MAX_ATTEMPTS);
    try {
      await this.queue.add(job.name, job.data, job.opts);
    } catch (error) {
      this.logger.warn(
        `delivery ${delivery.id} not queued; the worker's next fan-out will: ${String(error)}`,
      );
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    this.redis.disconnect();
  }
}
