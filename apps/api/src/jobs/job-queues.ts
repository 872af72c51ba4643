import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { AppConfig } from '#cw/config';
import { failFastRedis, QueueName } from '#cw/jobs';

/** The api's read-and-retry view of every queue, on a connection that fails at once while Redis is away. */
@Injectable()
export class JobQueues implements OnModuleDestroy {
  readonly redis: Redis;
  readonly all: Queue[];

  constructor(readonly config: AppConfig) {
    this.redis = failFastRedis(config.REDIS_URL);
    this.all = Object.values(QueueName).map((name) => {
      const queue = new Queue(name, { connection: this.redis, prefix: config.QUEUE_PREFIX });
      queue.on('error', () => undefined);
      return queue;
    });
  }

  get isUp(): boolean {
    return this.redis.status === 'ready';
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.all.map((queue) => queue.close().catch(() => undefined)));
    this.redis.disconnect();
  }
}
