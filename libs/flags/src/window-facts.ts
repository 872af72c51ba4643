import {
  confirmationDeadline,
  type EvacuationClaim,
  type FlagRuleSettings,
  type WindowFacts,
} from '#cw/domain';
import type { CorridorFlagFacts, EvacuationFigure } from '#cw/persistence';

type Window = CorridorFlagFacts['windows'][number];

/** A stored evacuation report as the rules compare it, keeping its id and grade for a flag's evidence. */
export type GradedClaim = EvacuationFigure & EvacuationClaim;

/** A window's facts with the grades of its claims and stances, for a flag's evidence. */
export type GradedWindowFacts = WindowFacts<GradedClaim> & {
  confirmations: CorridorFlagFacts['confirmations'];
};

export function gradedClaim(figure: EvacuationFigure): GradedClaim {
  return { ...figure, count: { qualifier: figure.qualifier, value: figure.value, max: figure.max } };
}

/** The facts of each window of a corridor; what the corridor's windows share is converted once. */
export function corridorFactsOf(
  facts: CorridorFlagFacts,
): (window: Window, evacuations: CorridorFlagFacts['evacuations']) => GradedWindowFacts {
  const { confirmations } = facts;
  return (window, evacuations) => ({
    window: { startsAt: window.startsAt, endsAt: window.endsAt },
    isCancelled: facts.isCancelled,
    requiredPartyIds: facts.requiredPartyIds,
    confirmations,
    evacuationReports: evacuations.map(gradedClaim),
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
