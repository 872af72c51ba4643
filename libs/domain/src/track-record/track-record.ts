import { partiesNeverConfirmed, windowConfirmationState } from '../confirmation/window-confirmation-state.js';
import type { StatedConfirmation } from '../corridor/corridor-status.js';
import type { Count } from '../count/count.js';
import { windowPromise } from '../promise/promise.js';
import type { WindowBounds } from '../schedule/daily-schedule.js';

export interface AnnouncedWindowFacts {
  window: WindowBounds;
  requiredPartyIds: string[];
  confirmations: StatedConfirmation[];
  hasEvacuationReports: boolean;
  /** The counts of the claims attributed to the window (the flag rules' attribution). */
  claims: Count[];
  isCancelled: boolean;
}

export interface TrackRecord {
  windowsAnnounced: number;
  confirmedInTime: number;
  neverConfirmed: number;
  withEvacuations: number;
  /** Every window announced, open-ended ones included: each is a promise. */
  promises: number;
  kept: number;
  unconfirmed: number;
  broken: number;
  pending: number;
  /** kept / (kept + unconfirmed + broken); null while none has settled. */
  keptRatio: number | null;
}

// "Many previous assurances have fallen through" becomes a number.
// A cancelled window counts as announced and as a promise, in no outcome; like the flag rules, it is not counted
// as never confirmed.
export function partyTrackRecord(
  windows: AnnouncedWindowFacts[],
  leadMinutes: number,
  now: Date,
): TrackRecord {
  const ended = windows.filter((w) => w.window.endsAt.getTime() <= now.getTime());
  const confirmedInTime = windows.filter((w) =>
    windowConfirmationState(w.window, w.requiredPartyIds, w.confirmations, leadMinutes, now).parties.every(
      (p) => p.isInTime,
    ),
  ).length;
  const neverConfirmed = ended.filter(
    (w) => !w.isCancelled && partiesNeverConfirmed(w.window, w.requiredPartyIds, w.confirmations).length > 0,
  ).length;
  const outcomes = { kept: 0, unconfirmed: 0, broken: 0, pending: 0, cancelled: 0 };
  for (const w of windows)
    outcomes[windowPromise({ ...w, window: { ...w.window, claims: w.claims } }, now)]++;
  const settled = outcomes.kept + outcomes.unconfirmed + outcomes.broken;
  return {
    windowsAnnounced: windows.length,
    confirmedInTime,
    neverConfirmed,
    withEvacuations: windows.filter((w) => w.hasEvacuationReports).length,
    promises: windows.length,
    kept: outcomes.kept,
    unconfirmed: outcomes.unconfirmed,
    broken: outcomes.broken,
    pending: outcomes.pending,
    keptRatio: settled === 0 ? null : outcomes.kept / settled,
  };
}
