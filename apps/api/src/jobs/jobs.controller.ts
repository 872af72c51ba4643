import { Controller, Get, HttpCode, Param, Post, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Job } from 'bullmq';
import type { Principal } from '#cw/accounts';
import { AuditService } from '#cw/audit';
import { AppError } from '#cw/common';
import { EvaluationTrigger, lastSweepKey } from '#cw/jobs';
import { Actor } from '../auth/access.decorators.js';
import { ApiProblems } from '../http/api-responses.decorator.js';
import { jobRecordId } from './job-audit.js';
import { FailedJobDto, JobHealthDto, JobRetriedDto, QueueHealthDto } from './job-health.dto.js';
import { JobQueues } from './job-queues.js';

const STATES = ['waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed'] as const;
const REDIS_TIMEOUT_MS = 2000;

/** Background job health for admins: what the console's job page shows. */
@ApiTags('operations')
@ApiProblems()
@Controller('jobs')
export class JobsController {
  constructor(
    private readonly queues: JobQueues,
    private readonly evaluation: EvaluationTrigger,
    private readonly audit: AuditService,
  ) {}

  @Get('health')
  @ApiOkResponse({ type: JobHealthDto })
  async health(): Promise<JobHealthDto> {
    const backlog = await this.evaluation.outboxBacklog();
    const outbox = {
      pending: backlog.pending,
      oldestCreatedAt: backlog.oldestCreatedAt?.toISOString() ?? null,
    };
    if (!this.queues.isUp) return { redis: 'down', queues: [], lastSweepAt: null, outbox };
    try {
      const [queues, lastSweepAt] = await withTimeout(
        Promise.all([
          Promise.all(this.queues.all.map((queue) => this.queueHealth(queue))),
          this.queues.redis.get(lastSweepKey(this.queues.config.QUEUE_PREFIX)),
        ]),
      );
      return { redis: 'up', queues, lastSweepAt, outbox };
    } catch {
      return { redis: 'down', queues: [], lastSweepAt: null, outbox };
    }
  }

  @Post('failed/:id/retry')
  @HttpCode(200)
  @ApiOkResponse({ type: JobRetriedDto })
  async retry(@Actor() principal: Principal, @Param('id') id: string): Promise<JobRetriedDto> {
    if (!this.queues.isUp) throw new ServiceUnavailableException('Redis is not reachable; try again later.');
    for (const queue of this.queues.all) {
      const job = await withTimeout(queue.getJob(id));
      if (!job || !(await withTimeout(job.isFailed()))) continue;
      const failedReason = job.failedReason ?? '';
      try {
        await withTimeout(job.retry('failed'));
      } catch (error) {
        // Another admin (or Bull Board) retried it a moment before: it is no longer a failed job.
        if (!(await withTimeout(job.isFailed()))) break;
        throw error;
      }
      // Redis and the database share no transaction: the entry is written once the retry happened.
      await this.audit.recordAlone({
        actor: principal,
        action: 'job.retry',
        entity: 'job',
        entityId: jobRecordId('job', queue.name, id),
        before: { state: 'failed', failedReason },
        after: {
          state: await withTimeout(job.getState()),
          failedReason: null,
          queue: queue.name,
          jobId: id,
          name: job.name,
        },
      });
      return { id, queue: queue.name, name: job.name };
    }
    throw AppError.notFound('failed job', id);
  }

  private async queueHealth(queue: JobQueues['all'][number]): Promise<QueueHealthDto> {
    const [counts, failed] = await Promise.all([queue.getJobCounts(...STATES), queue.getFailed(0, 19)]);
    return {
      name: queue.name,
      counts: Object.fromEntries(
        STATES.map((s) => [s, counts[s] ?? 0]),
      ) as unknown as QueueHealthDto['counts'],
      failed: failed.filter((job): job is Job => Boolean(job)).map((job) => toFailedJob(queue.name, job)),
    };
  }
}

function toFailedJob(queue: string, job: Job): FailedJobDto {
  return {
    id: String(job.id),
    queue,
    name: job.name,
    failedReason: job.failedReason ?? '',
    attemptsMade: job.attemptsMade,
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    data: job.data as Record<string, unknown>,
  };
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ServiceUnavailableException('Redis did not answer in time.')),
      REDIS_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
