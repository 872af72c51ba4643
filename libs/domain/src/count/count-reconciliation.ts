import { assertValidCount, statedFigures, type Count } from './count.js';

export interface SourcedCount {
  sourcePartyId: string;
  windowId: string | null;
  count: Count;
  reportedAt: Date;
}

export interface CountClaim {
  sourcePartyId: string;
  count: Count;
  reportedAt: Date;
}

export interface CountRange {
  low: number;
  high: number;
  bySource: CountClaim[];
}

export interface CountReconciliation {
  total: CountRange | null;
  windows: ({ windowId: string | null } & CountRange)[];
}

// Conflicting figures are kept side by side: the range spans every stated figure, nothing is averaged.
// Groups come out by windowId in string order, with reports tied to no window last.
export function reconcileCounts(reports: SourcedCount[]): CountReconciliation {
  reports.forEach((report) => assertValidCount(report.count));
  if (reports.length === 0) {
    return { total: null, windows: [] };
  }
  const groups = new Map<string | null, SourcedCount[]>();
  for (const report of reports) {
    groups.set(report.windowId, [...(groups.get(report.windowId) ?? []), report]);
  }
  const windows = [...groups.entries()]
    .sort(([a], [b]) => compareWindowIds(a, b))
    .map(([windowId, group]) => ({ windowId, ...countRange(group) }));
  const total: CountRange = {
    low: windows.reduce((sum, w) => sum + w.low, 0),
    high: windows.reduce((sum, w) => sum + w.high, 0),
    bySource: claimsOf(reports),
  };
  return { total, windows };
}

// The range of one group of reports (all about the same window); callers pass a non-empty group.
export function countRange(group: SourcedCount[]): CountRange {
  const figures = group.flatMap((report) => statedFigures(report.count));
  return {
    low: figures.reduce((low, figure) => Math.min(low, figure)),
    high: figures.reduce((high, figure) => Math.max(high, figure)),
    bySource: claimsOf(group),
  };
}

function claimsOf(reports: SourcedCount[]): CountClaim[] {
  return [...reports].sort(compareReports).map((report) => ({
    sourcePartyId: report.sourcePartyId,
    count: { ...report.count },
    reportedAt: report.reportedAt,
  }));
}

// Reported time, then source; the rest only makes the order independent of the input order.
function compareReports(a: SourcedCount, b: SourcedCount): number {
  return (
    a.reportedAt.getTime() - b.reportedAt.getTime() ||
    compareStrings(a.sourcePartyId, b.sourcePartyId) ||
    compareWindowIds(a.windowId, b.windowId) ||
    compareStrings(a.count.qualifier, b.count.qualifier) ||
    a.count.value - b.count.value ||
    (a.count.max ?? -1) - (b.count.max ?? -1)
  );
}

function compareWindowIds(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareStrings(a, b);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
