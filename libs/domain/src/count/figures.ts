import type { PopulationCategory } from '../claim/report-words.js';
import { DomainError, DomainErrorCode } from '../errors/domain-error.js';
import { assertValidCount, countUpperBound, statedFigures, type Count } from './count.js';

/**
 * What an evacuation claim counted: people who left the origin, joined on the way, arrived, or — when the source
 * did not say where it counted — evacuated.
 */
export type EvacuationMeasure = 'left_origin' | 'joined_en_route' | 'arrived' | 'evacuated';
export const EVACUATION_MEASURES: readonly EvacuationMeasure[] = [
  'left_origin',
  'joined_en_route',
  'arrived',
  'evacuated',
];
/** A claim that does not say what it counted: the operation's total as the source gave it. */
export const DEFAULT_MEASURE: EvacuationMeasure = 'evacuated';

/** Who the people counted were, where the source says so; each part at most the count's upper bound. */
export interface Breakdown {
  men?: number;
  women?: number;
  minors?: number;
  elderly?: number;
  wounded?: number;
}
export const BREAKDOWN_PARTS: readonly (keyof Breakdown)[] = ['men', 'women', 'minors', 'elderly', 'wounded'];

/** One source's evacuation claim, as the figures compare it. */
export interface EvacuationClaim {
  sourcePartyId: string;
  windowId: string | null;
  reportedAt: Date;
  count: Count;
  measure: EvacuationMeasure;
  countedAtId: string | null;
  category: PopulationCategory;
}

export interface MeasureRange {
  low: number;
  high: number;
  claims: number;
}

export interface Headline {
  measure: EvacuationMeasure;
  low: number;
  high: number;
}

/** The figures of one window, of a corridor's total, or of an operation's. */
export interface FigureSummary<C extends EvacuationClaim = EvacuationClaim> {
  /** The headline's range; with no headline (only people who joined on the way), every claim's range. */
  low: number;
  high: number;
  /** Every claim, side by side, in the order they were reported. */
  bySource: C[];
  byMeasure: Partial<Record<EvacuationMeasure, MeasureRange>>;
  headline: Headline | null;
}

export interface EvacuationSummary<C extends EvacuationClaim = EvacuationClaim> {
  total: FigureSummary<C> | null;
  windows: (FigureSummary<C> & { windowId: string | null })[];
}

// The people who joined on the way are inside the arrivals: never a headline of their own.
const HEADLINE_PREFERENCE: readonly EvacuationMeasure[] = ['arrived', 'evacuated', 'left_origin'];

/** The figure shown first: the arrivals when any claim is one, else the operation's total, else who left. */
export function headlineMeasure(measures: Iterable<EvacuationMeasure>): EvacuationMeasure | null {
  const present = new Set(measures);
  return HEADLINE_PREFERENCE.find((measure) => present.has(measure)) ?? null;
}

/** A claim's own figures: the lowest and highest its count states. */
export function claimRange(count: Count): { low: number; high: number } {
  const figures = statedFigures(count);
  return { low: Math.min(...figures), high: Math.max(...figures) };
}

/**
 * A corridor's headline after one more claim, from the headline before it and the range of the claim's group
 * (same measure and window; null when it had none) before it: what the corridor row keeps, without reading
 * every claim again. A measure that outranks the headline's has no claim yet, so the claim alone is its range.
 */
export function headlineAfterClaim(
  before: Headline | null,
  claim: { measure: EvacuationMeasure; low: number; high: number },
  groupBefore: { low: number; high: number } | null,
): Headline | null {
  const measure = headlineMeasure(before ? [before.measure, claim.measure] : [claim.measure]);
  if (measure !== claim.measure) return before;
  if (!before || before.measure !== measure) return { measure, low: claim.low, high: claim.high };
  if (!groupBefore) return { measure, low: before.low + claim.low, high: before.high + claim.high };
  return {
    measure,
    low: before.low - groupBefore.low + Math.min(groupBefore.low, claim.low),
    high: before.high - groupBefore.high + Math.max(groupBefore.high, claim.high),
  };
}

/** The headline of claims already grouped by measure and window (as the database aggregates them). */
export function headlineOfGroups(
  groups: readonly { measure: EvacuationMeasure; low: number; high: number }[],
): Headline | null {
  const measure = headlineMeasure(groups.map((g) => g.measure));
  if (!measure) return null;
  const of = groups.filter((g) => g.measure === measure);
  return {
    measure,
    low: of.reduce((sum, g) => sum + g.low, 0),
    high: of.reduce((sum, g) => sum + g.high, 0),
  };
}

/** A breakdown as stored (JSON) read back: only its known parts, each a number; null when none was stored. */
export function parseBreakdown(stored: string | null): Breakdown | null {
  if (stored === null) return null;
  const parsed: unknown = JSON.parse(stored);
  const parts: Breakdown = {};
  for (const part of BREAKDOWN_PARTS) {
    const value: unknown =
      typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, part) : undefined;
    if (typeof value === 'number') parts[part] = value;
  }
  return parts;
}

/** Refuses a breakdown with a part, or men + women + minors, larger than the count can be. */
export function assertBreakdownFits(
  count: Count,
  breakdown: Breakdown | null | undefined,
  field = 'breakdown',
): void {
  if (!breakdown) return;
  for (const part of BREAKDOWN_PARTS) {
    const value = breakdown[part];
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0)) {
      throw new DomainError(
        DomainErrorCode.InvalidBreakdown,
        `A part of a breakdown is a whole number of people, zero or more, not ${String(value)}.`,
        `${field}.${part}`,
      );
    }
  }
  const bound = countUpperBound(count);
  if (bound === null) return;
  const people = (breakdown.men ?? 0) + (breakdown.women ?? 0) + (breakdown.minors ?? 0);
  const largest = BREAKDOWN_PARTS.map((part) => breakdown[part] ?? 0).reduce((a, b) => Math.max(a, b), 0);
  if (people > bound || largest > bound) {
    throw new DomainError(
      DomainErrorCode.InvalidBreakdown,
      `The breakdown counts more people (${Math.max(people, largest)}) than the count allows (at most ${bound}).`,
      field,
    );
  }
}

/**
 * The figures of a corridor's (or an operation's) claims: per window, and for all of them. Within a window and a
 * measure, low and high are the lowest and highest figure any claim states (categories side by side, nothing
 * averaged). Claims that name no window form one group of their own: they are never spread over windows by
 * time, which would count them once per window. Across groups each measure's range is the sum of the groups'.
 * The headline is chosen at each level from the claims at that level. Groups come in `windowOrder` (window ids
 * in start order; others after, by id), the group of no window last.
 */
export function summarizeEvacuations<C extends EvacuationClaim>(
  claims: readonly C[],
  windowOrder: readonly string[] = [],
): EvacuationSummary<C> {
  claims.forEach((claim) => assertValidCount(claim.count));
  if (claims.length === 0) return { total: null, windows: [] };
  const groups = new Map<string | null, C[]>();
  for (const claim of claims) {
    const group = groups.get(claim.windowId);
    if (group) group.push(claim);
    else groups.set(claim.windowId, [claim]);
  }
  const position = new Map(windowOrder.map((id, index) => [id, index]));
  const windows = [...groups.entries()]
    .sort(([a], [b]) => compareWindows(a, b, position))
    .map(([windowId, group]) => ({ windowId, ...summarizeGroup(group) }));

  const byMeasure: Partial<Record<EvacuationMeasure, MeasureRange>> = {};
  for (const window of windows) {
    for (const measure of EVACUATION_MEASURES) {
      const range = window.byMeasure[measure];
      if (!range) continue;
      const sum = byMeasure[measure] ?? { low: 0, high: 0, claims: 0 };
      byMeasure[measure] = {
        low: sum.low + range.low,
        high: sum.high + range.high,
        claims: sum.claims + range.claims,
      };
    }
  }
  const headline = headlineOf(byMeasure);
  const total: FigureSummary<C> = {
    low: headline ? headline.low : windows.reduce((sum, w) => sum + w.low, 0),
    high: headline ? headline.high : windows.reduce((sum, w) => sum + w.high, 0),
    bySource: [...claims].sort(compareClaims),
    byMeasure,
    headline,
  };
  return { total, windows };
}

/** The figures of one group of claims (one window, or no window), a non-empty one. */
function summarizeGroup<C extends EvacuationClaim>(group: readonly C[]): FigureSummary<C> {
  const byMeasure: Partial<Record<EvacuationMeasure, MeasureRange>> = {};
  let low = Infinity;
  let high = -Infinity;
  for (const claim of group) {
    const figures = statedFigures(claim.count);
    const claimLow = Math.min(...figures);
    const claimHigh = Math.max(...figures);
    const range = byMeasure[claim.measure];
    byMeasure[claim.measure] = range
      ? {
          low: Math.min(range.low, claimLow),
          high: Math.max(range.high, claimHigh),
          claims: range.claims + 1,
        }
      : { low: claimLow, high: claimHigh, claims: 1 };
    low = Math.min(low, claimLow);
    high = Math.max(high, claimHigh);
  }
  const headline = headlineOf(byMeasure);
  return {
    low: headline ? headline.low : low,
    high: headline ? headline.high : high,
    bySource: [...group].sort(compareClaims),
    byMeasure,
    headline,
  };
}

function headlineOf(byMeasure: Partial<Record<EvacuationMeasure, MeasureRange>>): Headline | null {
  const measure = headlineMeasure(EVACUATION_MEASURES.filter((m) => byMeasure[m]));
  const range = measure && byMeasure[measure];
  return measure && range ? { measure, low: range.low, high: range.high } : null;
}

/** What makes claims comparable: the same measure, counted at the same place, of the same people. */
export interface LikeGroup {
  measure: EvacuationMeasure;
  countedAtId: string | null;
  category: PopulationCategory;
}

/** Claims grouped like with like, in a stable order of their groups. */
export function likeGroups<C extends EvacuationClaim>(
  claims: readonly C[],
): { group: LikeGroup; claims: C[] }[] {
  const groups = new Map<string, { group: LikeGroup; claims: C[] }>();
  for (const claim of claims) {
    const key = JSON.stringify([claim.measure, claim.countedAtId, claim.category]);
    const entry = groups.get(key);
    if (entry) entry.claims.push(claim);
    else
      groups.set(key, {
        group: { measure: claim.measure, countedAtId: claim.countedAtId, category: claim.category },
        claims: [claim],
      });
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, entry]) => entry);
}

/** Sources that disagree about the same people: the like group, its range, and the claims at both ends. */
export interface CountDiscrepancy<C extends EvacuationClaim = EvacuationClaim> {
  group: LikeGroup;
  low: number;
  high: number;
  lowest: C;
  highest: C;
}

/**
 * The first like group (same measure, counted-at place and category; the caller passes one window's claims)
 * whose claims come from two or more sources and spread wider than the ratio: high > low × (1 + ratio), so a
 * zero beside any positive figure always does. Claims of different measures or places never disagree.
 */
export function countDiscrepancy<C extends EvacuationClaim>(
  claims: readonly C[],
  ratio: number,
): CountDiscrepancy<C> | null {
  for (const { group, claims: like } of likeGroups(claims)) {
    if (new Set(like.map((c) => c.sourcePartyId)).size < 2) continue;
    const ordered = [...like].sort(compareClaims);
    let lowest = ordered[0];
    let highest = ordered[0];
    for (const claim of ordered) {
      if (Math.min(...statedFigures(claim.count)) < Math.min(...statedFigures(lowest.count))) lowest = claim;
      if (Math.max(...statedFigures(claim.count)) > Math.max(...statedFigures(highest.count)))
        highest = claim;
    }
    const low = Math.min(...statedFigures(lowest.count));
    const high = Math.max(...statedFigures(highest.count));
    if (high > low * (1 + ratio)) return { group, low, high, lowest, highest };
  }
  return null;
}

function compareWindows(a: string | null, b: string | null, position: Map<string, number>): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const [pa, pb] = [position.get(a) ?? Infinity, position.get(b) ?? Infinity];
  return pa !== pb ? pa - pb : compareStrings(a, b);
}

// Reported time, then source; the rest only makes the order independent of the input order.
function compareClaims(a: EvacuationClaim, b: EvacuationClaim): number {
  return (
    a.reportedAt.getTime() - b.reportedAt.getTime() ||
    compareStrings(a.sourcePartyId, b.sourcePartyId) ||
    compareStrings(a.windowId ?? '', b.windowId ?? '') ||
    compareStrings(a.measure, b.measure) ||
    compareStrings(a.countedAtId ?? '', b.countedAtId ?? '') ||
    compareStrings(a.category, b.category) ||
    compareStrings(a.count.qualifier, b.count.qualifier) ||
    a.count.value - b.count.value ||
    (a.count.max ?? -1) - (b.count.max ?? -1)
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
