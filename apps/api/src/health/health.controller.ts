import { Controller, Get, HttpStatus, OnModuleDestroy, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Redis } from 'ioredis';
import { AppConfig } from '#cw/config';
import { DatabaseProbe } from './database-probe.js';

type Check = 'up' | 'down';

class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status: 'ok' | 'degraded';
  @ApiProperty({ enum: ['up', 'down'] }) database: Check;
  @ApiProperty({ enum: ['up', 'down'] }) redis: Check;
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

/** Liveness and readiness for load balancers and the start script; open without sign-in. */
@ApiTags('operations')
@Controller('health')
export class HealthController implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(
    private readonly database: DatabaseProbe,
    config: AppConfig,
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
    const healthy = database === 'up' && redis === 'up';
    void reply.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: healthy ? 'ok' : 'degraded', database, redis };
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
