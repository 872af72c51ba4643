import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '#cw/config';
import { ApiKeyRepository } from './api-key/api-key.repository.js';
import { AuditRepository } from './audit/audit.repository.js';
import { CorridorRepository } from './corridor/corridor.repository.js';
import { DashboardRepository } from './dashboard/dashboard.repository.js';
import { buildDataSourceOptions, type SqliteTuning } from './data-source-options.js';
import { createDatabase, Database } from './database/database.js';
import { AlertDeliveryRepository } from './delivery/alert-delivery.repository.js';
import { AlertFactsRepository } from './delivery/alert-facts.repository.js';
import { EmbargoRepository } from './embargo/embargo.repository.js';
import { FlagFactsRepository } from './flag/flag-facts.repository.js';
import { FlagRepository } from './flag/flag.repository.js';
import { TrackRecordRepository } from './flag/track-record.repository.js';
import { IdempotencyRepository } from './idempotency/idempotency.repository.js';
import { LocationRepository } from './location/location.repository.js';
import { OperationRepository } from './operation/operation.repository.js';
import { OrganisationRepository } from './organisation/organisation.repository.js';
import { EvaluationOutboxRepository } from './outbox/evaluation-outbox.repository.js';
import { PartyRepository } from './party/party.repository.js';
import { ReportRepository } from './report/report.repository.js';
import { SessionRepository } from './session/session.repository.js';
import { CalendarFeedRepository } from './sharing/calendar-feed.repository.js';
import { ExportRepository } from './sharing/export.repository.js';
import { ImportLookupRepository } from './sharing/import-lookup.repository.js';
import { ImportRowRepository } from './sharing/import-row.repository.js';
import { SubscriptionRepository } from './subscription/subscription.repository.js';
import { UserRepository } from './user/user.repository.js';
import { ReadCursorRepository } from './cursor/read-cursor.repository.js';
import { WebhookCorridorStateRepository } from './webhook/webhook-corridor-state.repository.js';
import { WebhookDeliveryRepository } from './webhook/webhook-delivery.repository.js';
import { WebhookEndpointRepository } from './webhook/webhook-endpoint.repository.js';
import { WebhookEventRepository } from './webhook/webhook-event.repository.js';

const REPOSITORIES = [
  AlertDeliveryRepository,
  AlertFactsRepository,
  ApiKeyRepository,
  AuditRepository,
  CalendarFeedRepository,
  CorridorRepository,
  DashboardRepository,
  EmbargoRepository,
  EvaluationOutboxRepository,
  ExportRepository,
  FlagFactsRepository,
  FlagRepository,
  IdempotencyRepository,
  ImportLookupRepository,
  ImportRowRepository,
  LocationRepository,
  OperationRepository,
  OrganisationRepository,
  PartyRepository,
  ReportRepository,
  SessionRepository,
  SubscriptionRepository,
  TrackRecordRepository,
  UserRepository,
  ReadCursorRepository,
  WebhookCorridorStateRepository,
  WebhookDeliveryRepository,
  WebhookEndpointRepository,
  WebhookEventRepository,
];

@Global()
@Module({})
export class PersistenceModule {
  /** The database of this process; `sqlite` tunes its SQLite connection (ignored on PostgreSQL). */
  static forRoot(sqlite: SqliteTuning = {}): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            ...buildDataSourceOptions(config.DATABASE_URL, sqlite),
            migrationsRun: config.MIGRATE_ON_START,
          }),
        }),
      ],
      providers: [{ provide: Database, inject: [DataSource], useFactory: createDatabase }, ...REPOSITORIES],
      exports: [Database, ...REPOSITORIES],
    };
  }
}
