import { partiesNeverConfirmed, confirmationDeadline } from '../confirmation/window-confirmation-state.js';
import { countRange, type SourcedCount } from '../count/count-reconciliation.js';
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

export interface WindowFacts {
  window: WindowBounds;
  isCancelled: boolean;
  requiredPartyIds: string[];
  confirmations: StatedConfirmation[];
  evacuationReports: SourcedCount[]; // reports naming this window
}

export interface FlagDecision {
  raise: FlagRule[];
  resolve: FlagRule[];
  nextEvaluationAt: Date | null;
}

// never_confirmed is the historical record of a broken promise: nothing resolves it.
const NEVER_RESOLVED: readonly FlagRule[] = ['never_confirmed'];

export function evaluateWindowFlags(facts: WindowFacts, settings: FlagRuleSettings, now: Date): FlagDecision {
  const holds = ruleConditions(facts, settings, now);
  const raise = facts.isCancelled ? [] : FLAG_RULES.filter((rule) => holds[rule]);
  const resolve = FLAG_RULES.filter((rule) => !holds[rule] && !NEVER_RESOLVED.includes(rule));
  return {
    raise,
    resolve,
    nextEvaluationAt: facts.isCancelled ? null : nextEvaluationAt(facts.window, settings, now),
  };
}

function ruleConditions(
  facts: WindowFacts,
  settings: FlagRuleSettings,
  now: Date,
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
    count_discrepancy: hasCountDiscrepancy(evacuationReports, settings.countDiscrepancyRatio),
  };
}

// Two or more sources whose figures spread wider than the ratio; a zero beside any positive figure always does.
function hasCountDiscrepancy(reports: SourcedCount[], ratio: number): boolean {
  if (new Set(reports.map((r) => r.sourcePartyId)).size < 2) return false;
  const { low, high } = countRange(reports);
  return high > low * (1 + ratio);
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
