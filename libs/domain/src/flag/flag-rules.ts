import { partiesNeverConfirmed, confirmationDeadline } from '../confirmation/window-confirmation-state.js';
import { countDiscrepancy, type CountDiscrepancy, type EvacuationClaim } from '../count/figures.js';
import { latestStances, type StatedConfirmation } from '../corridor/corridor-status.js';
import type { WindowBounds } from '../schedule/daily-schedule.js';

export type FlagRule =
  'unconfirmed_at_deadline' | 'never_confirmed' | 'rejected' | 'no_evacuation_reported' | 'count_discrepancy';
export const FLAG_RULES: readonly FlagRule[] = [
  'unconfirmed_at_deadline',
  'never_confirmed',
  'rejected',
  'no_evacuation_reported',
  'count_discrepancy',
];

export type FlagSeverity = 'info' | 'warning' | 'critical';
export const FLAG_SEVERITIES: readonly FlagSeverity[] = ['info', 'warning', 'critical'];

export const FLAG_RULE_SEVERITY: Record<FlagRule, FlagSeverity> = {
  unconfirmed_at_deadline: 'warning',
  never_confirmed: 'critical',
  rejected: 'critical',
  no_evacuation_reported: 'warning',
  count_discrepancy: 'info',
};

export interface FlagRuleSettings {
  confirmationLeadMinutes: number;
  noEvacuationGraceHours: number;
  countDiscrepancyRatio: number;
}

export interface WindowFacts<C extends EvacuationClaim = EvacuationClaim> {
  window: WindowBounds;
  isCancelled: boolean;
  requiredPartyIds: string[];
  confirmations: StatedConfirmation[];
  evacuationReports: C[]; // the claims attributed to this window
}

export interface FlagDecision<C extends EvacuationClaim = EvacuationClaim> {
  raise: FlagRule[];
  resolve: FlagRule[];
  nextEvaluationAt: Date | null;
  /** When count_discrepancy holds: the like group and the claims at both ends, for the flag's detail. */
  discrepancy: CountDiscrepancy<C> | null;
}

// never_confirmed is the historical record of a broken promise: nothing resolves it.
const NEVER_RESOLVED: readonly FlagRule[] = ['never_confirmed'];

export function evaluateWindowFlags<C extends EvacuationClaim>(
  facts: WindowFacts<C>,
  settings: FlagRuleSettings,
  now: Date,
): FlagDecision<C> {
  const discrepancy = countDiscrepancy(facts.evacuationReports, settings.countDiscrepancyRatio);
  const holds = ruleConditions(facts, settings, now, discrepancy !== null);
  const raise = facts.isCancelled ? [] : FLAG_RULES.filter((rule) => holds[rule]);
  const resolve = FLAG_RULES.filter((rule) => !holds[rule] && !NEVER_RESOLVED.includes(rule));
  return {
    raise,
    resolve,
    nextEvaluationAt: facts.isCancelled ? null : nextEvaluationAt(facts.window, settings, now),
    discrepancy,
  };
}

function ruleConditions(
  facts: WindowFacts,
  settings: FlagRuleSettings,
  now: Date,
  hasDiscrepancy: boolean,
): Record<FlagRule, boolean> {
  const { window, requiredPartyIds, evacuationReports } = facts;
  const stances = latestStances(facts.confirmations, now);
  const current = requiredPartyIds.map((partyId) => stances.get(partyId)?.stance);
  const deadlineAt = confirmationDeadline(window, settings.confirmationLeadMinutes);
  return {
    unconfirmed_at_deadline: isAtOrAfter(now, deadlineAt) && current.some((stance) => stance !== 'confirmed'),
    never_confirmed:
      isAtOrAfter(now, window.endsAt) &&
      partiesNeverConfirmed(window, requiredPartyIds, facts.confirmations).length > 0,
    rejected: current.includes('rejected'),
    no_evacuation_reported: isAtOrAfter(now, graceEnd(window, settings)) && evacuationReports.length === 0,
    // Only like with like: the same measure, counted-at place and category (countDiscrepancy).
    count_discrepancy: hasDiscrepancy,
  };
}

function nextEvaluationAt(window: WindowBounds, settings: FlagRuleSettings, now: Date): Date | null {
  const due = [
    confirmationDeadline(window, settings.confirmationLeadMinutes),
    window.endsAt,
    graceEnd(window, settings),
  ];
  const ahead = due.filter((at) => at.getTime() > now.getTime()).sort((a, b) => a.getTime() - b.getTime());
  return ahead[0] ?? null;
}

// Hours have one length in every zone: arithmetic, as Luxon's plus({ hours }), without its cost per window.
function graceEnd(window: WindowBounds, settings: FlagRuleSettings): Date {
  return new Date(window.endsAt.getTime() + settings.noEvacuationGraceHours * 3_600_000);
}

function isAtOrAfter(now: Date, at: Date): boolean {
  return now.getTime() >= at.getTime();
}
