import { latestStances, weakestGrade, type FlagDecision, type FlagRule, type Grade } from '#cw/domain';
import type { FlagEvidence } from '#cw/persistence';
import type { GradedClaim, GradedWindowFacts } from './window-facts.js';

const NONE: FlagEvidence = { detail: null, reliability: null, credibility: null };

const gradeOf = (claim: {
  sourceReliability: Grade['reliability'];
  credibility: Grade['credibility'];
}): Grade => ({
  reliability: claim.sourceReliability,
  credibility: claim.credibility,
});

/**
 * What a raised flag rests on: for count_discrepancy the like group and the claims at its two ends, for rejected
 * the rejections; graded by the weaker of those claims (so `minGrade` can leave out a flag resting on weak
 * claims). A flag raised by an absence (nothing confirmed, nothing reported) rests on no claim: no grade.
 */
export function flagEvidence(
  rule: FlagRule,
  facts: GradedWindowFacts,
  decision: FlagDecision<GradedClaim>,
  now: Date,
): FlagEvidence {
  if (rule === 'count_discrepancy' && decision.discrepancy) {
    const { group, low, high, lowest, highest } = decision.discrepancy;
    const grade = weakestGrade([gradeOf(lowest), gradeOf(highest)]);
    return {
      detail: JSON.stringify({
        ...group,
        low,
        high,
        lowest: claimDetail(lowest),
        highest: claimDetail(highest),
      }),
      reliability: grade?.reliability ?? null,
      credibility: grade?.credibility ?? null,
    };
  }
  if (rule === 'rejected') {
    const stances = latestStances(facts.confirmations, now);
    const rejections = facts.requiredPartyIds.flatMap((partyId) => {
      const stance = stances.get(partyId);
      return stance?.stance === 'rejected' ? [gradeOf(stance)] : [];
    });
    const grade = weakestGrade(rejections);
    return { detail: null, reliability: grade?.reliability ?? null, credibility: grade?.credibility ?? null };
  }
  return NONE;
}

function claimDetail(claim: GradedClaim) {
  return {
    reportId: claim.id,
    sourcePartyId: claim.sourcePartyId,
    reportedAt: claim.reportedAt.toISOString(),
    count:
      claim.count.qualifier === 'range'
        ? claim.count
        : { qualifier: claim.count.qualifier, value: claim.count.value },
    sourceReliability: claim.sourceReliability,
    credibility: claim.credibility,
  };
}

export function isSameEvidence(a: FlagEvidence, b: FlagEvidence): boolean {
  return a.detail === b.detail && a.reliability === b.reliability && a.credibility === b.credibility;
}
