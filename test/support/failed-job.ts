import { expect } from '@jest/globals';
import { Queue, Worker } from 'bullmq';
import { AppConfig } from '#cw/config';
import { QueueName } from '#cw/jobs';
import type { ApiHarness } from './api-harness.js';

export const FAILED_JOB_REASON = 'SMTP server said 451: try again later';

/** A job that failed in the api's maintenance queue: a worker of the test's own takes it and throws. */
export async function failedJob(api: ApiHarness): Promise<string> {
  const { QUEUE_PREFIX: prefix, REDIS_URL: url } = api.app.get(AppConfig);
  const queue = new Queue(QueueName.Maintenance, { connection: { url }, prefix });
  const worker = new Worker(
    QueueName.Maintenance,
    async () => {
      throw new Error(FAILED_JOB_REASON);
    },
    { connection: { url }, prefix },
  );
  try {
    const job = await queue.add('NoSuchJob' as never, {}, { attempts: 1 });
    for (let i = 0; i < 200 && !(await job.isFailed()); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(await job.isFailed()).toBe(true);
    return String(job.id);
  } finally {
    await worker.close();
    await queue.close();
  }
}
