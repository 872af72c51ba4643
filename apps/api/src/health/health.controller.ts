import { Controller, Get, HttpStatus, OnModuleDestroy, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Redis } from 'ioredis';
import { Clock } from '#cw/clock';
import { AppConfig } from '#cw/config';
import { lastSweepKey, missingSchedulers, type QueueName } from '#cw/jobs';
import { JobQueues } from '../jobs/job-queues.js';
import { DatabaseProbe } from './database-probe.js';

type Check = 'up' | 'down';

class WorkerHealthDto {
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description:
      "When a worker's last sweep for missed deadlines ended (null: none since Redis last lost its data).",
  })
  lastSweepAt: string | null;

  @ApiProperty({
    description: `True when no sweep ended within three sweep intervals and a minute: no worker is sweeping.`,
  })
  isSweepOverdue: boolean;

  @ApiProperty({
    type: [String],
    example: ['evaluation/WindowSweep'],
    description: 'Periodic jobs (queue/job) whose BullMQ job scheduler is not in Redis: nothing runs them.',
  })
  missingSchedulers: string[];
}

class HealthDto {
  @ApiProperty({
    enum: ['ok', 'degraded'],
    description:
      '`degraded` when the database or Redis is down (answered 503), or when the background jobs are not ' +
      'running: a scheduler missing or the sweep overdue (answered 200: this api still takes reports).',
  })
  status: 'ok' | 'degraded';
  @ApiProperty({ enum: ['up', 'down'] }) database: Check;
  @ApiProperty({ enum: ['up', 'down'] }) redis: Check;
  @ApiProperty({ type: WorkerHealthDto, nullable: true, description: 'Null while Redis is down.' })
  worker: WorkerHealthDto | null;
}

const PROBE_TIMEOUT_MS = 1000;

function withTimeout(probe: Promise<unknown>): Promise<Check> {
  const timeout = new Promise<Check>((resolve) =>
    setTimeout(() => resolve('down'), PROBE_TIMEOUT_MS).unref(),
  );
  return Promise.race([
    probe.then(
      (): Check => 'up',
      (): Check => 'down',
    ),
    timeout,
  ]);
}

/**
 * Liveness and readiness for load balancers and the start script; open without sign-in. 503 only for what stops
 * this api from serving (database, Redis): the worker starts once the api is healthy, and a stalled worker must
 * not take the api out of a load balancer, so its state is reported in the body.
 */
@ApiTags('operations')
@Controller('health')
export class HealthController implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(
    private readonly database: DatabaseProbe,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly queues: JobQueues,
  ) {
    this.redis = new Redis(config.REDIS_URL, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: PROBE_TIMEOUT_MS,
    });
    this.redis.on('error', () => undefined); // reported through /health, not as log noise
    void this.redis.connect().catch(() => undefined);
  }

  @Get()
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthDto> {
    const [database, redis] = await Promise.all([
      withTimeout(this.database.ping()),
      withTimeout(
        this.redis.status === 'ready' ? this.redis.ping() : Promise.reject(new Error('not connected')),
      ),
    ]);
    const worker = redis === 'up' ? await this.worker() : null;
    const isServing = database === 'up' && redis === 'up';
    const isWorking = worker !== null && !worker.isSweepOverdue && worker.missingSchedulers.length === 0;
    void reply.status(isServing ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: isServing && isWorking ? 'ok' : 'degraded', database, redis, worker };
  }

  /** What the worker left in Redis: its job schedulers, and when its last sweep ended. Null if Redis stops answering. */
  private async worker(): Promise<WorkerHealthDto | null> {
    const read = async (): Promise<WorkerHealthDto> => {
      const [present, lastSweepAt] = await Promise.all([
        Promise.all(
          this.queues.all.map(
            async (queue) =>
              [queue.name as QueueName, (await queue.getJobSchedulers()).map((s) => s.key)] as const,
          ),
        ),
        this.queues.redis.get(lastSweepKey(this.config.QUEUE_PREFIX)),
      ]);
      const overdueAfterMs = 3 * this.config.SWEEP_INTERVAL_MS + 60_000;
      return {
        lastSweepAt,
        isSweepOverdue:
          lastSweepAt === null || this.clock.now().getTime() - Date.parse(lastSweepAt) > overdueAfterMs,
        missingSchedulers: missingSchedulers(new Map(present)),
      };
    };
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), PROBE_TIMEOUT_MS).unref());
    return Promise.race([read().catch(() => null), timeout]);
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
