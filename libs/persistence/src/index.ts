export { ApiKeyEntity } from './api-key/api-key.entity.js';
export { ApiKeyRepository, type ApiKeyWithOwner } from './api-key/api-key.repository.js';
export { CorridorRequiredPartyEntity } from './corridor/corridor-required-party.entity.js';
export { CorridorWindowEntity } from './corridor/corridor-window.entity.js';
export { CorridorEntity } from './corridor/corridor.entity.js';
export {
  CorridorRepository,
  type CorridorConfirmationState,
  type CorridorEditableFields,
  type CorridorListFilter,
  type CorridorListRow,
} from './corridor/corridor.repository.js';
export { buildDataSourceOptions, dialectOf, type Dialect } from './data-source-options.js';
export { createDatabase, Database, type Row, type SqlRunner } from './database/database.js';
export { ForeignKeyViolation, UniqueViolation } from './database/database-errors.js';
export { ENTITIES } from './entities.js';
export { IdempotencyRecordEntity } from './idempotency/idempotency-record.entity.js';
export { IdempotencyRepository } from './idempotency/idempotency.repository.js';
export { LocationEntity } from './location/location.entity.js';
export { LocationRepository } from './location/location.repository.js';
export { OrganisationEntity } from './organisation/organisation.entity.js';
export { OrganisationRepository } from './organisation/organisation.repository.js';
export { PartyEntity } from './party/party.entity.js';
export { PartyRepository } from './party/party.repository.js';
export { PersistenceModule } from './persistence.module.js';
export { ConfirmationEntity } from './report/confirmation.entity.js';
export { EvacuationReportEntity } from './report/evacuation-report.entity.js';
export { IncidentEntity } from './report/incident.entity.js';
export { RemainingReportEntity } from './report/remaining-report.entity.js';
export {
  EVACUATION_TOTALS_SQL,
  ReportRepository,
  type EvacuationFigure,
  type EvacuationTotals,
  type ReportReferences,
} from './report/report.repository.js';
export { SessionEntity } from './session/session.entity.js';
export { SessionRepository } from './session/session.repository.js';
export { InvalidCursor, type Page } from './shared/page.js';
export { UserEntity } from './user/user.entity.js';
export { UserRepository } from './user/user.repository.js';
