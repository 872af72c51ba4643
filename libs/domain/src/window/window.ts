import { DomainError, DomainErrorCode } from '../errors/domain-error.js';
import type { WindowBounds } from '../schedule/daily-schedule.js';

export function assertWindowBounds(startsAt: Date, endsAt: Date, field = 'endsAt'): void {
  if (!(endsAt.getTime() > startsAt.getTime())) {
    throw new DomainError(
      DomainErrorCode.WindowEndNotAfterStart,
      'A window must end after it starts.',
      field,
    );
  }
}

/**
 * A window as announced: with its end, or open-ended (`endsAt` null: a ceasefire "from 14:00"). An open-ended
 * window is a promise too, so the rules read it as ending `reviewHours` after its start until its end is announced.
 */
export function announcedWindow(
  startsAt: Date,
  endsAt: Date | null,
  reviewHours: number,
  field = 'endsAt',
): WindowBounds {
  if (endsAt === null) {
    // Hours have one length in every zone: arithmetic, as in the flag rules.
    return { startsAt, endsAt: new Date(startsAt.getTime() + reviewHours * 3_600_000), isOpenEnded: true };
  }
  assertWindowBounds(startsAt, endsAt, field);
  return { startsAt, endsAt, isOpenEnded: false };
}

/** The end a window was announced with; null while an open-ended window has none. */
export function announcedEnd(window: WindowBounds): Date | null {
  return window.isOpenEnded ? null : window.endsAt;
}

/** Until an open-ended window is closed, the end of its review period (the end the rules read); otherwise null. */
export function reviewEnd(window: WindowBounds): Date | null {
  return window.isOpenEnded ? window.endsAt : null;
}

// Windows are half-open: at endsAt the passage is already closed.
export function isInsideWindow(w: WindowBounds, now: Date): boolean {
  return w.startsAt.getTime() <= now.getTime() && now.getTime() < w.endsAt.getTime();
}
