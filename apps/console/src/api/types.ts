// The console's names for what the api sends: aliases onto the types `npm run api-types` generates from the
// OpenAPI document (schema.gen.ts), so a field the api adds, drops or changes reaches every page's types.
// Below them, the console's own: the choices its forms offer, in the order it shows them.
import type { components } from './schema.gen';

type Schemas = components['schemas'];

export type User = Schemas['UserResponseDto'];
export type Role = User['role'];
export type Organisation = Schemas['OrganisationResponseDto'];
export type ApiKey = Schemas['ApiKeyResponseDto'];
export type ApiKeyCreated = Schemas['ApiKeyCreatedResponseDto'];
/** GET /auth/invite?token=: who an invitation link is for, and the rules a new password must meet. */
export type Invitation = Schemas['InviteResponseDto'];
export type AuditEntry = Schemas['AuditEntryResponseDto'];

export type Party = Schemas['PartyResponseDto'];
export type Location = Schemas['LocationResponseDto'];
/** PATCH /locations/{id}: only the fields that change; null clears (lat and lon together). */
export type LocationUpdate = Schemas['LocationUpdateDto'];

export type Corridor = Schemas['CorridorResponseDto'];
export type CorridorListItem = Schemas['CorridorListItemDto'];
export type CorridorStatus = Corridor['status'];
/** What became of a corridor's promise once its windows are over; pending until then (derived by the server). */
export type CorridorPromise = Corridor['promise'];
export type CorridorWindow = Schemas['WindowResponseDto'];
/** A record held back from other organisations until it lifts (its own organisation and admins see it). */
export type Embargo = Schemas['EmbargoResponseDto'];
export type TimelineEvent = Schemas['TimelineEventDto'];
export type EvacuationSummary = Schemas['EvacuationSummaryDto'];
/** Corridors that are stages of one operation, whose people are counted once. */
export type Operation = Schemas['OperationResponseDto'];
export type Count = Schemas['CountDto'];
export type Qualifier = Count['qualifier'];
export type Stance = Schemas['ConfirmationResponseDto']['stance'];
/** Admiralty grading: how reliable the source (A–F), how credible the claim (1–6); F and 6 cannot be judged. */
export type Reliability = Schemas['ConfirmationResponseDto']['sourceReliability'];
export type Credibility = Schemas['ConfirmationResponseDto']['credibility'];

export type Flag = Schemas['FlagResponseDto'];
export type Severity = Flag['severity'];
export type Subscription = Schemas['SubscriptionResponseDto'];
/** An e-mail written to OUTBOX_DIR when no SMTP server is configured. */
export type OutboxMessage = Schemas['OutboxMessageDto'];

/** GET /dashboard: what the first screen shows, in one answer. */
export type Dashboard = Schemas['DashboardDto'];
export type DashboardWindow = Schemas['DashboardWindowDto'];
export type DashboardFlag = Schemas['DashboardFlagDto'];
/** The drawn route, or the line through origin, stops and destination (libs/domain corridorWay). */
export type CorridorWay = Schemas['CorridorWayDto'];

/** GET /jobs/health (admins). */
export type JobHealth = Schemas['JobHealthDto'];
export type QueueHealth = Schemas['QueueHealthDto'];
export type FailedJob = Schemas['FailedJobDto'];

export type WebhookEndpoint = Schemas['WebhookEndpointResponseDto'];
export type WebhookEvent = WebhookEndpoint['events'][number];
export type WebhookDelivery = Schemas['WebhookDeliveryResponseDto'];

/** The filter of GET /corridors, which exports and feeds take too. */
export type CorridorFilter = Schemas['CorridorFilterDto'];
/** GET /feeds: a private iCalendar feed, its address shown only when created. */
export type Feed = Schemas['FeedResponseDto'];
export type FeedCreated = Schemas['FeedCreatedResponseDto'];

/** POST /imports/{kind}: the rows checked, and stored when not a dry run. */
export type ImportResult = Schemas['ImportResultDto'];
export type ImportKind = ImportResult['kind'];
export type ImportProblem = Schemas['ImportProblemDto'];

/** Every list answer: a page of items and the cursor of the next. */
export type Page<T> = Pick<Schemas['CorridorPageDto'], 'nextCursor'> & { items: T[] };

// The console's own choices.

export const CORRIDOR_STATUSES: CorridorStatus[] = [
  'announced',
  'confirmed',
  'disputed',
  'open',
  'completed',
  'failed',
  'cancelled',
];
export const REPORT_KINDS = ['confirmation', 'evacuation', 'remaining', 'incident'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const STANCES: Stance[] = ['confirmed', 'rejected', 'conditional'];
export const RELIABILITIES = ['A', 'B', 'C', 'D', 'E', 'F'] as const satisfies readonly Reliability[];
export const CREDIBILITIES = [1, 2, 3, 4, 5, 6] as const satisfies readonly Credibility[];
export const EVACUATION_CATEGORIES = [
  'civilians',
  'wounded',
  'children',
  'other',
] as const satisfies readonly Schemas['EvacuationCreateDto']['category'][];
export const INCIDENT_KINDS = [
  'shelling',
  'blocked',
  'closed_early',
  'violation',
  'other',
] as const satisfies readonly Schemas['IncidentCreateDto']['kind'][];
export const QUALIFIERS: Qualifier[] = ['exact', 'about', 'at_least', 'at_most', 'range'];
export const SEVERITIES: Severity[] = ['critical', 'warning', 'info'];
export const ROLES: Role[] = ['admin', 'coordinator', 'reporter', 'viewer'];
export const QUEUE_COUNTS = [
  'waiting',
  'active',
  'delayed',
  'prioritized',
  'completed',
  'failed',
] as const satisfies readonly (keyof QueueHealth['counts'])[];
export const WEBHOOK_EVENTS = [
  'flag.raised',
  'flag.resolved',
  'corridor.status_changed',
  'corridor.promise_settled',
  'evacuation.reported',
] as const satisfies readonly WebhookEvent[];
export const IMPORT_KINDS = ['corridors', 'windows', 'evacuations'] as const satisfies readonly ImportKind[];
