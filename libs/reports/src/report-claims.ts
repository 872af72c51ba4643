import { AppError, AppErrorCode } from '#cw/common';
import { assertValidCount, type Count, type CountQualifier } from '#cw/domain';
import {
  ForeignKeyViolation,
  UniqueViolation,
  type ReportReferences,
  type ReportRepository,
  type SqlRunner,
} from '#cw/persistence';

export { fingerprint } from './fingerprint.js';

/** What entering and correcting a report share: its stored count and its reference checks. */

/** The records a report names, with the request field that names each (for the 422 that names the field). */
export interface NamedReferences {
  refs: ReportReferences;
  fields: Partial<Record<keyof ReportReferences, string>>;
}

/** A count as stored: validated against the precision model, `max` kept for a range only. */
export function countColumns(
  count: Count,
  field = 'count',
): { qualifier: CountQualifier; value: number; max: number | null } {
  assertValidCount(count, field);
  return {
    qualifier: count.qualifier,
    value: count.value,
    max: count.qualifier === 'range' ? (count.max ?? null) : null,
  };
}

/** Checks that everything a report names exists, in one query; in its transaction when given one. */
export async function assertReferencesExist(
  reports: ReportRepository,
  { refs, fields }: NamedReferences,
  tx?: SqlRunner,
): Promise<void> {
  const missing = await reports.missingReferences(refs, tx);
  if (missing.includes('corridorId')) throw AppError.notFound('corridor', refs.corridorId);
  const [first] = missing;
  if (!first) return;
  throw AppError.unknownReference(fields[first] ?? first, REFERENCE_NAMES[first], String(refs[first]));
}

/** What each reference names, as a refusal says it ("No location has the id …"). */
const REFERENCE_NAMES: Record<keyof ReportReferences, string> = {
  corridorId: 'corridor',
  partyId: 'party',
  reportedById: 'party',
  windowId: 'window of this corridor',
  locationId: 'location',
  placeId: 'location',
};

/**
 * The driver's refusal of a report's write, as the answer that says why. What the report names is checked by
 * the foreign keys of its write, not by a query of its own first: a reference to nothing is rare, so only then
 * does one query (outside the rolled-back write) find which record is missing.
 */
export async function explainRefusedClaim(
  error: unknown,
  reports: ReportRepository,
  named: NamedReferences,
): Promise<never> {
  if (error instanceof ForeignKeyViolation) {
    // Nothing missing (a reference the request does not name, or a record created meanwhile) leaves the
    // driver's refusal, a 422 too.
    await assertReferencesExist(reports, named);
  }
  if (error instanceof UniqueViolation && error.constraint.includes('fingerprint')) {
    throw new AppError(
      AppErrorCode.DuplicateReport,
      'This report was recorded already: same corridor, source, time and figures. Nothing was changed.',
    );
  }
  throw error;
}
