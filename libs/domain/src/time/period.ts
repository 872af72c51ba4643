import { DomainError, DomainErrorCode } from '../errors/domain-error.js';
import { parseInstant } from './instant.js';

/** The longest period a summary covers: a month of windows, flags and reports stays one bounded read. */
export const MAX_PERIOD_DAYS = 31;
const DAY_MS = 86_400_000;

/** A half-open instant range `[from, to)` that a dashboard or summary looks at. */
export interface Period {
  from: Date;
  to: Date;
}

/**
 * The period a reader asked for, from two instants as written (with an offset, or local times read in `timeZone`,
 * so "4 May 00:00 to 6 May 00:00 in Europe/Kyiv" is two days whatever the offset that week).
 */
export function readPeriod(from: string, to: string, timeZone?: string): Period {
  const period = { from: parseInstant(from, 'from', timeZone), to: parseInstant(to, 'to', timeZone) };
  if (period.to.getTime() <= period.from.getTime()) {
    throw new DomainError(DomainErrorCode.InvalidPeriod, '`to` must be after `from`.', 'to');
  }
  if (period.to.getTime() - period.from.getTime() > MAX_PERIOD_DAYS * DAY_MS) {
    throw new DomainError(
      DomainErrorCode.InvalidPeriod,
      `A period covers at most ${MAX_PERIOD_DAYS} days.`,
      'to',
    );
  }
  return period;
}
