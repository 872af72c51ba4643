import { ApiKeyEntity } from './api-key/api-key.entity.js';
import { AuditEntryEntity } from './audit/audit-entry.entity.js';
import { CorridorStopEntity } from './corridor/corridor-stop.entity.js';
import { CorridorRequiredPartyEntity } from './corridor/corridor-required-party.entity.js';
import { CorridorWindowEntity } from './corridor/corridor-window.entity.js';
import { CorridorEntity } from './corridor/corridor.entity.js';
import { AlertCursorEntity } from './delivery/alert-cursor.entity.js';
import { AlertDeliveryEntity } from './delivery/alert-delivery.entity.js';
import { EmbargoHoldEntity } from './embargo/embargo-hold.entity.js';
import { FlagEventEntity } from './flag/flag-event.entity.js';
import { FlagEntity } from './flag/flag.entity.js';
import { IdempotencyRecordEntity } from './idempotency/idempotency-record.entity.js';
import { LocationEntity } from './location/location.entity.js';
import { OperationCorridorEntity } from './operation/operation-corridor.entity.js';
import { OperationFacilitatorEntity } from './operation/operation-facilitator.entity.js';
import { OperationEntity } from './operation/operation.entity.js';
import { OrganisationEntity } from './organisation/organisation.entity.js';
import { EvaluationOutboxEntity } from './outbox/evaluation-outbox.entity.js';
import { PartyEntity } from './party/party.entity.js';
import { ConfirmationEntity } from './report/confirmation.entity.js';
import { EvacuationReportEntity } from './report/evacuation-report.entity.js';
import { IncidentEntity } from './report/incident.entity.js';
import { RemainingReportEntity } from './report/remaining-report.entity.js';
import { SessionEntity } from './session/session.entity.js';
import { CalendarEventEntity } from './sharing/calendar-event.entity.js';
import { CalendarFeedEntity } from './sharing/calendar-feed.entity.js';
import { ImportRowEntity } from './sharing/import-row.entity.js';
import { SubscriptionEntity } from './subscription/subscription.entity.js';
import { UserEntity } from './user/user.entity.js';
import { WebhookCorridorStateEntity } from './webhook/webhook-corridor-state.entity.js';
import { WebhookDeliveryEntity } from './webhook/webhook-delivery.entity.js';
import { WebhookEndpointEntity } from './webhook/webhook-endpoint.entity.js';
import { WebhookEventEntity } from './webhook/webhook-event.entity.js';

export const ENTITIES = [
  OrganisationEntity,
  UserEntity,
  ApiKeyEntity,
  SessionEntity,
  PartyEntity,
  LocationEntity,
  CorridorEntity,
  CorridorRequiredPartyEntity,
  CorridorWindowEntity,
  ConfirmationEntity,
  EvacuationReportEntity,
  RemainingReportEntity,
  IncidentEntity,
  IdempotencyRecordEntity,
  AuditEntryEntity,
  FlagEntity,
  FlagEventEntity,
  EvaluationOutboxEntity,
  SubscriptionEntity,
  AlertDeliveryEntity,
  AlertCursorEntity,
  WebhookEndpointEntity,
  WebhookEventEntity,
  WebhookDeliveryEntity,
  WebhookCorridorStateEntity,
  CalendarFeedEntity,
  CalendarEventEntity,
  ImportRowEntity,
  EmbargoHoldEntity,
  CorridorStopEntity,
  OperationEntity,
  OperationCorridorEntity,
  OperationFacilitatorEntity,
];
