import {
  assertReportedByAnother,
  assertBreakdownFits,
  assertNotInFuture,
  BREAKDOWN_PARTS,
  DEFAULT_MEASURE,
  describeCount,
  parseBreakdown,
  parseInstant,
  type Breakdown,
  type ConfirmationStance,
  type Count,
  type Credibility,
  type EvacuationMeasure,
  type PopulationCategory,
  type Reliability,
  type EmbargoState,
} from '#cw/domain';
import { toEmbargoResponse } from '#cw/common';
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

/**
 * Who entered a report, for whom, at which version and under which embargo: the columns every kind shares, set
 * by the service (an embargo is set on entry and lifted by the job, never by a correction).
 */
export type EnteredColumns =
  | 'id'
  | 'corridorId'
  | 'fingerprint'
  | 'organisationId'
  | 'createdById'
  | 'createdAt'
  | 'version'
  | keyof EmbargoState;

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

/** What reading a claim needs besides what it says: the clock and its source's grade. */
export interface ClaimContext {
  /** Reads an instant something was said or happened: with an offset or in the input's zone, never later than now. */
  readPast: (input: string, field: string) => Date;
  /** Its source party's reliability now (F without a source): the claim's grade when it gives none. */
  sourceReliability: Reliability;
}

export function claimContext(
  now: Date,
  timezone: string | null | undefined,
  sourceReliability: Reliability,
): ClaimContext {
  return {
    readPast: (input, field) =>
      assertNotInFuture(parseInstant(input, field, timezone ?? undefined), now, field),
    sourceReliability,
  };
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
  measure?: EvacuationMeasure;
  countedAtId?: string;
  placeId?: string;
  stance?: ConfirmationStance;
  reportedById?: string;
  incidentKind?: string;
  sourceReliability: Reliability;
  credibility: Credibility;
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
  claimOf(input: ReportCreateDto<K>, context: ClaimContext): Claim<K>;
  /** A correction: the fields it names laid over the report's view, read as a create is. */
  corrected(row: ReportRow<K>, given: Partial<ReportCreateDto<K>>, context: ClaimContext): Claim<K>;
  /** The party whose reliability grades the claim when it gives none (null: no source, graded F). */
  sourceOf(input: Partial<ReportCreateDto<K>> | ClaimView<K>): string | null | undefined;
  /** The claim with who entered it: the row to store. */
  stored(claim: Claim<K>, entered: Pick<ReportRow<K>, EnteredColumns>): ReportRow<K>;
  /** The same claim twice has the same fingerprint (a unique column): a duplicate is refused. */
  fingerprintOf(corridorId: string, claim: Claim<K>): string;
  view(claim: Claim<K>): ClaimView<K>;
  /** The records the claim names, with the request field naming each. */
  references(corridorId: string, claim: Claim<K>): NamedReferences;
  /** A window it names: its foreign key says it exists, not that it is this corridor's, so the write checks. */
  windowOf(claim: Claim<K>): string | null;
  /** What it adds to the corridor's evacuation figures (kinds the figures derive from). */
  figureOf(
    claim: Claim<K>,
  ): { measure: EvacuationMeasure; windowId: string | null; reportedAt: Date; count: Count } | null;
  timeline(view: ClaimView<K>): ClaimTimelineEvent;
}

/** A breakdown as stored: its parts in one order, JSON; null when none was given. */
function storedBreakdown(count: Count, breakdown: Breakdown | null | undefined): string | null {
  assertBreakdownFits(count, breakdown);
  if (!breakdown) return null;
  const parts: Breakdown = {};
  for (const part of BREAKDOWN_PARTS) if (breakdown[part] !== undefined) parts[part] = breakdown[part];
  return JSON.stringify(parts);
}

/**
 * A field that makes a claim another claim (issue 13's) joins its fingerprint only when it is not the default, so
 * a claim stored before the field existed keeps its fingerprint and entering it again is still refused.
 */
function unlessDefault(value: string | null, byDefault: string | null): (string | null)[] {
  return value === byDefault ? [] : [value];
}

/** Who reported a stance: never the party itself (refused, naming `reportedById`); null when it stated it. */
function reportedByAnother(partyId: string, reportedById: string | null | undefined): string | null {
  assertReportedByAnother(partyId, reportedById);
  return reportedById ?? null;
}

/** How a timeline says what a claim counted. */
const MEASURE_WORDS: Record<EvacuationMeasure, string> = {
  left_origin: 'left the origin',
  joined_en_route: 'joined on the way',
  arrived: 'arrived',
  evacuated: 'evacuated',
};

const confirmation: ReportKindDescription<'confirmation'> = {
  kind: 'confirmation',
  name: 'confirmation',
  derives: 'confirmations',
  reportedEvent: null,
  claimOf: (input, { readPast, sourceReliability }) => ({
    partyId: input.partyId,
    stance: input.stance,
    reportedById: reportedByAnother(input.partyId, input.reportedById),
    statedAt: readPast(input.statedAt, 'statedAt'),
    sourceUrl: input.sourceUrl ?? null,
    note: input.note ?? null,
    sourceReliability: input.sourceReliability ?? sourceReliability,
    credibility: input.credibility ?? 6,
  }),
  corrected: (row, given, context) => confirmation.claimOf({ ...confirmation.view(row), ...given }, context),
  // A reported stance is graded by who reported it.
  sourceOf: (input) => input.reportedById ?? input.partyId,
  stored: (claim, entered) => ({ ...claim, ...entered }),
  fingerprintOf: (corridorId, c) =>
    // A reported stance is another claim than the party's own; an own statement keeps its fingerprint.
    fingerprint(
      'confirmation',
      corridorId,
      c.partyId,
      c.stance,
      c.statedAt.getTime(),
      ...(c.reportedById ? [c.reportedById] : []),
    ),
  view: (c) => ({
    partyId: c.partyId,
    stance: c.stance,
    reportedById: c.reportedById,
    statedAt: c.statedAt.toISOString(),
    sourceUrl: c.sourceUrl,
    note: c.note,
    sourceReliability: c.sourceReliability,
    credibility: c.credibility,
  }),
  references: (corridorId, c) => ({
    refs: { corridorId, partyId: c.partyId, reportedById: c.reportedById ?? undefined },
    fields: { partyId: 'partyId', reportedById: 'reportedById' },
  }),
  windowOf: () => null,
  figureOf: () => null,
  timeline: (v) => ({
    at: v.statedAt,
    summary: `Stance: ${v.stance}`,
    sourcePartyId: v.partyId,
    reportedById: v.reportedById ?? undefined,
    sourceUrl: v.sourceUrl,
    note: v.note,
    stance: v.stance,
    sourceReliability: v.sourceReliability,
    credibility: v.credibility,
  }),
};

const evacuation: ReportKindDescription<'evacuation'> = {
  kind: 'evacuation',
  name: 'evacuation report',
  derives: 'figures',
  reportedEvent: 'evacuation.reported',
  claimOf: (input, { readPast, sourceReliability }) => ({
    windowId: input.windowId ?? null,
    sourcePartyId: input.sourcePartyId,
    reportedAt: readPast(input.reportedAt, 'reportedAt'),
    ...countColumns(input.count),
    category: input.category,
    arrivedAtId: input.arrivedAtId ?? null,
    sourceUrl: input.sourceUrl ?? null,
    note: input.note ?? null,
    measure: input.measure ?? DEFAULT_MEASURE,
    countedAtId: input.countedAtId ?? null,
    breakdown: storedBreakdown(input.count, input.breakdown),
    sourceReliability: input.sourceReliability ?? sourceReliability,
    credibility: input.credibility ?? 6,
  }),
  corrected: (row, given, context) => evacuation.claimOf({ ...evacuation.view(row), ...given }, context),
  sourceOf: (input) => input.sourcePartyId,
  stored: (claim, entered) => ({ ...claim, ...entered }),
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
      ...unlessDefault(c.measure, DEFAULT_MEASURE),
      ...unlessDefault(c.countedAtId, null),
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
    measure: c.measure,
    countedAtId: c.countedAtId,
    breakdown: parseBreakdown(c.breakdown),
    sourceReliability: c.sourceReliability,
    credibility: c.credibility,
  }),
  references: (corridorId, c) => ({
    refs: {
      corridorId,
      partyId: c.sourcePartyId,
      windowId: c.windowId ?? undefined,
      locationId: c.arrivedAtId ?? undefined,
      placeId: c.countedAtId ?? undefined,
    },
    fields: { partyId: 'sourcePartyId', locationId: 'arrivedAtId', placeId: 'countedAtId' },
  }),
  windowOf: (c) => c.windowId,
  figureOf: (c) => ({
    measure: c.measure,
    windowId: c.windowId,
    reportedAt: c.reportedAt,
    count: toCountResponse(c),
  }),
  timeline: (v) => ({
    at: v.reportedAt,
    summary: `${describeCount(v.count)} ${v.category} ${MEASURE_WORDS[v.measure]}`,
    sourcePartyId: v.sourcePartyId,
    sourceUrl: v.sourceUrl,
    note: v.note,
    count: v.count,
    category: v.category,
    windowId: v.windowId ?? undefined,
    arrivedAtId: v.arrivedAtId ?? undefined,
    measure: v.measure,
    countedAtId: v.countedAtId ?? undefined,
    sourceReliability: v.sourceReliability,
    credibility: v.credibility,
  }),
};

const remaining: ReportKindDescription<'remaining'> = {
  kind: 'remaining',
  name: 'remaining-population report',
  derives: null,
  reportedEvent: null,
  claimOf: (input, { readPast, sourceReliability }) => ({
    sourcePartyId: input.sourcePartyId,
    reportedAt: readPast(input.reportedAt, 'reportedAt'),
    ...countColumns(input.count),
    sourceUrl: input.sourceUrl ?? null,
    note: input.note ?? null,
    category: input.category ?? 'civilians',
    placeId: input.placeId ?? null,
    sourceReliability: input.sourceReliability ?? sourceReliability,
    credibility: input.credibility ?? 6,
  }),
  corrected: (row, given, context) => remaining.claimOf({ ...remaining.view(row), ...given }, context),
  sourceOf: (input) => input.sourcePartyId,
  stored: (claim, entered) => ({ ...claim, ...entered }),
  fingerprintOf: (corridorId, c) =>
    fingerprint(
      'remaining',
      corridorId,
      c.sourcePartyId,
      c.reportedAt.getTime(),
      c.qualifier,
      c.value,
      c.max,
      ...unlessDefault(c.category, 'civilians'),
      ...unlessDefault(c.placeId, null),
    ),
  view: (c) => ({
    sourcePartyId: c.sourcePartyId,
    reportedAt: c.reportedAt.toISOString(),
    count: toCountResponse(c),
    sourceUrl: c.sourceUrl,
    note: c.note,
    category: c.category,
    placeId: c.placeId,
    sourceReliability: c.sourceReliability,
    credibility: c.credibility,
  }),
  references: (corridorId, c) => ({
    refs: { corridorId, partyId: c.sourcePartyId, placeId: c.placeId ?? undefined },
    fields: { partyId: 'sourcePartyId', placeId: 'placeId' },
  }),
  windowOf: () => null,
  figureOf: () => null,
  timeline: (v) => ({
    at: v.reportedAt,
    summary: `${describeCount(v.count)} ${v.category === 'civilians' ? 'people' : v.category} remain ${v.placeId ? 'waiting' : 'at the origin'}`,
    sourcePartyId: v.sourcePartyId,
    sourceUrl: v.sourceUrl,
    note: v.note,
    count: v.count,
    category: v.category,
    placeId: v.placeId ?? undefined,
    sourceReliability: v.sourceReliability,
    credibility: v.credibility,
  }),
};

const incident: ReportKindDescription<'incident'> = {
  kind: 'incident',
  name: 'incident',
  derives: null,
  reportedEvent: null,
  claimOf: (input, { readPast, sourceReliability }) => ({
    kind: input.kind,
    occurredAt: readPast(input.occurredAt, 'occurredAt'),
    description: input.description,
    placeId: input.placeId ?? null,
    sourcePartyId: input.sourcePartyId ?? null,
    sourceUrl: input.sourceUrl ?? null,
    sourceReliability: input.sourceReliability ?? sourceReliability,
    credibility: input.credibility ?? 6,
  }),
  corrected: (row, given, context) => incident.claimOf({ ...incident.view(row), ...given }, context),
  sourceOf: (input) => input.sourcePartyId,
  stored: (claim, entered) => ({ ...claim, ...entered }),
  fingerprintOf: (corridorId, c) =>
    fingerprint(
      'incident',
      corridorId,
      c.kind,
      c.occurredAt.getTime(),
      c.sourcePartyId,
      c.description,
      ...unlessDefault(c.placeId, null),
    ),
  view: (c) => ({
    kind: c.kind,
    occurredAt: c.occurredAt.toISOString(),
    description: c.description,
    placeId: c.placeId,
    sourcePartyId: c.sourcePartyId,
    sourceUrl: c.sourceUrl,
    sourceReliability: c.sourceReliability,
    credibility: c.credibility,
  }),
  references: (corridorId, c) => ({
    refs: { corridorId, partyId: c.sourcePartyId ?? undefined, placeId: c.placeId ?? undefined },
    fields: { partyId: 'sourcePartyId', placeId: 'placeId' },
  }),
  windowOf: () => null,
  figureOf: () => null,
  timeline: (v) => ({
    at: v.occurredAt,
    summary: `Incident: ${v.kind.replace('_', ' ')}`,
    sourcePartyId: v.sourcePartyId,
    sourceUrl: v.sourceUrl,
    // An incident's own words are its description.
    note: v.description,
    incidentKind: v.kind,
    placeId: v.placeId ?? undefined,
    sourceReliability: v.sourceReliability,
    credibility: v.credibility,
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
      embargo: toEmbargoResponse(row),
    },
    view,
  );
}
