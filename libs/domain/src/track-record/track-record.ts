import { partiesNeverConfirmed, windowConfirmationState } from '../confirmation/window-confirmation-state.js';
import type { StatedConfirmation } from '../corridor/corridor-status.js';
import type { WindowBounds } from '../schedule/daily-schedule.js';

export interface AnnouncedWindowFacts {
  window: WindowBounds;
  requiredPartyIds: string[];
  confirmations: StatedConfirmation[];
  hasEvacuationReports: boolean;
  isCancelled: boolean;
}

export interface TrackRecord {
  windowsAnnounced: number;
  confirmedInTime: number;
  neverConfirmed: number;
  withEvacuations: number;
  keptRatio: number | null;
}

// "Many previous assurances have fallen through" becomes a number.
// A cancelled window still counts as announced and, once over, as a promise not kept unless people got out;
// like the flag rules, it is not counted as never confirmed.
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
  const keptCount = ended.filter((w) => w.hasEvacuationReports).length;
  return {
    windowsAnnounced: windows.length,
    confirmedInTime,
    neverConfirmed,
    withEvacuations: windows.filter((w) => w.hasEvacuationReports).length,
    // Only ended windows can have been kept or broken.
    keptRatio: ended.length === 0 ? null : keptCount / ended.length,
  };
}
