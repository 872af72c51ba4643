import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { AlertsModule } from '#cw/alerts';
import { Clock, ClockModule } from '#cw/clock';
import { AppConfig, ConfigModule } from '#cw/config';
import { EmbargoModule } from '#cw/embargo';
import { FlagsModule } from '#cw/flags';
import { IdempotencyModule } from '#cw/idempotency';
import { QueueName } from '#cw/jobs';
import { PersistenceModule } from '#cw/persistence';
import { WebhookDeliveryModule } from '#cw/webhooks';
import { AlertsProcessor } from './alerts.processor.js';
import { EvaluationProcessor } from './evaluation.processor.js';
import { JobSchedules } from './job-schedules.js';
import { MaintenanceProcessor } from './maintenance.processor.js';
import { WebhooksProcessor } from './webhooks.processor.js';

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
        PersistenceModule.forRoot(),
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
            prefix: config.QUEUE_PREFIX,
          }),
        }),
        BullModule.registerQueue(
          { name: QueueName.Maintenance },
          { name: QueueName.Evaluation },
          { name: QueueName.Alerts },
          { name: QueueName.Webhooks },
        ),
        IdempotencyModule,
        FlagsModule,
        AlertsModule,
        WebhookDeliveryModule,
        EmbargoModule,
      ],
      providers: [
        MaintenanceProcessor,
        EvaluationProcessor,
        AlertsProcessor,
        WebhooksProcessor,
        JobSchedules,
      ],
    };
  }
}
