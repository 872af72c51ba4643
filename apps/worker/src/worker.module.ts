import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { Clock, ClockModule } from '#cw/clock';
import { AppConfig, ConfigModule } from '#cw/config';
import { IdempotencyModule } from '#cw/idempotency';
import { QueueName } from '#cw/jobs';
import { PersistenceModule } from '#cw/persistence';
import { JobSchedules } from './job-schedules.js';
import { MaintenanceProcessor } from './maintenance.processor.js';

export interface WorkerModuleOptions {
  env?: Record<string, string | undefined>;
  clock?: Clock;
}

/** The background-job process: BullMQ on Redis, sharing the database with the api. */
@Module({})
export class WorkerModule {
  static forRoot(options: WorkerModuleOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(options.env),
        ClockModule.forRoot(options.clock),
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({ pinoHttp: { level: config.LOG_LEVEL } }),
        }),
        PersistenceModule,
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
          }),
        }),
        BullModule.registerQueue({ name: QueueName.Maintenance }),
        IdempotencyModule,
      ],
      providers: [MaintenanceProcessor, JobSchedules],
    };
  }
}
