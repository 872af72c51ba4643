import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { IdempotencyPurgeService } from '#cw/idempotency';
import { JobName, QueueName } from '#cw/jobs';
import { logRedisErrorsOf } from './redis-errors.js';

export const MAINTENANCE_JOBS = [JobName.IdempotencyRecordPurge] as const;

@Processor(QueueName.Maintenance, { concurrency: 1 })
export class MaintenanceProcessor extends WorkerHost {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(private readonly idempotency: IdempotencyPurgeService) {
    super();
  }

  /** Its worker's Redis errors, as JSON log lines (see logRedisErrorsOf). */
  @OnWorkerEvent('error')
  onRedisError(error: Error): void {
    this.redisErrors(error);
  }

  private readonly redisErrors = logRedisErrorsOf(`worker ${QueueName.Maintenance}`);

  async process(job: Job): Promise<unknown> {
    const name = job.name as (typeof MAINTENANCE_JOBS)[number];
    switch (name) {
      case JobName.IdempotencyRecordPurge: {
        const purged = await this.idempotency.purgeExpired();
        if (purged) this.logger.log(`purged ${purged} expired idempotency records`);
        return { purged };
      }
      default: {
        const unhandled: never = name;
        throw new Error(`no handler for job ${String(unhandled)} on ${QueueName.Maintenance}`);
      }
    }
  }
}
