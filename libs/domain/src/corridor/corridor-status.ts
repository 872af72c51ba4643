import { DomainError, DomainErrorCode } from '../errors/domain-error.js';
import type { WindowBounds } from '../schedule/daily-schedule.js';
import { isInsideWindow } from '../window/window.js';

export type CorridorStatus =
  'announced' | 'confirmed' | 'disputed' | 'open' | 'completed' | 'failed' | 'cancelled';
export const CORRIDOR_STATUSES: readonly CorridorStatus[] = [
  'announced',
  'confirmed',
  'disputed',
  'open',
  'completed',
  'failed',
  'cancelled',
];

export type ConfirmationStance = 'confirmed' | 'rejected' | 'conditional';
export const CONFIRMATION_STANCES: readonly ConfirmationStance[] = ['confirmed', 'rejected', 'conditional'];

/** A party's stance, stated by the party itself or reported by another (a facilitator's "agreed with both parties"). */
export interface StatedConfirmation {
  partyId: string;
  stance: ConfirmationStance;
  statedAt: Date;
  /** The party that reported the stance; null when the party stated it itself. */
  reportedById: string | null;
}

export interface CorridorFacts {
  isCancelled: boolean;
  windows: WindowBounds[];
  requiredPartyIds: string[];
  confirmations: StatedConfirmation[];
  hasEvacuationReports: boolean;
}

// Two stances stated at the same instant: the party's own beats a reported one, then the more cautious wins, so
// buses are never sent on a tie.
const CAUTION: Record<ConfirmationStance, number> = { confirmed: 0, conditional: 1, rejected: 2 };

export function latestStances(
  confirmations: StatedConfirmation[],
  asOf?: Date,
): Map<string, StatedConfirmation> {
  const latest = new Map<string, StatedConfirmation>();
  for (const confirmation of confirmations) {
    if (asOf !== undefined && confirmation.statedAt.getTime() > asOf.getTime()) continue;
    const current = latest.get(confirmation.partyId);
    if (current === undefined || isLater(confirmation, current)) {
      latest.set(confirmation.partyId, confirmation);
    }
  }
  return latest;
}

export function deriveCorridorStatus(facts: CorridorFacts, now: Date): CorridorStatus {
  if (facts.isCancelled) return 'cancelled';

  const stances = latestStances(facts.confirmations, now);
  const required = facts.requiredPartyIds.map((partyId) => stances.get(partyId)?.stance);
  const isRejected = required.includes('rejected');
  const haveAllEnded =
    facts.windows.length > 0 && facts.windows.every((w) => w.endsAt.getTime() <= now.getTime());

  if (haveAllEnded) return facts.hasEvacuationReports ? 'completed' : 'failed';
  // A rejected corridor is never shown open: coordinators must not send buses on it.
  if (isRejected) return 'disputed';
  if (facts.windows.some((w) => isInsideWindow(w, now))) return 'open';
  return required.every((stance) => stance === 'confirmed') ? 'confirmed' : 'announced';
}

function isLater(candidate: StatedConfirmation, current: StatedConfirmation): boolean {
  const difference = candidate.statedAt.getTime() - current.statedAt.getTime();
  if (difference !== 0) return difference > 0;
  const isOwn = (c: StatedConfirmation) => c.reportedById === null;
  if (isOwn(candidate) !== isOwn(current)) return isOwn(candidate);
  const caution = CAUTION[candidate.stance] - CAUTION[current.stance];
  // Two reporters of the same stance at the same instant: either will do, the same one whatever the order.
  return caution !== 0 ? caution > 0 : (candidate.reportedById ?? '') < (current.reportedById ?? '');
}

/** A party does not report its own stance: that is a statement of its own (reportedById null). */
export function assertReportedByAnother(partyId: string, reportedById: string | null | undefined): void {
  if (reportedById != null && reportedById === partyId) {
    throw new DomainError(
      DomainErrorCode.ReportedByItself,
      'reportedById names the party whose stance this is; leave it out when the party stated it itself.',
      'reportedById',
    );
  }
}
