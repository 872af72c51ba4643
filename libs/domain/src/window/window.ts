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

// Windows are half-open: at endsAt the passage is already closed.
export function isInsideWindow(w: WindowBounds, now: Date): boolean {
  return w.startsAt.getTime() <= now.getTime() && now.getTime() < w.endsAt.getTime();
}
