import { Injectable } from '@nestjs/common';
import { PUBLIC_VIEWER, type EmbargoState, type EmbargoViewer } from '#cw/domain';
import { Database, SqlRunner } from '../database/database.js';
import type { SqlParams } from '../database/named-parameters.js';
import { chunked } from '../shared/chunked.js';
import { EMBARGOED_TABLES, embargoVisibleSql, type EmbargoedKind } from './embargo-visibility.js';

/** An embargo whose time has come: its instant passed, or its corridor's last window ended. */
export interface DueEmbargo {
  kind: EmbargoedKind;
  recordId: string;
  corridorId: string;
}

/** A record under embargo now, with the organisation that alone (with admins) sees it. */
export interface HeldRecord extends EmbargoState {
  kind: EmbargoedKind;
  id: string;
  corridorId: string;
  organisationId: string;
}

/** A lifted record as its audit entry tells it. */
export interface LiftedRecord {
  organisationId: string;
  embargoedUntil: Date | null;
  embargoUntilWindowsEnd: boolean;
}

const instantOrNull = (value: unknown): Date | null => (value == null ? null : new Date(Number(value)));
const SHARED = embargoVisibleSql('r', PUBLIC_VIEWER, {});

/** The embargoes in force: who they hide records from, which are due, and their lift. */
@Injectable()
export class EmbargoRepository {
  constructor(private readonly db: Database) {}

  /** True when the record exists and is under an embargo that keeps it from this viewer. */
  async isHidden(kind: EmbargoedKind, id: string, viewer: EmbargoViewer): Promise<boolean> {
    if (viewer.seesEverything) return false;
    const params: SqlParams = { id };
    const row = await this.db.get(
      `SELECT 1 AS hidden FROM "${EMBARGOED_TABLES[kind]}" r WHERE r.id = :id AND NOT ${embargoVisibleSql('r', viewer, params)}`,
      params,
    );
    return row !== undefined;
  }

  /**
   * Embargoes due at `now`, oldest first, optionally only on some corridors: one query over embargo_hold, whose
   * size follows the embargoes in force, not the records.
   */
  async findDue(
    now: Date,
    limit: number,
    corridorIds?: readonly string[],
    tx: SqlRunner = this.db,
  ): Promise<DueEmbargo[]> {
    if (corridorIds?.length === 0) return [];
    const rows = await tx.all<{ record_kind: string; record_id: string; corridor_id: string }>(
      `SELECT h.record_kind, h.record_id, h.corridor_id FROM embargo_hold h JOIN corridor c ON c.id = h.corridor_id
       WHERE (h.embargoed_until <= :now OR (h.embargoed_until IS NULL AND c.last_ends_at <= :now))
         ${corridorIds ? 'AND h.corridor_id IN (:...corridorIds)' : ''}
       ORDER BY h.created_at, h.record_id LIMIT :limit`,
      { now, limit, ...(corridorIds ? { corridorIds: [...corridorIds] } : {}) },
    );
    return rows.map((row) => ({
      kind: row.record_kind as EmbargoedKind,
      recordId: row.record_id,
      corridorId: row.corridor_id,
    }));
  }

  /** Every embargo held on a corridor (its own and its claims'), due or not: what an early lift lifts. */
  async findHeldOn(corridorId: string, tx: SqlRunner = this.db): Promise<DueEmbargo[]> {
    const rows = await tx.all<{ record_kind: string; record_id: string; corridor_id: string }>(
      `SELECT h.record_kind, h.record_id, h.corridor_id FROM embargo_hold h WHERE h.corridor_id = :corridorId
       ORDER BY h.created_at, h.record_id`,
      { corridorId },
    );
    return rows.map((row) => ({
      kind: row.record_kind as EmbargoedKind,
      recordId: row.record_id,
      corridorId: row.corridor_id,
    }));
  }

  /**
   * Lifts one record's embargo, once: the record's conditional update decides (a second worker, or a record
   * retracted meanwhile, lifts nothing). Its hold goes either way. Returns the record as lifted, or undefined.
   */
  async lift(kind: EmbargoedKind, id: string, at: Date, tx: SqlRunner): Promise<LiftedRecord | undefined> {
    const rows = await tx.all<Record<string, unknown>>(
      `UPDATE "${EMBARGOED_TABLES[kind]}" SET embargo_lifted_at = :at
       WHERE id = :id AND embargo_lifted_at IS NULL
       RETURNING organisation_id, embargoed_until, embargo_until_windows_end`,
      { id, at },
    );
    await tx.run('DELETE FROM embargo_hold WHERE record_kind = :kind AND record_id = :id', { kind, id });
    const [row] = rows;
    if (!row) return undefined;
    return {
      organisationId: String(row.organisation_id),
      embargoedUntil: instantOrNull(row.embargoed_until),
      embargoUntilWindowsEnd: [true, 1, '1'].includes(row.embargo_until_windows_end as never),
    };
  }

  /** Of these corridors and evacuation reports, those under embargo now (the subjects of webhook events). */
  async findHeld(
    ids: { corridor: readonly string[]; evacuation: readonly string[] },
    tx: SqlRunner = this.db,
  ): Promise<HeldRecord[]> {
    const held: HeldRecord[] = [];
    const read = async (kind: 'corridor' | 'evacuation', wanted: readonly string[]) => {
      const corridorId = kind === 'corridor' ? 'r.id' : 'r.corridor_id';
      for (const part of chunked([...new Set(wanted)], 500)) {
        const rows = await tx.all<Record<string, unknown>>(
          `SELECT r.id, ${corridorId} AS corridor_id, r.organisation_id, r.embargoed_until, r.embargo_until_windows_end,
                  r.embargo_lifted_at
           FROM "${EMBARGOED_TABLES[kind]}" r WHERE r.id IN (:...part) AND NOT ${SHARED}`,
          { part },
        );
        held.push(
          ...rows.map((row) => ({
            kind,
            id: String(row.id),
            corridorId: String(row.corridor_id),
            organisationId: String(row.organisation_id),
            embargoedUntil: instantOrNull(row.embargoed_until),
            embargoUntilWindowsEnd: [true, 1, '1'].includes(row.embargo_until_windows_end as never),
            embargoLiftedAt: instantOrNull(row.embargo_lifted_at),
          })),
        );
      }
    };
    await read('corridor', ids.corridor);
    await read('evacuation', ids.evacuation);
    return held;
  }
}
