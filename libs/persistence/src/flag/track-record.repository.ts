import { Injectable } from '@nestjs/common';
import { PUBLIC_VIEWER } from '#cw/domain';
import { Database, SqlRunner } from '../database/database.js';
import { embargoVisibleSql } from '../embargo/embargo-visibility.js';

/** One window a party announced, with what the track record counts about it. */
export interface AnnouncedWindowRow {
  windowId: string;
  corridorId: string;
  startsAt: Date;
  endsAt: Date;
  isCancelled: boolean;
}

export interface AnnouncedWindowsFacts {
  windows: AnnouncedWindowRow[];
  requiredPartyIds: Map<string, string[]>;
  confirmations: Map<
    string,
    { partyId: string; stance: string; statedAt: Date; reportedById: string | null }[]
  >;
  /** Evacuation reports per corridor: the window they name (or null), when, and the figure they state. */
  evacuations: Map<string, AnnouncedEvacuationRow[]>;
}

export interface AnnouncedEvacuationRow {
  windowId: string | null;
  sourcePartyId: string;
  reportedAt: Date;
  qualifier: string;
  value: number;
  max: number | null;
}

const instant = (value: unknown): Date => new Date(Number(value));
/** A track record is one figure for everyone: corridors and claims under embargo count from their lift. */
const SHARED = (alias: string) => embargoVisibleSql(alias, PUBLIC_VIEWER, {});

/** The facts of a party's track record: four queries whatever the number of its corridors. */
@Injectable()
export class TrackRecordRepository {
  constructor(private readonly db: Database) {}

  async announcedBy(partyId: string, tx: SqlRunner = this.db): Promise<AnnouncedWindowsFacts> {
    const windows = await tx.all<{
      id: string;
      corridor_id: string;
      starts_at: unknown;
      ends_at: unknown;
      cancelled_at: unknown;
    }>(
      `SELECT w.id, w.corridor_id, w.starts_at, w.ends_at, c.cancelled_at
       FROM corridor c JOIN corridor_window w ON w.corridor_id = c.id
       WHERE c.announced_by_id = :partyId AND ${SHARED('c')} ORDER BY w.starts_at, w.id`,
      { partyId },
    );
    const ofParty = `SELECT c.id FROM corridor c WHERE c.announced_by_id = :partyId AND ${SHARED('c')}`;
    const required = await tx.all<{ corridor_id: string; party_id: string }>(
      `SELECT corridor_id, party_id FROM corridor_required_party WHERE corridor_id IN (${ofParty})`,
      { partyId },
    );
    const confirmations = await tx.all<{
      corridor_id: string;
      party_id: string;
      stance: string;
      stated_at: unknown;
      reported_by_id: string | null;
    }>(
      `SELECT t.corridor_id, t.party_id, t.stance, t.stated_at, t.reported_by_id FROM confirmation t
       WHERE t.corridor_id IN (${ofParty}) AND ${SHARED('t')}`,
      { partyId },
    );
    const evacuations = await tx.all<{
      corridor_id: string;
      window_id: string | null;
      source_party_id: string;
      reported_at: unknown;
      qualifier: string;
      value: number | string;
      max: number | string | null;
    }>(
      `SELECT t.corridor_id, t.window_id, t.source_party_id, t.reported_at, t.qualifier, t.value, t.max
       FROM evacuation_report t WHERE t.corridor_id IN (${ofParty}) AND ${SHARED('t')}`,
      { partyId },
    );
    return {
      windows: windows.map((row) => ({
        windowId: row.id,
        corridorId: row.corridor_id,
        startsAt: instant(row.starts_at),
        endsAt: instant(row.ends_at),
        isCancelled: row.cancelled_at != null,
      })),
      requiredPartyIds: groupBy(required, (row) => row.party_id),
      confirmations: groupBy(confirmations, (row) => ({
        partyId: row.party_id,
        stance: row.stance,
        statedAt: instant(row.stated_at),
        reportedById: row.reported_by_id ?? null,
      })),
      evacuations: groupBy(evacuations, (row) => ({
        windowId: row.window_id ?? null,
        sourcePartyId: row.source_party_id,
        reportedAt: instant(row.reported_at),
        qualifier: row.qualifier,
        value: Number(row.value),
        max: row.max == null ? null : Number(row.max),
      })),
    };
  }
}

function groupBy<R extends { corridor_id: string }, T>(rows: R[], map: (row: R) => T): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(row.corridor_id) ?? [];
    list.push(map(row));
    groups.set(row.corridor_id, list);
  }
  return groups;
}
