import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { Clock, ClockModule } from '#cw/clock';
import { AppConfig, ConfigModule } from '#cw/config';
import { PersistenceModule } from '#cw/persistence';

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
      ],
    };
  }
}
