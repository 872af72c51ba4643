import { assertNotInFuture, parseInstant } from '#cw/domain';

/** An instant as written by the client: with an offset, or local time in the given zone. */
export function readInstant(input: string, field: string, timeZone?: string): Date {
  return parseInstant(input, field, timeZone);
}

/** An instant when something was said or happened: it cannot be later than now. */
export function readPastInstant(input: string, field: string, now: Date, timeZone?: string): Date {
  return assertNotInFuture(parseInstant(input, field, timeZone), now, field);
}
