export { ApiKeyEntity } from './api-key/api-key.entity.js';
export { ApiKeyRepository, type ApiKeyWithOwner } from './api-key/api-key.repository.js';
export { AuditEntryEntity } from './audit/audit-entry.entity.js';
export { AuditRepository, type AuditFilter, type NewAuditEntry } from './audit/audit.repository.js';
export { CorridorStopEntity } from './corridor/corridor-stop.entity.js';
export { CorridorRequiredPartyEntity } from './corridor/corridor-required-party.entity.js';
export { CorridorWindowEntity } from './corridor/corridor-window.entity.js';
export { CorridorEntity } from './corridor/corridor.entity.js';
export {
  CORRIDOR_PROMISE_SQL,
  CorridorRepository,
  type AddedClaim,
  type CorridorConfirmationState,
  type CorridorEvacuationFigures,
  type CorridorEditableFields,
  type CorridorFilter,
  type CorridorListFilter,
  type CorridorListRow,
} from './corridor/corridor.repository.js';
export {
  AlertDeliveryRepository,
  type AlertDeliveryListFilter,
} from './delivery/alert-delivery.repository.js';
export { AlertCursorEntity } from './delivery/alert-cursor.entity.js';
export { AlertDeliveryEntity } from './delivery/alert-delivery.entity.js';
export {
  AlertFactsRepository,
  type AlertCorridor,
  type AlertFlag,
  type DigestEvacuation,
  type DigestFacts,
  type DigestFlagEvent,
  type DigestWindow,
} from './delivery/alert-facts.repository.js';
export { buildDataSourceOptions, dialectOf, type Dialect, type SqliteTuning } from './data-source-options.js';
export {
  DashboardRepository,
  type DashboardWindowRow,
  type DashboardPartyRow,
  type DashboardConfirmationRow,
  type DashboardFlagCount,
  type DashboardFlagRow,
  type DashboardFigureRow,
} from './dashboard/dashboard.repository.js';
export {
  contiguousAfter,
  ReadCursorRepository,
  type ContiguousRows,
  type ReadCursor,
} from './cursor/read-cursor.repository.js';
export { EmbargoHoldEntity } from './embargo/embargo-hold.entity.js';
export {
  EmbargoRepository,
  type DueEmbargo,
  type HeldRecord,
  type LiftedRecord,
} from './embargo/embargo.repository.js';
export {
  EMBARGOED_TABLES,
  embargoVisibleSql,
  holdIfEmbargoed,
  type EmbargoedKind,
} from './embargo/embargo-visibility.js';
export { createDatabase, Database, type Row, type SqlRunner } from './database/database.js';
export { ForeignKeyViolation, UniqueViolation } from './database/database-errors.js';
export {
  FlagFactsRepository,
  type CorridorFlagFacts,
  type DueWindow,
  type FlagEvidence,
  type WindowEvaluation,
} from './flag/flag-facts.repository.js';
export { FlagEventEntity } from './flag/flag-event.entity.js';
export { FlagEntity } from './flag/flag.entity.js';
export {
  FlagRepository,
  type FlagChanges,
  type FlagEventKind,
  type FlagListFilter,
  type FlagListRow,
  type NewFlag,
} from './flag/flag.repository.js';
export {
  TrackRecordRepository,
  type AnnouncedWindowRow,
  type AnnouncedWindowsFacts,
} from './flag/track-record.repository.js';
export { ENTITIES } from './entities.js';
export { IdempotencyRecordEntity } from './idempotency/idempotency-record.entity.js';
export { IdempotencyRepository } from './idempotency/idempotency.repository.js';
export { LocationEntity } from './location/location.entity.js';
export { LocationRepository } from './location/location.repository.js';
export { OperationCorridorEntity } from './operation/operation-corridor.entity.js';
export { OperationFacilitatorEntity } from './operation/operation-facilitator.entity.js';
export { OperationEntity } from './operation/operation.entity.js';
export {
  OperationRepository,
  type OperationEditableFields,
  type OperationRecord,
  type OperationStage,
} from './operation/operation.repository.js';
export { OrganisationEntity } from './organisation/organisation.entity.js';
export { OrganisationRepository } from './organisation/organisation.repository.js';
export {
  EvaluationOutboxRepository,
  type OutboxBacklog,
  type PendingEvaluation,
} from './outbox/evaluation-outbox.repository.js';
export { PartyEntity } from './party/party.entity.js';
export { PartyRepository } from './party/party.repository.js';
export { PersistenceModule } from './persistence.module.js';
export { ConfirmationEntity } from './report/confirmation.entity.js';
export { EvacuationReportEntity } from './report/evacuation-report.entity.js';
export { IncidentEntity } from './report/incident.entity.js';
export { RemainingReportEntity } from './report/remaining-report.entity.js';
export {
  REPORT_KINDS,
  ReportRepository,
  type EvacuationFigure,
  type FigureGroup,
  type ReportKind,
  type ReportReferences,
  type ReportRows,
} from './report/report.repository.js';
export { SessionEntity } from './session/session.entity.js';
export { SessionRepository } from './session/session.repository.js';
export { CalendarEventEntity } from './sharing/calendar-event.entity.js';
export { CalendarFeedEntity } from './sharing/calendar-feed.entity.js';
export { CalendarFeedRepository } from './sharing/calendar-feed.repository.js';
export {
  ExportRepository,
  type ExportClaimRow,
  type ExportCorridorRow,
  type ExportFlagRow,
  type ExportWindowRow,
  type RequiredPartyRow,
  type StanceRow,
  type StopRow,
} from './sharing/export.repository.js';
export {
  ImportLookupRepository,
  type NamedRecord,
  type NamedTable,
  type WindowStart,
} from './sharing/import-lookup.repository.js';
export { ImportRowEntity } from './sharing/import-row.entity.js';
export { ImportRowRepository } from './sharing/import-row.repository.js';
export { decodeCursor, encodeCursor, InvalidCursor, type Page } from './shared/page.js';
export { SubscriptionEntity } from './subscription/subscription.entity.js';
export {
  SubscriptionRepository,
  type SubscriptionListFilter,
} from './subscription/subscription.repository.js';
export { UserEntity } from './user/user.entity.js';
export { UserRepository, type UserEditableFields } from './user/user.repository.js';
export { WebhookCorridorStateEntity } from './webhook/webhook-corridor-state.entity.js';
export {
  WebhookCorridorStateRepository,
  type CorridorReading,
} from './webhook/webhook-corridor-state.repository.js';
export { WebhookDeliveryEntity } from './webhook/webhook-delivery.entity.js';
export {
  WebhookDeliveryRepository,
  type WebhookAttemptOutcome,
  type WebhookDeliveryLogRow,
} from './webhook/webhook-delivery.repository.js';
export { WebhookEndpointEntity } from './webhook/webhook-endpoint.entity.js';
export {
  WebhookEndpointRepository,
  type WebhookEndpointEditableFields,
  type WebhookEndpointListFilter,
} from './webhook/webhook-endpoint.repository.js';
export { WebhookEventEntity } from './webhook/webhook-event.entity.js';
export { WebhookEventRepository, type FlagEventWindow } from './webhook/webhook-event.repository.js';
