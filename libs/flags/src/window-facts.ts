import { confirmationDeadline, type FlagRuleSettings, type SourcedCount, type WindowFacts } from '#cw/domain';
import type { CorridorFlagFacts } from '#cw/persistence';

type Window = CorridorFlagFacts['windows'][number];

/** The facts of each window of a corridor; what the corridor's windows share is converted once. */
export function corridorFactsOf(
  facts: CorridorFlagFacts,
): (window: Window, evacuations: CorridorFlagFacts['evacuations']) => WindowFacts {
  const { confirmations } = facts;
  return (window, evacuations) => ({
    window: { startsAt: window.startsAt, endsAt: window.endsAt },
    isCancelled: facts.isCancelled,
    requiredPartyIds: facts.requiredPartyIds,
    confirmations,
    evacuationReports: evacuations.map((e): SourcedCount => ({
      sourcePartyId: e.sourcePartyId,
      windowId: e.windowId,
      reportedAt: e.reportedAt,
      count: { qualifier: e.qualifier, value: e.value, max: e.max },
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
