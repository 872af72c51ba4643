import { isUnderEmbargo, type EmbargoState, type EmbargoViewer } from '#cw/domain';
import type { SqlRunner } from '../database/database.js';
import type { SqlParams } from '../database/named-parameters.js';

/**
 * libs/domain's `isVisibleTo` in SQL, on the row aliased `alias` (a corridor or a claim): every read that can
 * meet a record under embargo adds this, and nothing else decides (embargo-visibility-sql.spec pins the two).
 * Binds `:embargoViewer` in `params` when the viewer belongs to an organisation.
 */
export function embargoVisibleSql(alias: string, viewer: EmbargoViewer, params: SqlParams): string {
  if (viewer.seesEverything) return '1 = 1';
  const notHeld = `(${alias}.embargo_lifted_at IS NOT NULL OR (${alias}.embargoed_until IS NULL AND NOT ${alias}.embargo_until_windows_end))`;
  if (viewer.organisationId === null) return notHeld;
  params.embargoViewer = viewer.organisationId;
  return `(${notHeld} OR ${alias}.organisation_id = :embargoViewer)`;
}

/** The record kinds an embargo can hold back, as `embargo_hold.record_kind` and the audit name them. */
export type EmbargoedKind = 'corridor' | 'confirmation' | 'evacuation' | 'remaining' | 'incident';

export const EMBARGOED_TABLES: Record<EmbargoedKind, string> = {
  corridor: 'corridor',
  confirmation: 'confirmation',
  evacuation: 'evacuation_report',
  remaining: 'remaining_report',
  incident: 'incident',
};

/**
 * Written with a record under embargo, in its insert's transaction: the lift job's list of what to lift. A record
 * without an embargo writes nothing here.
 */
export async function holdIfEmbargoed(
  kind: EmbargoedKind,
  row: EmbargoState & { id: string; corridorId: string; createdAt: Date },
  tx: SqlRunner,
): Promise<void> {
  if (!isUnderEmbargo(row)) return;
  await tx.run(
    `INSERT INTO embargo_hold (record_kind, record_id, corridor_id, embargoed_until, created_at)
     VALUES (:kind, :id, :corridorId, :until, :createdAt)`,
    { kind, id: row.id, corridorId: row.corridorId, until: row.embargoedUntil, createdAt: row.createdAt },
  );
}
