import { DynamicModule, Module, OnApplicationBootstrap, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { AccountsModule, AuthService } from '#cw/accounts';
import { Clock, ClockModule } from '#cw/clock';
import { ConfigModule } from '#cw/config';
import { CorridorsModule } from '#cw/corridors';
import { LocationsModule } from '#cw/locations';
import { PartiesModule } from '#cw/parties';
import { PersistenceModule } from '#cw/persistence';
import { ReportsModule } from '#cw/reports';
import { ApiKeysController } from './auth/api-keys.controller.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { CorridorReportsController } from './corridors/corridor-reports.controller.js';
import { CorridorsController } from './corridors/corridors.controller.js';
import { HealthController } from './health/health.controller.js';
import { ProblemFilter } from './http/problem.filter.js';
import { ValidationProblem } from './http/validation-problem.js';
import { LocationsController } from './locations/locations.controller.js';
import { PartiesController } from './parties/parties.controller.js';

export interface ApiModuleOptions {
  /** The environment to read configuration from; tests pass their own. */
  env?: Record<string, string | undefined>;
  /** Tests move time; production uses the system clock. */
  clock?: Clock;
}

@Module({})
export class AppModule implements OnApplicationBootstrap {
  constructor(private readonly auth: AuthService) {}

  static forRoot(options: ApiModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(options.env),
        ClockModule.forRoot(options.clock),
        PersistenceModule,
        AccountsModule,
        PartiesModule,
        LocationsModule,
        CorridorsModule,
        ReportsModule,
      ],
      controllers: [
        HealthController,
        AuthController,
        ApiKeysController,
        PartiesController,
        LocationsController,
        CorridorsController,
        CorridorReportsController,
      ],
      providers: [
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
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.auth.ensureBootstrapAdmin();
  }
}
