import { partiesNeverConfirmed } from '../confirmation/window-confirmation-state.js';
import { latestStances, type StatedConfirmation } from '../corridor/corridor-status.js';
import { statedFigures, type Count } from '../count/count.js';
import type { WindowBounds } from '../schedule/daily-schedule.js';

/** What became of a corridor's promise; `pending` until every window is over. */
export type CorridorPromise = 'pending' | 'kept' | 'unconfirmed' | 'broken' | 'cancelled';
export const CORRIDOR_PROMISES: readonly CorridorPromise[] = [
  'pending',
  'kept',
  'unconfirmed',
  'broken',
  'cancelled',
];

/** A promise once its windows are over (a cancelled one is `cancelled` whatever happened). */
export type SettledPromise = 'kept' | 'unconfirmed' | 'broken';
export const SETTLED_PROMISES: readonly SettledPromise[] = ['kept', 'unconfirmed', 'broken'];

export interface PromiseWindow extends WindowBounds {
  /** The counts of the claims attributed to this window (the flag rules' attribution). */
  claims: readonly Count[];
}

export interface PromiseFacts {
  windows: readonly PromiseWindow[];
  requiredPartyIds: readonly string[];
  confirmations: readonly StatedConfirmation[];
}

// The latest instant a Date holds: the end of a corridor that has no window yet.
const END_OF_TIME = new Date(8.64e15);

/** A claim says someone moved when a figure it states is above zero: a reported 0 is nobody. */
export function statesSomeoneMoved(count: Count): boolean {
  return Math.max(...statedFigures(count)) > 0;
}

/**
 * What the stances make of a promise whose windows end at `endsAt`, were people reported moved: broken when a
 * required party's stance at the end is a rejection, unconfirmed when a required party stated no confirmation
 * before the end, kept otherwise. A stance reported by another party counts as the party's own.
 */
export function stancePromise(
  endsAt: Date | null,
  requiredPartyIds: readonly string[],
  confirmations: readonly StatedConfirmation[],
): SettledPromise {
  const end = endsAt ?? END_OF_TIME;
  // What was said once the windows were over no longer changes what the promise was.
  const atEnd = latestStances(confirmations.filter((c) => c.statedAt.getTime() < end.getTime()));
  if (requiredPartyIds.some((partyId) => atEnd.get(partyId)?.stance === 'rejected')) return 'broken';
  const never = partiesNeverConfirmed(
    { startsAt: end, endsAt: end },
    [...requiredPartyIds],
    [...confirmations],
  );
  return never.length > 0 ? 'unconfirmed' : 'kept';
}

/**
 * The promise once its windows are over: broken when a required party rejected it or nobody is reported to have
 * moved through its windows; unconfirmed when people moved but a required party never confirmed; else kept.
 */
export function settledPromise(facts: PromiseFacts): SettledPromise {
  const byStances = stancePromise(lastEnd(facts.windows), facts.requiredPartyIds, facts.confirmations);
  const hasPeopleMoved = facts.windows.some((w) => w.claims.some(statesSomeoneMoved));
  return byStances === 'broken' || !hasPeopleMoved ? 'broken' : byStances;
}

/** The promise now: cancelled, pending while a window is not over (or none is known), else what it settled to. */
export function derivePromise(
  facts: { isCancelled: boolean; windows: readonly WindowBounds[]; settled: SettledPromise },
  now: Date,
): CorridorPromise {
  if (facts.isCancelled) return 'cancelled';
  const end = lastEnd(facts.windows);
  return end !== null && end.getTime() <= now.getTime() ? facts.settled : 'pending';
}

/** The same rule for one window of a corridor: what the track record counts. */
export function windowPromise(
  facts: {
    window: PromiseWindow;
    isCancelled: boolean;
    requiredPartyIds: readonly string[];
    confirmations: readonly StatedConfirmation[];
  },
  now: Date,
): CorridorPromise {
  const windows = [facts.window];
  const settled = settledPromise({ ...facts, windows });
  return derivePromise({ isCancelled: facts.isCancelled, windows, settled }, now);
}

/** The end of the last window; null when there is none. */
export function lastEnd(windows: readonly WindowBounds[]): Date | null {
  if (windows.length === 0) return null;
  return new Date(Math.max(...windows.map((w) => w.endsAt.getTime())));
}
