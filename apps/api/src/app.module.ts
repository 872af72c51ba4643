import { DynamicModule, Module, OnApplicationBootstrap, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { AccountsModule, UserService } from '#cw/accounts';
import { AlertsModule } from '#cw/alerts';
import { AuditModule } from '#cw/audit';
import { Clock, ClockModule } from '#cw/clock';
import { ConfigModule, loadConfig } from '#cw/config';
import { CorridorsModule } from '#cw/corridors';
import { EmbargoModule } from '#cw/embargo';
import { CorridorStateService } from '#cw/reports';
import { FlagsModule } from '#cw/flags';
import { JobsModule } from '#cw/jobs';
import { LocationsModule } from '#cw/locations';
import { OperationsModule } from '#cw/operations';
import { PartiesModule } from '#cw/parties';
import { Database, PersistenceModule } from '#cw/persistence';
import { ReportsModule } from '#cw/reports';
import { WebhooksModule } from '#cw/webhooks';
import { ExportsModule, FeedsModule, ImportsModule } from '#cw/sharing';
import { OrganisationsController } from './accounts/organisations.controller.js';
import { UsersController } from './accounts/users.controller.js';
import { AuditController } from './audit/audit.controller.js';
import { ApiKeysController } from './auth/api-keys.controller.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { RateLimits } from './auth/rate-limits.js';
import { RecordOwners } from './auth/record-owners.js';
import { BenchController } from './bench/bench.controller.js';
import { CorridorReportsController } from './corridors/corridor-reports.controller.js';
import { CorridorsController } from './corridors/corridors.controller.js';
import { DashboardModule } from './dashboard/dashboard.module.js';
import { FlagsController, TrackRecordController } from './flags/flags.controller.js';
import { DatabaseProbe } from './health/database-probe.js';
import { HealthController } from './health/health.controller.js';
import { InputSafetyPipe } from './http/input-safety.pipe.js';
import { ProblemFilter } from './http/problem.filter.js';
import { JobQueues } from './jobs/job-queues.js';
import { JobsController } from './jobs/jobs.controller.js';
import { ValidationProblem } from './http/validation-problem.js';
import { LocationsController } from './locations/locations.controller.js';
import { OperationsController } from './operations/operations.controller.js';
import { PartiesController } from './parties/parties.controller.js';
import { DeliveriesController, OutboxController } from './outbox/outbox.controller.js';
import { OneClickBody } from './subscriptions/one-click-body.js';
import { CsvBody } from './sharing/csv-body.js';
import { ExportsController } from './sharing/exports.controller.js';
import { FeedsController } from './sharing/feeds.controller.js';
import { ImportsController } from './sharing/imports.controller.js';
import { SubscriptionsController } from './subscriptions/subscriptions.controller.js';
import { UnsubscribeController } from './subscriptions/unsubscribe.controller.js';
import { WebhookEndpointsController } from './webhooks/webhook-endpoints.controller.js';

export interface ApiModuleOptions {
  /** The environment to read configuration from; tests pass their own. */
  env?: Record<string, string | undefined>;
  /** Tests move time; production uses the system clock. */
  clock?: Clock;
}

@Module({})
export class AppModule implements OnApplicationBootstrap {
  constructor(
    private readonly users: UserService,
    private readonly corridorState: CorridorStateService,
    private readonly db: Database,
  ) {}

  static forRoot(options: ApiModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(options.env),
        ClockModule.forRoot(options.clock),
        PersistenceModule.forRoot({ tempStoreInMemory: true }),
        AccountsModule,
        PartiesModule,
        LocationsModule,
        CorridorsModule,
        EmbargoModule,
        OperationsModule,
        ReportsModule,
        AuditModule,
        FlagsModule,
        JobsModule,
        AlertsModule,
        DashboardModule,
        WebhooksModule,
        ExportsModule,
        FeedsModule,
        ImportsModule,
      ],
      controllers: [
        HealthController,
        AuthController,
        ApiKeysController,
        PartiesController,
        LocationsController,
        CorridorsController,
        CorridorReportsController,
        OperationsController,
        OrganisationsController,
        UsersController,
        AuditController,
        // Benchmark only; loadConfig refuses the flag when NODE_ENV=production.
        ...(loadConfig(options.env).BENCH_UNGUARDED_ROUTES ? [BenchController] : []),
        FlagsController,
        TrackRecordController,
        JobsController,
        SubscriptionsController,
        UnsubscribeController,
        OutboxController,
        DeliveriesController,
        WebhookEndpointsController,
        ExportsController,
        FeedsController,
        ImportsController,
      ],
      providers: [
        DatabaseProbe,
        JobQueues,
        OneClickBody,
        CsvBody,
        // Before validation: class-transformer reads a body recursively.
        { provide: APP_PIPE, useClass: InputSafetyPipe },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({
            whitelist: true,
            forbidNonWhitelisted: true,
            transform: true,
            exceptionFactory: (errors) => ValidationProblem.fromValidationErrors(errors),
          }),
        },
        { provide: APP_FILTER, useClass: ProblemFilter },
        RateLimits,
        RecordOwners,
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.users.ensureBootstrapAdmin();
    // After the migrations (run at initialisation): corridors recorded before the promise was kept get theirs.
    await this.corridorState.computeMissingPromises(this.db);
  }
}
