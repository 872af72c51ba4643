import {
  latestStances,
  type ConfirmationStance,
  type StatedConfirmation,
} from '../corridor/corridor-status.js';
import type { WindowBounds } from '../schedule/daily-schedule.js';

export type WindowConfirmationStatus = 'confirmed' | 'pending' | 'partial' | 'rejected';

export interface PartyConfirmationState {
  partyId: string;
  stance: ConfirmationStance | null;
  statedAt: Date | null;
  isInTime: boolean;
}

export interface WindowConfirmationState {
  status: WindowConfirmationStatus;
  deadlineAt: Date;
  parties: PartyConfirmationState[];
}

// Minutes have one length in every zone: arithmetic, as Luxon's minus({ minutes }), without its cost per window.
export function confirmationDeadline(window: WindowBounds, leadMinutes: number): Date {
  return new Date(window.startsAt.getTime() - leadMinutes * 60_000);
}

export function windowConfirmationState(
  window: WindowBounds,
  requiredPartyIds: string[],
  confirmations: StatedConfirmation[],
  leadMinutes: number,
  now: Date,
): WindowConfirmationState {
  const deadlineAt = confirmationDeadline(window, leadMinutes);
  // Once the window is over, what was said afterwards no longer changes what it was.
  const heard = confirmations.filter(
    (c) => c.statedAt.getTime() <= now.getTime() && c.statedAt.getTime() < window.endsAt.getTime(),
  );
  const current = latestStances(heard);
  const atDeadline = latestStances(heard, deadlineAt);

  const parties = requiredPartyIds.map((partyId): PartyConfirmationState => {
    const latest = current.get(partyId);
    return {
      partyId,
      stance: latest?.stance ?? null,
      statedAt: latest?.statedAt ?? null,
      // Confirmed by the deadline and not taken back since: repeating a confirmation later does not make it late.
      isInTime: latest?.stance === 'confirmed' && atDeadline.get(partyId)?.stance === 'confirmed',
    };
  });

  const confirmedCount = parties.filter((p) => p.stance === 'confirmed').length;
  const status: WindowConfirmationStatus = parties.some((p) => p.stance === 'rejected')
    ? 'rejected'
    : confirmedCount === parties.length
      ? 'confirmed'
      : confirmedCount > 0
        ? 'partial'
        : 'pending';
  return { status, deadlineAt, parties };
}

// Required parties that stated no 'confirmed' stance at all before the window ended: the promise was not kept.
export function partiesNeverConfirmed(
  window: WindowBounds,
  requiredPartyIds: string[],
  confirmations: StatedConfirmation[],
): string[] {
  return requiredPartyIds.filter(
    (partyId) =>
      !confirmations.some(
        (c) =>
          c.partyId === partyId && c.stance === 'confirmed' && c.statedAt.getTime() < window.endsAt.getTime(),
      ),
  );
}
