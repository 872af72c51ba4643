import type { BackoffStrategy, JobsOptions } from 'bullmq';
import { JobName, KEEP, type JobPayload } from '#cw/jobs';

/** The backoff of webhook deliveries: the delay each failed attempt asked for (exponential, see retryDelayMs). */
export const WEBHOOK_BACKOFF = 'webhook';

/** A failed attempt that will be tried again after `delayMs`; BullMQ waits that long before the retry. */
export class WebhookRetryLater extends Error {
  override name = 'WebhookRetryLater';
  constructor(
    message: string,
    readonly delayMs: number,
  ) {
    super(message);
  }
}

/** For the worker's settings: the delay the attempt decided, or (any other error) an exponential one of its own. */
export const webhookBackoffStrategy: BackoffStrategy = (attemptsMade, _type, error) =>
  error instanceof WebhookRetryLater
    ? error.delayMs
    : Math.min(1000 * 2 ** Math.max(0, attemptsMade - 1), 3_600_000);

/**
 * The job of one delivery round. Its deduplication id is the delivery and round, so the sweep that requeues due
 * deliveries (their job lost with Redis) adds nothing while one is waiting; the delivery row, not the job, decides
 * whether anything is sent.
 */
export function webhookDeliverJob(
  delivery: { id: string; round: number },
  maxAttempts: number,
): { name: JobName.WebhookDeliver; data: JobPayload[JobName.WebhookDeliver]; opts: JobsOptions } {
  return {
    name: JobName.WebhookDeliver,
    data: { deliveryId: delivery.id, round: delivery.round },
    opts: {
      ...KEEP,
      attempts: maxAttempts,
      backoff: { type: WEBHOOK_BACKOFF },
      deduplication: { id: `webhook.${delivery.id}.${delivery.round}` },
    },
  };
}
