import { AppError, AppErrorCode } from '#cw/common';
import { parseInstant } from '#cw/domain';

// Clocks of field phones drift; a statement a few minutes "in the future" is still a statement of now.
const CLOCK_SKEW_MS = 5 * 60_000;

/** An instant as written by the client: with an offset, or local time in the given zone. */
export function readInstant(input: string, field: string, timeZone?: string): Date {
  return parseInstant(input, field, timeZone);
}

/** An instant when something was said or happened: it cannot be later than now. */
export function readPastInstant(input: string, field: string, now: Date, timeZone?: string): Date {
  const at = parseInstant(input, field, timeZone);
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new AppError(
      AppErrorCode.TimeInFuture,
      `${field} is in the future; a report states what already happened.`,
      field,
    );
  }
  return at;
}
