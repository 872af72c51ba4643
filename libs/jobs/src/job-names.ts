/** BullMQ queues. Their names are stored in Redis: never rename a value, add a new queue instead. */
export enum QueueName {
  Maintenance = 'maintenance',
}

/** Every job, noun first. The worker refuses to start when one has no handler. */
export enum JobName {
  IdempotencyRecordPurge = 'IdempotencyRecordPurge',
}

/** The payload each job carries. */
export interface JobPayload {
  [JobName.IdempotencyRecordPurge]: Record<string, never>;
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.IdempotencyRecordPurge]: QueueName.Maintenance,
};
