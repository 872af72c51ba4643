import { describe, it, expect } from '@jest/globals';
import type { StatedConfirmation } from '../corridor/corridor-status.js';
import {
  confirmationDeadline,
  partiesNeverConfirmed,
  windowConfirmationState,
} from './window-confirmation-state.js';

const UKRAINE = 'ukraine';
const DNR = 'dnr';
const at = (iso: string) => new Date(iso);
const thursday = { startsAt: at('2022-05-05T05:00:00Z'), endsAt: at('2022-05-05T15:00:00Z') };
const LEAD = 120; // deadline 03:00Z

function stance(
  partyId: string,
  value: StatedConfirmation['stance'],
  statedAt: string,
  reportedById: string | null = null,
): StatedConfirmation {
  return { partyId, stance: value, statedAt: at(statedAt), reportedById };
}

describe('the confirmation deadline of a window', () => {
  it('is the window start minus the lead time', () => {
    expect(confirmationDeadline(thursday, 120).toISOString()).toBe('2022-05-05T03:00:00.000Z');
    expect(confirmationDeadline(thursday, 0).toISOString()).toBe('2022-05-05T05:00:00.000Z');
  });
});

describe('the confirmation state of a window', () => {
  const now = at('2022-05-05T04:00:00Z');

  it('is pending while no required party has said anything', () => {
    const state = windowConfirmationState(thursday, [UKRAINE, DNR], [], LEAD, now);
    expect(state.status).toBe('pending');
    expect(state.deadlineAt.toISOString()).toBe('2022-05-05T03:00:00.000Z');
    expect(state.parties).toEqual([
      { partyId: UKRAINE, stance: null, statedAt: null, isInTime: false },
      { partyId: DNR, stance: null, statedAt: null, isInTime: false },
    ]);
  });

  it('is partial when some but not all required parties confirmed', () => {
    const state = windowConfirmationState(
      thursday,
      [UKRAINE, DNR],
      [stance(UKRAINE, 'confirmed', '2022-05-04T20:00:00Z')],
      LEAD,
      now,
    );
    expect(state.status).toBe('partial');
    expect(state.parties[0]).toEqual({
      partyId: UKRAINE,
      stance: 'confirmed',
      statedAt: at('2022-05-04T20:00:00Z'),
      isInTime: true,
    });
  });

  it('is confirmed when every required party confirmed, and when none is required', () => {
    const both = [
      stance(UKRAINE, 'confirmed', '2022-05-04T20:00:00Z'),
      stance(DNR, 'confirmed', '2022-05-04T21:00:00Z'),
    ];
    expect(windowConfirmationState(thursday, [UKRAINE, DNR], both, LEAD, now).status).toBe('confirmed');
    expect(windowConfirmationState(thursday, [], [], LEAD, now)).toEqual({
      status: 'confirmed',
      deadlineAt: at('2022-05-05T03:00:00Z'),
      parties: [],
    });
  });

  it('is rejected as soon as one required party rejects, even if the other confirmed', () => {
    const stances = [
      stance(UKRAINE, 'confirmed', '2022-05-04T20:00:00Z'),
      stance(DNR, 'rejected', '2022-05-04T21:00:00Z'),
    ];
    expect(windowConfirmationState(thursday, [UKRAINE, DNR], stances, LEAD, now).status).toBe('rejected');
  });

  it('treats a conditional stance as not yet a confirmation', () => {
    const state = windowConfirmationState(
      thursday,
      [UKRAINE],
      [stance(UKRAINE, 'conditional', '2022-05-04T20:00:00Z')],
      LEAD,
      now,
    );
    expect(state.status).toBe('pending');
    expect(state.parties[0].stance).toBe('conditional');
  });

  it('marks a confirmation stated after the deadline as not in time', () => {
    const state = windowConfirmationState(
      thursday,
      [UKRAINE],
      [stance(UKRAINE, 'confirmed', '2022-05-05T03:30:00Z')],
      LEAD,
      now,
    );
    expect(state.status).toBe('confirmed');
    expect(state.parties[0].isInTime).toBe(false);
  });

  it('marks a confirmation stated exactly at the deadline as in time', () => {
    const state = windowConfirmationState(
      thursday,
      [UKRAINE],
      [stance(UKRAINE, 'confirmed', '2022-05-05T03:00:00Z')],
      LEAD,
      now,
    );
    expect(state.parties[0].isInTime).toBe(true);
  });

  it('keeps a confirmation in time when the party repeats it after the deadline', () => {
    const stances = [
      stance(UKRAINE, 'confirmed', '2022-05-05T01:00:00Z'),
      stance(UKRAINE, 'confirmed', '2022-05-05T03:30:00Z'),
    ];
    const state = windowConfirmationState(thursday, [UKRAINE], stances, LEAD, now);
    expect(state.parties[0]).toMatchObject({ statedAt: at('2022-05-05T03:30:00Z'), isInTime: true });
  });

  it('does not count a confirmation in time once the party took it back', () => {
    const stances = [
      stance(UKRAINE, 'confirmed', '2022-05-05T01:00:00Z'),
      stance(UKRAINE, 'rejected', '2022-05-05T03:30:00Z'),
    ];
    const state = windowConfirmationState(thursday, [UKRAINE], stances, LEAD, now);
    expect(state.status).toBe('rejected');
    expect(state.parties[0].isInTime).toBe(false);
  });

  it('ignores stances not yet stated at now', () => {
    const state = windowConfirmationState(
      thursday,
      [UKRAINE],
      [stance(UKRAINE, 'confirmed', '2022-05-05T04:30:00Z')],
      LEAD,
      now,
    );
    expect(state.status).toBe('pending');
  });

  it('ignores stances stated after the window ended: they no longer change what the window was', () => {
    const state = windowConfirmationState(
      thursday,
      [UKRAINE],
      [stance(UKRAINE, 'confirmed', '2022-05-05T15:00:00Z')],
      LEAD,
      at('2022-05-06T00:00:00Z'),
    );
    expect(state.status).toBe('pending');
    expect(state.parties[0].stance).toBeNull();
  });
});

describe('parties that never confirmed a window', () => {
  it('are the required parties with no confirmation stated before the window ended', () => {
    const stances = [
      stance(UKRAINE, 'confirmed', '2022-05-05T14:59:59Z'),
      stance(DNR, 'conditional', '2022-05-04T10:00:00Z'),
      stance(DNR, 'confirmed', '2022-05-05T15:00:00Z'),
    ];
    expect(partiesNeverConfirmed(thursday, [UKRAINE, DNR], stances)).toEqual([DNR]);
  });
});
