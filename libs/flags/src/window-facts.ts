import {
  confirmationDeadline,
  type ConfirmationStance,
  type Count,
  type CountQualifier,
  type FlagRuleSettings,
  type SourcedCount,
  type WindowFacts,
} from '#cw/domain';
import type { CorridorFlagFacts } from '#cw/persistence';

type Window = CorridorFlagFacts['windows'][number];

/**
 * Which window an evacuation report counts for. A report naming its window counts for it. A report naming
 * none counts for the window whose [start, end + grace) holds its reportedAt — the latest-starting one when
 * several do — and for no window when none does (it stays in the corridor's totals).
 */
export function attributeEvacuations(
  facts: CorridorFlagFacts,
  graceHours: number,
): Map<string, CorridorFlagFacts['evacuations']> {
  const byWindow = new Map<string, CorridorFlagFacts['evacuations']>(facts.windows.map((w) => [w.id, []]));
  const graceMs = graceHours * 3_600_000;
  let sorted: Window[] | undefined; // only when a report names no window
  const latestFirst = () =>
    (sorted ??= [...facts.windows].sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime()));
  for (const report of facts.evacuations) {
    const at = report.reportedAt.getTime();
    const windowId =
      report.windowId ??
      latestFirst().find((w) => w.startsAt.getTime() <= at && at < w.endsAt.getTime() + graceMs)?.id;
    if (windowId) byWindow.get(windowId)?.push(report);
  }
  return byWindow;
}

/** The facts of each window of a corridor; what the corridor's windows share is converted once. */
export function corridorFactsOf(
  facts: CorridorFlagFacts,
): (window: Window, evacuations: CorridorFlagFacts['evacuations']) => WindowFacts {
  const confirmations = facts.confirmations.map((c) => ({
    partyId: c.partyId,
    stance: c.stance as ConfirmationStance,
    statedAt: c.statedAt,
    reportedById: c.reportedById,
  }));
  return (window, evacuations) => ({
    window: { startsAt: window.startsAt, endsAt: window.endsAt },
    isCancelled: facts.isCancelled,
    requiredPartyIds: facts.requiredPartyIds,
    confirmations,
    evacuationReports: evacuations.map((e): SourcedCount => ({
      sourcePartyId: e.sourcePartyId,
      windowId: e.windowId,
      reportedAt: e.reportedAt,
      count: { qualifier: e.qualifier as CountQualifier, value: e.value, max: e.max } as Count,
    })),
  });
}

/** The three instants at which a window's flags can change by time alone. */
export function windowInstants(
  window: { startsAt: Date; endsAt: Date },
  settings: FlagRuleSettings,
): { purpose: 'deadline' | 'end' | 'grace'; at: Date }[] {
  return [
    { purpose: 'deadline', at: confirmationDeadline(window, settings.confirmationLeadMinutes) },
    { purpose: 'end', at: window.endsAt },
    {
      purpose: 'grace',
      at: new Date(window.endsAt.getTime() + settings.noEvacuationGraceHours * 3_600_000),
    },
  ];
}
