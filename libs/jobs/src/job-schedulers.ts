import { JobName, QueueName } from './job-names.js';

/**
 * The periodic jobs the worker keeps a BullMQ job scheduler for, by queue: what it registers, what it checks is
 * still in Redis (a FLUSHALL, or a Redis that lost its data, forgets them), and what /health names when missing.
 */
export const JOB_SCHEDULERS: Readonly<Record<QueueName, readonly JobName[]>> = {
  [QueueName.Maintenance]: [JobName.IdempotencyRecordPurge],
  [QueueName.Evaluation]: [JobName.WindowSweep, JobName.EvaluationOutboxRelay, JobName.EmbargoLift],
  [QueueName.Alerts]: [JobName.AlertFanOut, JobName.AlertDeliverySend],
  [QueueName.Webhooks]: [JobName.WebhookFanOut],
};

/** The schedulers of JOB_SCHEDULERS that `present` (queue → scheduler ids found) lacks, as `queue/JobName`. */
export function missingSchedulers(present: ReadonlyMap<QueueName, readonly string[]>): string[] {
  return Object.entries(JOB_SCHEDULERS)
    .flatMap(([queue, names]) =>
      names
        .filter((name) => !present.get(queue as QueueName)?.includes(name))
        .map((name) => `${queue}/${name}`),
    )
    .sort();
}
