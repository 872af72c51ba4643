export { EvaluationTrigger } from './evaluation-trigger.js';
export { corridorEvaluateJob, KEEP, lastSweepKey, windowDeadlineJob } from './job-options.js';
export { JOB_QUEUE, JobName, QueueName, type JobPayload, type WindowDeadlinePurpose } from './job-names.js';
export { JobsModule } from './jobs.module.js';
export { failFastRedis } from './queue-connection.js';
export { JOB_SCHEDULERS, missingSchedulers } from './job-schedulers.js';
