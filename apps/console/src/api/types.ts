export type CorridorStatus =
  'announced' | 'confirmed' | 'disputed' | 'open' | 'completed' | 'failed' | 'cancelled';
export const CORRIDOR_STATUSES: CorridorStatus[] = [
  'announced',
  'confirmed',
  'disputed',
  'open',
  'completed',
  'failed',
  'cancelled',
];
/** What became of a corridor's promise once its windows are over; pending until then (derived by the server). */
export type CorridorPromise = 'pending' | 'kept' | 'unconfirmed' | 'broken' | 'cancelled';
/** Admiralty grading: how reliable the source (A–F), how credible the claim (1–6); F and 6 cannot be judged. */
export const RELIABILITIES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITIES)[number];
export const CREDIBILITIES = [1, 2, 3, 4, 5, 6] as const;
export type Credibility = (typeof CREDIBILITIES)[number];
export const REPORT_KINDS = ['confirmation', 'evacuation', 'remaining', 'incident'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export type Stance = 'confirmed' | 'rejected' | 'conditional';
export const STANCES: Stance[] = ['confirmed', 'rejected', 'conditional'];
export const EVACUATION_CATEGORIES = ['civilians', 'wounded', 'children', 'other'] as const;
export const INCIDENT_KINDS = ['shelling', 'blocked', 'closed_early', 'violation', 'other'] as const;
export type Qualifier = 'exact' | 'about' | 'at_least' | 'at_most' | 'range';
export const QUALIFIERS: Qualifier[] = ['exact', 'about', 'at_least', 'at_most', 'range'];
export type Severity = 'info' | 'warning' | 'critical';
export const SEVERITIES: Severity[] = ['critical', 'warning', 'info'];
export type Role = 'admin' | 'coordinator' | 'reporter' | 'viewer';
export const ROLES: Role[] = ['admin', 'coordinator', 'reporter', 'viewer'];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export interface Count {
  qualifier: Qualifier;
  value: number;
  max?: number;
}
export interface User {
  id: string;
  email: string;
  displayName: string;
  organisationId: string;
  role: Role;
  disabled?: boolean;
  invitePending?: boolean;
}
export interface Party {
  id: string;
  name: string;
  shortName: string | null;
  kind: 'belligerent' | 'government' | 'humanitarian' | 'other';
}
export interface Location {
  id: string;
  name: string;
  /** The name in other languages, by BCP 47 tag (`uk`, `ru`). */
  names: Record<string, string>;
  /** Other spellings sources use. */
  aliases: string[];
  /** Both null for a place known only by name. */
  lat: number | null;
  lon: number | null;
  adminArea: string | null;
  countryCode: string | null;
  /** IANA zone the place keeps (canonical name); null while unknown. */
  timezone: string | null;
  /** The organisation that recorded it: its members edit it (admins any). */
  organisationId: string;
}
/** `PATCH /locations/:id`: only the fields that change; null clears (lat and lon together). */
export type LocationUpdate = Partial<
  Pick<Location, 'name' | 'lat' | 'lon' | 'adminArea' | 'countryCode' | 'timezone'> & {
    names: Record<string, string> | null;
    aliases: string[] | null;
  }
>;
export interface EvacuationFigures {
  low: number | null;
  high: number | null;
  reportCount: number;
}
/** A record held back from other organisations until it lifts (its own organisation and admins see it). */
export interface Embargo {
  until: string | null;
  untilWindowsEnd: boolean;
  /** When it lifts: `until`, or the end of the corridor's last window; null while unknown. */
  liftsAt: string | null;
  liftedAt: string | null;
  isInForce: boolean;
}
export interface CorridorListItem {
  id: string;
  name: string;
  status: CorridorStatus;
  promise: CorridorPromise;
  originId: string;
  destinationId: string | null;
  announcedById: string;
  announcedAt: string;
  timezone: string;
  /** The origin's zone, else the corridor's: the zone its times are shown in, beside the viewer's. */
  placeTimezone: string;
  evacuation: EvacuationFigures | null;
  originName: string;
  destinationName: string | null;
  announcedByName: string;
  firstStartsAt: string | null;
  lastEndsAt: string | null;
  embargo?: Embargo;
  /** The operation this corridor is a stage of. */
  operationId: string | null;
  /** Its flags neither resolved nor acknowledged, by severity. */
  openFlags: Record<Severity, number>;
}
export interface PartyConfirmationState {
  partyId: string;
  stance: Stance | null;
  statedAt: string | null;
  isInTime: boolean;
}
export interface FlagSummary {
  id: string;
  rule: string;
  severity: Severity;
  isOpen?: boolean;
  raisedAt: string;
}
export interface CorridorWindow {
  id: string;
  startsAt: string;
  /** Null: announced with no end; the flag rules read it as ending at `reviewEndsAt`. */
  endsAt: string | null;
  reviewEndsAt?: string;
  confirmationState: {
    status: 'confirmed' | 'pending' | 'partial' | 'rejected';
    deadlineAt: string;
    parties: PartyConfirmationState[];
  };
  flags?: FlagSummary[];
}
export interface Confirmation {
  id: string;
  partyId: string;
  stance: Stance;
  statedAt: string;
  sourceUrl: string | null;
  note: string | null;
  enteredById: string;
}
export interface Corridor extends Omit<
  CorridorListItem,
  'originName' | 'destinationName' | 'announcedByName' | 'firstStartsAt' | 'lastEndsAt' | 'openFlags'
> {
  version: number;
  requiredConfirmationIds: string[];
  /** The places on the way, in order. */
  stopIds: string[];
  sourceUrl: string | null;
  sourceNote: string | null;
  route: { type: 'LineString'; coordinates: [number, number][] } | null;
  cancelReason: string | null;
  windows: CorridorWindow[];
  confirmations: Confirmation[];
  enteredById: string;
  organisationId: string;
}
export interface TimelineEvent {
  kind: string;
  at: string;
  endsAt?: string;
  recordId: string;
  /** English, for people reading the API; the console says it from the fields below. */
  summary: string;
  sourcePartyId: string | null;
  sourceUrl: string | null;
  note: string | null;
  enteredById: string | null;
  enteredAt: string;
  /** Reports: the organisation they were entered for, which may correct them. */
  organisationId?: string;
  /** Reports: the version a correction must name. */
  version?: number;
  /** Edits: the kind of record changed (corridor, evacuation, remaining, incident, confirmation…). */
  entity?: string;
  count?: Count;
  stance?: Stance;
  category?: string;
  arrivedAtId?: string;
  /** Incidents: where it happened; remaining-population reports: where they wait. */
  placeId?: string;
  incidentKind?: string;
  windowId?: string;
  flagEvent?: 'raised' | 'resolved' | 'reopened' | 'acknowledged';
  flagRule?: string;
  flagSeverity?: Severity;
  changes?: { field: string; before: unknown; after: unknown }[];
  /** The announcement and claims entered under embargo. */
  embargo?: Embargo;
  /** Claims: the source's reliability and the claim's credibility, as graded at entry. */
  sourceReliability?: Reliability;
  credibility?: Credibility;
}
export interface SourceClaim {
  sourcePartyId: string;
  count: Count;
  reportedAt: string;
  sourceReliability?: Reliability;
  credibility?: Credibility;
}
export interface CountRange {
  low: number | null;
  high: number | null;
  bySource: SourceClaim[];
}
export interface EvacuationSummary {
  total: CountRange | null;
  windows: (CountRange & { windowId: string | null })[];
  /** The grade asked for: only claims of that grade or better are counted. */
  minGrade?: string;
}
/** Corridors that are stages of one operation, whose people are counted once. */
export interface Operation {
  id: string;
  name: string;
  corridorIds: string[];
  facilitatorIds: string[];
  sourceUrl: string | null;
  note: string | null;
  evacuation: EvacuationSummary;
  version: number;
  organisationId: string;
}
export interface Flag {
  id: string;
  corridorId: string;
  corridorName: string;
  windowId: string;
  windowStartsAt: string;
  windowEndsAt: string;
  /** The zone of the corridor's place (its origin's, else its own). */
  placeTimezone: string;
  rule: string;
  severity: Severity;
  isOpen: boolean;
  raisedAt: string;
  resolvedAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedById: string | null;
  /** Who acknowledged it; their e-mail only for their own organisation and admins. */
  acknowledgedBy?: { id: string; displayName: string; email: string | null } | null;
  acknowledgeNote: string | null;
}
export interface Subscription {
  id: string;
  email: string;
  mode: 'immediate' | 'daily';
  digestHour?: number | null;
  timezone?: string | null;
  /** The language of its e-mails and unsubscribe page. */
  language?: 'en' | 'uk';
  minSeverity: Severity;
  corridorIds?: string[] | null;
  partyIds?: string[] | null;
}
export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  key?: string;
}
export interface Organisation {
  id: string;
  name: string;
  /** The language its people's subscriptions default to. */
  language?: 'en' | 'uk';
}
export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  corridorId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  outcome: string;
}
export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  createdAt?: string;
  sentAt?: string | null;
  status?: string;
  kind?: string;
}

/** GET /dashboard: what the first screen shows, in one answer. */
export interface DashboardPartyState {
  partyId: string;
  name: string;
  shortName: string | null;
  stance: Stance | null;
  statedAt: string | null;
  isInTime: boolean;
}
export interface DashboardWindow {
  id: string;
  corridorId: string;
  corridorName: string;
  timezone: string;
  placeTimezone: string;
  startsAt: string;
  endsAt: string;
  confirmationState: {
    status: CorridorWindow['confirmationState']['status'];
    deadlineAt: string;
    parties: DashboardPartyState[];
  };
}
export interface DashboardFlag {
  id: string;
  corridorId: string;
  corridorName: string;
  windowId: string;
  rule: string;
  severity: Severity;
  raisedAt: string;
  /** false: resolved since (a period counts the flags of its windows, resolved or not). */
  isOpen: boolean;
}
/** The drawn route, or the line through origin, stops and destination: [longitude, latitude] positions. */
export interface CorridorWay {
  coordinates: [number, number][];
  isDrawn: boolean;
}
export interface Dashboard {
  generatedAt: string;
  /** The period asked for (`?from=&to=`); null: now. */
  period: { from: string; to: string } | null;
  windowsUntil: string;
  openCorridors: {
    id: string;
    name: string;
    status: CorridorStatus;
    promise: CorridorPromise;
    originName: string;
    destinationName: string | null;
    /** The places' local names by language tag, for `localName`. */
    originNames: Record<string, string>;
    destinationNames: Record<string, string>;
    timezone: string;
    placeTimezone: string;
    evacuation: EvacuationFigures;
    /** What its map draws (libs/domain corridorWay); null: no place has a known position. */
    way: CorridorWay | null;
  }[];
  upcomingWindows: DashboardWindow[];
  flags: { open: Record<Severity | 'total', number>; mostSevere: DashboardFlag[] };
  evacuations: {
    low: number | null;
    high: number | null;
    corridorCount: number;
    byDay: { day: string; low: number; high: number }[];
  };
}

/** GET /jobs/health (admins). */
export const QUEUE_COUNTS = ['waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed'] as const;
export interface FailedJob {
  id: string;
  queue: string;
  name: string;
  failedReason: string;
  attemptsMade: number;
  failedAt: string | null;
}
export interface QueueHealth {
  name: string;
  counts: Record<(typeof QUEUE_COUNTS)[number], number>;
  failed: FailedJob[];
}
export interface JobHealth {
  redis: 'up' | 'down';
  queues: QueueHealth[];
  lastSweepAt: string | null;
  outbox: { pending: number; oldestCreatedAt: string | null };
}
export const WEBHOOK_EVENTS = [
  'flag.raised',
  'flag.resolved',
  'corridor.status_changed',
  'corridor.promise_settled',
  'evacuation.reported',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export interface WebhookEndpoint {
  id: string;
  organisationId: string;
  url: string;
  description: string | null;
  events: WebhookEvent[];
  enabled: boolean;
  disabledAt: string | null;
  disabledReason: string | null;
  failingSince: string | null;
  createdAt: string;
}
export interface WebhookDelivery {
  id: string;
  eventId: string;
  event: WebhookEvent;
  eventAt: string;
  status: 'pending' | 'sending' | 'retrying' | 'delivered' | 'failed';
  attempts: number;
  lastResponseCode: number | null;
  lastLatencyMs: number | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  error: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

/** GET /auth/invite?token=: who an invitation link is for, and the rules a new password must meet. */
export interface Invitation {
  email: string;
  displayName: string;
  expiresAt: string;
  passwordPolicy: { minLength: number; maxLength: number };
}

/** GET /feeds: a private iCalendar feed, its address shown only when created. */
export interface CorridorFilter {
  corridorId?: string;
  status?: CorridorStatus;
  partyId?: string;
  locationId?: string;
  from?: string;
  to?: string;
  q?: string;
}
export interface Feed {
  id: string;
  name: string;
  filter: CorridorFilter;
  createdAt: string;
}
export interface FeedCreated extends Feed {
  url: string;
}

/** POST /imports/{kind}: the rows checked, and stored when not a dry run. */
export const IMPORT_KINDS = ['corridors', 'windows', 'evacuations'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export interface ImportProblem {
  row: number | null;
  column: string | null;
  message: string;
}
export interface ImportResult {
  kind: ImportKind;
  dryRun: boolean;
  rows: number;
  valid: number;
  stored: number;
  unchanged: number;
  errorCount: number;
  errors: ImportProblem[];
}
