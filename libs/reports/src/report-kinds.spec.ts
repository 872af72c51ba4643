import { describe, expect, it } from '@jest/globals';
import { NO_EMBARGO } from '#cw/domain';
import { fingerprint } from './fingerprint.js';
import { claimContext, REPORT_KIND_DESCRIPTIONS } from './report-kinds.js';

const NOW = new Date('2022-05-10T12:00:00Z');
const context = claimContext(NOW, null, 'B');
const CORRIDOR = '01a24a1d-0000-7000-8000-000000000001';
const UN = '01a24a1d-0000-7000-8000-000000000002';
const ZAPORIZHZHIA = '01a24a1d-0000-7000-8000-000000000003';
const entered = {
  id: '01a24a1d-0000-7000-8000-000000000009',
  corridorId: CORRIDOR,
  fingerprint: 'f',
  organisationId: '01a24a1d-0000-7000-8000-000000000004',
  createdById: '01a24a1d-0000-7000-8000-000000000005',
  createdAt: NOW,
  version: 1,
  ...NO_EMBARGO,
};

describe('each kind of report, described once', () => {
  const evacuation = REPORT_KIND_DESCRIPTIONS.evacuation;
  const v1Claim = {
    sourcePartyId: UN,
    reportedAt: '2022-05-04T21:00:00+03:00',
    count: { qualifier: 'at_least' as const, value: 300 },
    category: 'civilians' as const,
  };

  it('keeps the fingerprint a claim had before measures existed, so entering it again is still a duplicate', () => {
    const claim = evacuation.claimOf(v1Claim, context);
    expect(evacuation.fingerprintOf(CORRIDOR, claim)).toBe(
      fingerprint(
        'evacuation',
        CORRIDOR,
        null,
        UN,
        Date.parse('2022-05-04T18:00:00Z'),
        'civilians',
        'at_least',
        300,
        null,
      ),
    );
  });

  it('tells claims of other measures or places apart: they are other claims', () => {
    const base = evacuation.fingerprintOf(CORRIDOR, evacuation.claimOf(v1Claim, context));
    const arrived = evacuation.claimOf({ ...v1Claim, measure: 'arrived' }, context);
    const there = evacuation.claimOf({ ...v1Claim, countedAtId: ZAPORIZHZHIA }, context);
    const fingerprints = new Set([
      base,
      evacuation.fingerprintOf(CORRIDOR, arrived),
      evacuation.fingerprintOf(CORRIDOR, there),
    ]);
    expect(fingerprints.size).toBe(3);
    // A grade is how sure, not what was said: the same claim graded otherwise is still the same claim.
    const graded = evacuation.claimOf({ ...v1Claim, sourceReliability: 'A', credibility: 2 }, context);
    expect(evacuation.fingerprintOf(CORRIDOR, graded)).toBe(base);
  });

  it('grades a claim by its source unless it says otherwise, and defaults what a v1 client does not send', () => {
    expect(evacuation.claimOf(v1Claim, context)).toMatchObject({
      measure: 'evacuated',
      countedAtId: null,
      breakdown: null,
      sourceReliability: 'B',
      credibility: 6,
    });
  });

  it('reads each kind corrected with nothing given as the same claim: the view is what a create sends', () => {
    const again = claimContext(NOW, null, 'F');
    const { confirmation, remaining, incident } = REPORT_KIND_DESCRIPTIONS;
    const stance = confirmation.claimOf(
      { partyId: UN, stance: 'confirmed', statedAt: '2022-05-04T10:00:00Z', credibility: 3 },
      context,
    );
    expect(confirmation.corrected({ ...stance, ...entered }, {}, again)).toEqual(stance);
    const counted = evacuation.claimOf(
      { ...v1Claim, measure: 'arrived', countedAtId: ZAPORIZHZHIA, breakdown: { women: 100, minors: 50 } },
      context,
    );
    expect(evacuation.corrected({ ...counted, ...entered }, {}, again)).toEqual(counted);
    const waiting = remaining.claimOf(
      { ...v1Claim, category: 'women_children', placeId: ZAPORIZHZHIA },
      context,
    );
    expect(remaining.corrected({ ...waiting, ...entered }, {}, again)).toEqual(waiting);
    const shelling = incident.claimOf(
      {
        kind: 'shelling',
        occurredAt: '2022-05-05T10:00:00Z',
        description: 'Shelling',
        sourceReliability: 'C',
      },
      context,
    );
    expect(incident.corrected({ ...shelling, ...entered }, {}, again)).toEqual(shelling);
    // What a correction names is read as a create reads it.
    expect(evacuation.corrected({ ...counted, ...entered }, { measure: 'left_origin' }, again)).toEqual({
      ...counted,
      measure: 'left_origin',
    });
  });
});
