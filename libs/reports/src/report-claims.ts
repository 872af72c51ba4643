import { AppError, AppErrorCode } from '#cw/common';
import { assertValidCount, type Count, type CountQualifier } from '#cw/domain';
import {
  ForeignKeyViolation,
  UniqueViolation,
  type ConfirmationEntity,
  type EvacuationReportEntity,
  type IncidentEntity,
  type RemainingReportEntity,
  type ReportReferences,
  type ReportRepository,
  type SqlRunner,
} from '#cw/persistence';
import { fingerprint } from './fingerprint.js';

/** What entering and correcting a report share: its stored count, its fingerprint and its reference checks. */

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

/** Each kind's claim, by what it says: the same claim twice has the same fingerprint (a unique column). */
export const claimFingerprint = {
  // A reported stance is another claim than the party's own; an own statement keeps the fingerprint it always had.
  confirmation: (
    row: Pick<ConfirmationEntity, 'corridorId' | 'partyId' | 'stance' | 'statedAt' | 'reportedById'>,
  ) =>
    fingerprint(
      'confirmation',
      row.corridorId,
      row.partyId,
      row.stance,
      row.statedAt.getTime(),
      ...(row.reportedById ? [row.reportedById] : []),
    ),
  evacuation: (
    row: Pick<
      EvacuationReportEntity,
      'corridorId' | 'windowId' | 'sourcePartyId' | 'reportedAt' | 'category' | 'qualifier' | 'value' | 'max'
    >,
  ) =>
    fingerprint(
      'evacuation',
      row.corridorId,
      row.windowId,
      row.sourcePartyId,
      row.reportedAt.getTime(),
      row.category,
      row.qualifier,
      row.value,
      row.max,
    ),
  remaining: (
    row: Pick<
      RemainingReportEntity,
      'corridorId' | 'sourcePartyId' | 'reportedAt' | 'qualifier' | 'value' | 'max'
    >,
  ) =>
    fingerprint(
      'remaining',
      row.corridorId,
      row.sourcePartyId,
      row.reportedAt.getTime(),
      row.qualifier,
      row.value,
      row.max,
    ),
  incident: (
    row: Pick<IncidentEntity, 'corridorId' | 'kind' | 'occurredAt' | 'sourcePartyId' | 'description'>,
  ) =>
    fingerprint(
      'incident',
      row.corridorId,
      row.kind,
      row.occurredAt.getTime(),
      row.sourcePartyId,
      row.description,
    ),
};

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
  const what = {
    partyId: 'party',
    reportedById: 'party',
    windowId: 'window of this corridor',
    locationId: 'location',
  }[first as 'partyId'];
  throw AppError.unknownReference(fields[first] ?? first, what, String(refs[first]));
}

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
