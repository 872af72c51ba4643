import {
  assertNotInFuture,
  describeCount,
  parseInstant,
  type ConfirmationStance,
  type PopulationCategory,
} from '#cw/domain';
import type { ReportKind, ReportRows } from '#cw/persistence';
import type {
  ConfirmationCreateDto,
  EvacuationCreateDto,
  IncidentCreateDto,
  RemainingCreateDto,
} from './dto/report-create.dto.js';
import {
  toCountResponse,
  type ConfirmationResponseDto,
  type CountResponseDto,
  type EnteredDto,
  type EvacuationReportResponseDto,
  type IncidentResponseDto,
  type RemainingReportResponseDto,
} from './dto/report-response.dto.js';
import { countColumns, fingerprint, type NamedReferences } from './report-claims.js';

/**
 * Each kind of report described once: its table, its name, how what a client sends becomes a stored claim (on
 * entry and on correction), its fingerprint, its claim view (the one shape of the audit entries, the timeline
 * and the answers), what it names (for the 422 naming the field) and what the corridor derives from it.
 * ReportService and ReportCorrectionService write add, correct and retract once over these.
 */

/** Who entered a report, for whom and at which version: the columns every kind shares, set by the service. */
type EnteredColumns =
  'id' | 'corridorId' | 'fingerprint' | 'organisationId' | 'createdById' | 'createdAt' | 'version';

interface KindShapes {
  confirmation: { create: ConfirmationCreateDto; response: ConfirmationResponseDto };
  evacuation: { create: EvacuationCreateDto; response: EvacuationReportResponseDto };
  remaining: { create: RemainingCreateDto; response: RemainingReportResponseDto };
  incident: { create: IncidentCreateDto; response: IncidentResponseDto };
}

export type ReportRow<K extends ReportKind> = ReportRows[K];
/** What a report says, as stored: its row without who entered it. */
export type Claim<K extends ReportKind> = Omit<ReportRow<K>, EnteredColumns>;
export type ReportCreateDto<K extends ReportKind> = KindShapes[K]['create'];
/** The claim as every reader sees it: JSON-ready (instants as ISO strings), and a create DTO as it is. */
export type ClaimView<K extends ReportKind> = Omit<KindShapes[K]['response'], keyof EnteredDto>;
/** A report as answered: who entered it, then its claim view (the response DTO classes document it). */
export type ReportResponse<K extends ReportKind> = EnteredDto & ClaimView<K>;

/** Reads an instant something was said or happened: with an offset or in the input's zone, never in the future. */
export type PastInstantReader = (input: string, field: string) => Date;

export function pastInstantReader(now: Date, timezone: string | null | undefined): PastInstantReader {
  return (input, field) => assertNotInFuture(parseInstant(input, field, timezone ?? undefined), now, field);
}

/** What a report adds to the corridor's timeline, told from its claim view. */
export interface ClaimTimelineEvent {
  at: string;
  summary: string;
  sourcePartyId: string | null;
  sourceUrl: string | null;
  note: string | null;
  count?: CountResponseDto;
  category?: PopulationCategory;
  windowId?: string;
  arrivedAtId?: string;
  stance?: ConfirmationStance;
  incidentKind?: string;
}

export interface ReportKindDescription<K extends ReportKind> {
  kind: K;
  /** As answers and refusals name it ("No evacuation report has the id …"). */
  name: string;
  /** What the corridor keeps derived from this kind, brought up to date in the write's transaction. */
  derives: 'figures' | 'confirmations' | null;
  /** The webhook event an entry of this kind is sent on, with its answer as `data`. */
  reportedEvent: 'evacuation.reported' | null;
  /** What a create says, as stored; refuses what cannot be stored. */
  claimOf(input: ReportCreateDto<K>, readPast: PastInstantReader): Claim<K>;
  /** A correction: the fields it names laid over the report's view, read as a create is. */
  corrected(row: ReportRow<K>, given: Partial<ReportCreateDto<K>>, readPast: PastInstantReader): Claim<K>;
  /** The claim with who entered it: the row to store. */
  stored(claim: Claim<K>, entered: Pick<ReportRow<K>, EnteredColumns>): ReportRow<K>;
  /** The same claim twice has the same fingerprint (a unique column): a duplicate is refused. */
  fingerprintOf(corridorId: string, claim: Claim<K>): string;
  view(claim: Claim<K>): ClaimView<K>;
  /** The records the claim names, with the request field naming each. */
  references(corridorId: string, claim: Claim<K>): NamedReferences;
  /** A window it names: its foreign key says it exists, not that it is this corridor's, so the write checks. */
  windowOf(claim: Claim<K>): string | null;
  timeline(view: ClaimView<K>): ClaimTimelineEvent;
}

const confirmation: ReportKindDescription<'confirmation'> = {
  kind: 'confirmation',
  corrected: (row, given, readPast) =>
    confirmation.claimOf({ ...confirmation.view(row), ...given }, readPast),
  stored: (claim, entered) => ({ ...claim, ...entered }),
  name: 'confirmation',
  derives: 'confirmations',
  reportedEvent: null,
  claimOf: (input, readPast) => ({
    partyId: input.partyId,
    stance: input.stance,
    statedAt: readPast(input.statedAt, 'statedAt'),
    sourceUrl: input.sourceUrl ?? null,
    note: input.note ?? null,
  }),
  fingerprintOf: (corridorId, c) =>
    fingerprint('confirmation', corridorId, c.partyId, c.stance, c.statedAt.getTime()),
  view: (c) => ({
    partyId: c.partyId,
    stance: c.stance,
    statedAt: c.statedAt.toISOString(),
    sourceUrl: c.sourceUrl,
    note: c.note,
  }),
  references: (corridorId, c) => ({
    refs: { corridorId, partyId: c.partyId },
    fields: { partyId: 'partyId' },
  }),
  windowOf: () => null,
  timeline: (v) => ({
    at: v.statedAt,
    summary: `Stance: ${v.stance}`,
    sourcePartyId: v.partyId,
    sourceUrl: v.sourceUrl,
    note: v.note,
    stance: v.stance,
  }),
};

const evacuation: ReportKindDescription<'evacuation'> = {
  kind: 'evacuation',
  corrected: (row, given, readPast) => evacuation.claimOf({ ...evacuation.view(row), ...given }, readPast),
  stored: (claim, entered) => ({ ...claim, ...entered }),
  name: 'evacuation report',
  derives: 'figures',
  reportedEvent: 'evacuation.reported',
  claimOf: (input, readPast) => ({
    windowId: input.windowId ?? null,
    sourcePartyId: input.sourcePartyId,
    reportedAt: readPast(input.reportedAt, 'reportedAt'),
    ...countColumns(input.count),
    category: input.category,
    arrivedAtId: input.arrivedAtId ?? null,
    sourceUrl: input.sourceUrl ?? null,
    note: input.note ?? null,
  }),
  fingerprintOf: (corridorId, c) =>
    fingerprint(
      'evacuation',
      corridorId,
      c.windowId,
      c.sourcePartyId,
      c.reportedAt.getTime(),
      c.category,
      c.qualifier,
      c.value,
      c.max,
    ),
  view: (c) => ({
    windowId: c.windowId,
    sourcePartyId: c.sourcePartyId,
    reportedAt: c.reportedAt.toISOString(),
    count: toCountResponse(c),
    category: c.category,
    arrivedAtId: c.arrivedAtId,
    sourceUrl: c.sourceUrl,
    note: c.note,
  }),
  references: (corridorId, c) => ({
    refs: {
      corridorId,
      partyId: c.sourcePartyId,
      windowId: c.windowId ?? undefined,
      locationId: c.arrivedAtId ?? undefined,
    },
    fields: { partyId: 'sourcePartyId', locationId: 'arrivedAtId' },
  }),
  windowOf: (c) => c.windowId,
  timeline: (v) => ({
    at: v.reportedAt,
    summary: `${describeCount(v.count)} ${v.category} evacuated`,
    sourcePartyId: v.sourcePartyId,
    sourceUrl: v.sourceUrl,
    note: v.note,
    count: v.count,
    category: v.category,
    windowId: v.windowId ?? undefined,
    arrivedAtId: v.arrivedAtId ?? undefined,
  }),
};

const remaining: ReportKindDescription<'remaining'> = {
  kind: 'remaining',
  corrected: (row, given, readPast) => remaining.claimOf({ ...remaining.view(row), ...given }, readPast),
  stored: (claim, entered) => ({ ...claim, ...entered }),
  name: 'remaining-population report',
  derives: null,
  reportedEvent: null,
  claimOf: (input, readPast) => ({
    sourcePartyId: input.sourcePartyId,
    reportedAt: readPast(input.reportedAt, 'reportedAt'),
    ...countColumns(input.count),
    sourceUrl: input.sourceUrl ?? null,
    note: input.note ?? null,
  }),
  fingerprintOf: (corridorId, c) =>
    fingerprint(
      'remaining',
      corridorId,
      c.sourcePartyId,
      c.reportedAt.getTime(),
      c.qualifier,
      c.value,
      c.max,
    ),
  view: (c) => ({
    sourcePartyId: c.sourcePartyId,
    reportedAt: c.reportedAt.toISOString(),
    count: toCountResponse(c),
    sourceUrl: c.sourceUrl,
    note: c.note,
  }),
  references: (corridorId, c) => ({
    refs: { corridorId, partyId: c.sourcePartyId },
    fields: { partyId: 'sourcePartyId' },
  }),
  windowOf: () => null,
  timeline: (v) => ({
    at: v.reportedAt,
    summary: `${describeCount(v.count)} people remain at the origin`,
    sourcePartyId: v.sourcePartyId,
    sourceUrl: v.sourceUrl,
    note: v.note,
    count: v.count,
  }),
};

const incident: ReportKindDescription<'incident'> = {
  kind: 'incident',
  corrected: (row, given, readPast) => incident.claimOf({ ...incident.view(row), ...given }, readPast),
  stored: (claim, entered) => ({ ...claim, ...entered }),
  name: 'incident',
  derives: null,
  reportedEvent: null,
  claimOf: (input, readPast) => ({
    kind: input.kind,
    occurredAt: readPast(input.occurredAt, 'occurredAt'),
    description: input.description,
    sourcePartyId: input.sourcePartyId ?? null,
    sourceUrl: input.sourceUrl ?? null,
  }),
  fingerprintOf: (corridorId, c) =>
    fingerprint('incident', corridorId, c.kind, c.occurredAt.getTime(), c.sourcePartyId, c.description),
  view: (c) => ({
    kind: c.kind,
    occurredAt: c.occurredAt.toISOString(),
    description: c.description,
    sourcePartyId: c.sourcePartyId,
    sourceUrl: c.sourceUrl,
  }),
  references: (corridorId, c) => ({
    refs: { corridorId, partyId: c.sourcePartyId ?? undefined },
    fields: { partyId: 'sourcePartyId' },
  }),
  windowOf: () => null,
  timeline: (v) => ({
    at: v.occurredAt,
    summary: `Incident: ${v.kind.replace('_', ' ')}`,
    sourcePartyId: v.sourcePartyId,
    sourceUrl: v.sourceUrl,
    // An incident's own words are its description.
    note: v.description,
    incidentKind: v.kind,
  }),
};

export const REPORT_KIND_DESCRIPTIONS: { [K in ReportKind]: ReportKindDescription<K> } = {
  confirmation,
  evacuation,
  remaining,
  incident,
};

/** Each kind of report as answers and refusals name it. */
export const REPORT_KIND_NAMES: { [K in ReportKind]: string } = {
  confirmation: confirmation.name,
  evacuation: evacuation.name,
  remaining: remaining.name,
  incident: incident.name,
};

/** A report as answered: who entered it, then its claim view. */
export function toReportResponse<K extends ReportKind>(kind: K, row: ReportRow<K>): ReportResponse<K> {
  return respond(row, REPORT_KIND_DESCRIPTIONS[kind].view(row));
}

export function respond<K extends ReportKind>(
  row: Pick<ReportRow<K>, EnteredColumns>,
  view: ClaimView<K>,
): ReportResponse<K> {
  // Object.assign onto a literal: V8 builds it several times faster than a spread, on the path of every report.
  return Object.assign(
    {
      id: row.id,
      corridorId: row.corridorId,
      enteredById: row.createdById,
      enteredAt: row.createdAt.toISOString(),
      organisationId: row.organisationId,
      version: row.version,
    },
    view,
  );
}
