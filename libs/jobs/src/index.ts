export { JOB_QUEUE, JobName, QueueName, type JobPayload } from './job-names.js';
