import type { JobsOptions } from 'bullmq';
import { JobName, type JobPayload, type WindowDeadlinePurpose } from './job-names.js';

/** Completed jobs are kept briefly for the dashboards; failed ones longer, for the job health page. */
export const KEEP = { removeOnComplete: { count: 1000, age: 24 * 3600 }, removeOnFail: { count: 5000 } };

interface JobSpec<N extends JobName> {
  name: N;
  data: JobPayload[N];
  opts: JobsOptions;
}

/**
 * One waiting evaluation per corridor is enough; one that arrives while another runs is kept for after it,
 * since the running one may have read the facts before the change.
 */
export function corridorEvaluateJob(corridorId: string): JobSpec<JobName.CorridorEvaluate> {
  return {
    name: JobName.CorridorEvaluate,
    data: { corridorId },
    opts: {
      ...KEEP,
      attempts: 5,
      backoff: { type: 'exponential', delay: 1000 },
      deduplication: { id: `corridor.${corridorId}`, keepLastIfActive: true },
    },
  };
}

/**
 * Wakes the worker's outbox relay after a commit. One waiting is enough, and one arriving while the relay runs
 * is kept for after it: the running relay may have read the outbox before the commit.
 */
export function outboxRelayWake(): [
  JobName.EvaluationOutboxRelay,
  JobPayload[JobName.EvaluationOutboxRelay],
  JobsOptions,
] {
  return [
    JobName.EvaluationOutboxRelay,
    {},
    { ...KEEP, deduplication: { id: 'outbox.relay', keepLastIfActive: true } },
  ];
}

/**
 * A delayed job at one of a window's instants. Its deduplication id is the window and purpose: scheduling
 * again replaces the delayed job instead of adding one. Correctness does not rest on it (the flag table's
 * unique key does); it only avoids duplicate work.
 */
export function windowDeadlineJob(
  corridorId: string,
  windowId: string,
  purpose: WindowDeadlinePurpose,
  dueAt: Date,
  now: Date,
): JobSpec<JobName.WindowFlagDeadline> {
  return {
    name: JobName.WindowFlagDeadline,
    data: { corridorId, windowId, purpose, dueAt: dueAt.toISOString() },
    opts: {
      ...KEEP,
      attempts: 5,
      backoff: { type: 'exponential', delay: 1000 },
      // A few milliseconds late rather than early: a rule checked a moment before its instant does not hold yet.
      delay: Math.max(0, dueAt.getTime() - now.getTime() + 5),
      deduplication: { id: `window.${windowId}.${purpose}`, replace: true },
    },
  };
}

/** Where the worker records when the last sweep ended: inside the evaluation queue's keys, so it goes with them. */
export function lastSweepKey(prefix: string): string {
  return `${prefix}:evaluation:cw-last-sweep-at`;
}
