import { DomainError, DomainErrorCode } from '../errors/domain-error.js';
import { parseInstant } from '../time/instant.js';

/** An embargo as a request asks for it: until an instant, or until the corridor's windows have ended. */
export interface EmbargoRequest {
  until?: string;
  untilWindowsEnd?: boolean;
}

/** An embargo as a record keeps it: `until` null and `untilWindowsEnd` false is no embargo. */
export interface EmbargoState {
  embargoedUntil: Date | null;
  embargoUntilWindowsEnd: boolean;
  embargoLiftedAt: Date | null;
}

/** Who is looking: an organisation's member, an admin (sees everything), or nobody in particular (public). */
export interface EmbargoViewer {
  organisationId: string | null;
  seesEverything: boolean;
}

/** What every organisation may see: the figures, statuses and flags all organisations share are computed as this. */
export const PUBLIC_VIEWER: EmbargoViewer = Object.freeze({ organisationId: null, seesEverything: false });

export const NO_EMBARGO: EmbargoState = Object.freeze({
  embargoedUntil: null,
  embargoUntilWindowsEnd: false,
  embargoLiftedAt: null,
});

/**
 * The embargo a request sets, read against `now`: exactly one of `until` (an instant to come) and
 * `untilWindowsEnd: true`. Every refusal names the field `embargo` (or `embargo.until`).
 */
export function readEmbargo(
  request: EmbargoRequest | undefined | null,
  now: Date,
  timeZone?: string,
): EmbargoState {
  if (request == null) return NO_EMBARGO;
  const hasUntil = request.until !== undefined && request.until !== null;
  const isUntilWindowsEnd = request.untilWindowsEnd === true;
  if (hasUntil === isUntilWindowsEnd) {
    throw new DomainError(
      DomainErrorCode.InvalidEmbargo,
      hasUntil
        ? 'An embargo lifts at an instant or when the windows end, not both: send { until } or { untilWindowsEnd: true }.'
        : 'An embargo needs { until: <instant> } or { untilWindowsEnd: true }.',
      'embargo',
    );
  }
  if (isUntilWindowsEnd) return { ...NO_EMBARGO, embargoUntilWindowsEnd: true };
  const until = parseInstant(String(request.until), 'embargo.until', timeZone);
  if (until.getTime() <= now.getTime()) {
    throw new DomainError(
      DomainErrorCode.InvalidEmbargo,
      'embargo.until has passed: an embargo holds a record back until a time still to come.',
      'embargo.until',
    );
  }
  return { ...NO_EMBARGO, embargoedUntil: until };
}

/** Held back now: it has an embargo that has not been lifted. */
export function isUnderEmbargo(record: EmbargoState): boolean {
  return record.embargoLiftedAt === null && (record.embargoedUntil !== null || record.embargoUntilWindowsEnd);
}

/**
 * The one visibility rule: a record under embargo is seen by its own organisation and by admins only; any other
 * record by everyone. persistence's `embargoVisibleSql` is this rule in SQL (embargo-visibility-sql.spec).
 */
export function isVisibleTo(
  record: EmbargoState & { organisationId: string },
  viewer: EmbargoViewer,
): boolean {
  return viewer.seesEverything || !isUnderEmbargo(record) || record.organisationId === viewer.organisationId;
}

/**
 * When an embargo lifts: its instant, or the end of the corridor's last window (null while the corridor has no
 * window, so nothing ends). The job lifts it at the first sweep after that.
 */
export function embargoLiftsAt(record: EmbargoState, corridorLastEndsAt: Date | null): Date | null {
  if (record.embargoedUntil) return record.embargoedUntil;
  return record.embargoUntilWindowsEnd ? corridorLastEndsAt : null;
}
