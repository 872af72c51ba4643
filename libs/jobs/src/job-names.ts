/** BullMQ queues. Their names are stored in Redis: never rename a value, add a new queue instead. */
export enum QueueName {
  Maintenance = 'maintenance',
  Evaluation = 'evaluation',
  Alerts = 'alerts',
  Webhooks = 'webhooks',
}

/** Every job, noun first. The worker refuses to start when one has no handler. */
export enum JobName {
  IdempotencyRecordPurge = 'IdempotencyRecordPurge',
  /** Evaluates the flag rules on every window of one corridor: its facts changed. */
  CorridorEvaluate = 'CorridorEvaluate',
  /** A window's confirmation deadline, end or end plus grace has come: evaluate its corridor. */
  WindowFlagDeadline = 'WindowFlagDeadline',
  /** The safety net: evaluates every window whose next evaluation is due, in one set-based query per batch. */
  WindowSweep = 'WindowSweep',
  /** Lifts the embargoes whose instant has passed or whose corridor's windows have ended. */
  EmbargoLift = 'EmbargoLift',
  /** Moves corridors written to the evaluation outbox (while Redis was away, or not yet relayed) onto the queue. */
  EvaluationOutboxRelay = 'EvaluationOutboxRelay',
  /** Turns new flag events into immediate alert deliveries, and due daily digests into digest deliveries. */
  AlertFanOut = 'AlertFanOut',
  /** Sends the due alert e-mails (new ones and retries after a temporary SMTP failure). */
  AlertDeliverySend = 'AlertDeliverySend',
  /** Turns flag events, corridor changes and reports into webhook events, each into one delivery per endpoint. */
  WebhookFanOut = 'WebhookFanOut',
  /** One webhook delivery's attempt; retried by BullMQ with exponential backoff while it fails. */
  WebhookDeliver = 'WebhookDeliver',
}

/** Which of a window's instants a WindowFlagDeadline job stands for. */
export type WindowDeadlinePurpose = 'deadline' | 'end' | 'grace';

/** The payload each job carries. */
export interface JobPayload {
  [JobName.IdempotencyRecordPurge]: Record<string, never>;
  [JobName.CorridorEvaluate]: { corridorId: string };
  [JobName.WindowFlagDeadline]: {
    corridorId: string;
    windowId: string;
    purpose: WindowDeadlinePurpose;
    dueAt: string;
  };
  [JobName.WindowSweep]: Record<string, never>;
  [JobName.EmbargoLift]: Record<string, never>;
  [JobName.EvaluationOutboxRelay]: Record<string, never>;
  [JobName.AlertFanOut]: Record<string, never>;
  [JobName.AlertDeliverySend]: Record<string, never>;
  [JobName.WebhookFanOut]: Record<string, never>;
  [JobName.WebhookDeliver]: { deliveryId: string; round: number };
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.IdempotencyRecordPurge]: QueueName.Maintenance,
  [JobName.CorridorEvaluate]: QueueName.Evaluation,
  [JobName.WindowFlagDeadline]: QueueName.Evaluation,
  [JobName.WindowSweep]: QueueName.Evaluation,
  [JobName.EmbargoLift]: QueueName.Evaluation,
  [JobName.EvaluationOutboxRelay]: QueueName.Evaluation,
  [JobName.AlertFanOut]: QueueName.Alerts,
  [JobName.AlertDeliverySend]: QueueName.Alerts,
  [JobName.WebhookFanOut]: QueueName.Webhooks,
  [JobName.WebhookDeliver]: QueueName.Webhooks,
};
