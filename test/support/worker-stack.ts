import type { INestApplicationContext } from '@nestjs/common';
import { startApi, type ApiHarness } from './api-harness.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';
import type { Dialect } from './test-database.js';
import { removeQueues, startWorker, uniqueQueuePrefix, workerEnv } from './worker-harness.js';

/** The secret the suites that sign (unsubscribe links, webhooks) give the api and the worker alike. */
export const TEST_APP_SECRET = 'a-test-secret-of-at-least-thirty-two-characters';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * A suite's api and real worker on one database, one queue prefix and one clock, and a real SMTP server when the
 * suite reads e-mails: the set-up of the suites that follow what the worker sends.
 */
export interface WorkerStack {
  prefix: string;
  api: ApiHarness;
  /** The SMTP server both send to; throws for a stack started without `smtp: true`. */
  readonly smtp: SmtpSink;
  /**
   * Starts the worker with `env` and `workerEnv`, once the suite has stored what its first sweeps must find. It runs
   * until `close`.
   */
  startWorker(workerOnly?: Record<string, string>): Promise<INestApplicationContext>;
  /** Stops the worker, the api (dropping its database), the SMTP server, and removes the queues. */
  close(): Promise<void>;
}

export async function startWorkerStack(
  dialect: Dialect,
  suite: string,
  options: {
    smtp?: boolean;
    /** Given to the api and the worker alike, as production gives both one configuration. */
    env?: Record<string, string>;
    apiOnly?: Record<string, string>;
  } = {},
): Promise<WorkerStack> {
  const prefix = uniqueQueuePrefix(`${suite}-${dialect}`);
  const sink = options.smtp ? await startSmtpSink() : undefined;
  const env = { ...(sink ? { SMTP_URL: sink.url } : {}), ...options.env };
  let api: ApiHarness;
  try {
    api = await startApi(dialect, { QUEUE_PREFIX: prefix, ...env, ...options.apiOnly });
  } catch (error) {
    await sink?.close();
    throw error;
  }
  let worker: INestApplicationContext | undefined;
  return {
    prefix,
    api,
    get smtp() {
      if (!sink) throw new Error(`the ${suite} stack was started without smtp: true`);
      return sink;
    },
    startWorker: async (workerOnly = {}) => {
      worker = await startWorker(
        workerEnv(prefix, { DATABASE_URL: api.database.url, REDIS_URL, ...env, ...workerOnly }),
        api.clock,
      );
      return worker;
    },
    close: async () => {
      await worker?.close();
      await api.close();
      await sink?.close();
      await removeQueues(REDIS_URL, prefix);
    },
  };
}
