import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobName, QueueName } from '#cw/jobs';
import { MAINTENANCE_JOBS } from './maintenance.processor.js';

/** Every periodic job, registered in one place; upserting is idempotent across workers and restarts. */
@Injectable()
export class JobSchedules implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueName.Maintenance) private readonly maintenance: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    assertEveryJobHasAHandler();
    await this.maintenance.upsertJobScheduler(
      JobName.IdempotencyRecordPurge,
      { every: 3_600_000 },
      { name: JobName.IdempotencyRecordPurge, data: {}, opts: { removeOnComplete: 100, removeOnFail: 500 } },
    );
  }
}

/** A job name without a handler would sit in Redis forever: refuse to start instead. */
export function assertEveryJobHasAHandler(): void {
  const handled = new Set<string>([...MAINTENANCE_JOBS]);
  const missing = Object.values(JobName).filter((name) => !handled.has(name));
  if (missing.length) throw new Error(`jobs without a handler: ${missing.join(', ')}`);
}
