import { Injectable } from '@nestjs/common';
import type { EmbargoViewer } from '#cw/domain';
import { Database } from '../database/database.js';
import type { SqlParams } from '../database/named-parameters.js';
import { embargoVisibleSql } from '../embargo/embargo-visibility.js';

/** A record an import row names, found by its name or id. */
export interface NamedRecord {
  id: string;
  name: string;
  /** The organisation that recorded it (corridors: who may add windows). */
  organisationId: string;
}

export interface WindowStart {
  id: string;
  corridorId: string;
  startsAt: Date;
}

const NAMED_TABLES = { party: 'party', location: 'location', corridor: 'corridor' } as const;
export type NamedTable = keyof typeof NAMED_TABLES;
const CHUNK = 500;

/** Corridors may be under embargo; parties and places never are. */
function visibleTo(table: NamedTable, viewer: EmbargoViewer, params: SqlParams): string {
  return table === 'corridor' ? ` AND ${embargoVisibleSql('t', viewer, params)}` : '';
}

/** How CSV imports find the parties, places, corridors and windows their rows name. */
@Injectable()
export class ImportLookupRepository {
  constructor(private readonly db: Database) {}

  /**
   * Records whose name is one of these, compared without case (a name may match several records); a corridor
   * under embargo is found only by those who may see it.
   */
  async named(table: NamedTable, names: readonly string[], viewer: EmbargoViewer): Promise<NamedRecord[]> {
    return this.inChunks(names, (chunk) => {
      const params: SqlParams = { chunk: chunk.map((name) => name.toLowerCase()) };
      return this.db.all<Record<string, unknown>>(
        `SELECT t.id, t.name, t.organisation_id FROM "${NAMED_TABLES[table]}" t
         WHERE LOWER(t.name) IN (:...chunk)${visibleTo(table, viewer, params)}`,
        params,
      );
    });
  }

  async byIds(table: NamedTable, ids: readonly string[], viewer: EmbargoViewer): Promise<NamedRecord[]> {
    return this.inChunks(ids, (chunk) => {
      const params: SqlParams = { chunk };
      return this.db.all<Record<string, unknown>>(
        `SELECT t.id, t.name, t.organisation_id FROM "${NAMED_TABLES[table]}" t
         WHERE t.id IN (:...chunk)${visibleTo(table, viewer, params)}`,
        params,
      );
    });
  }

  async windowsOf(corridorIds: readonly string[]): Promise<WindowStart[]> {
    const rows: WindowStart[] = [];
    for (let i = 0; i < corridorIds.length; i += CHUNK) {
      const found = await this.db.all<Record<string, unknown>>(
        'SELECT id, corridor_id, starts_at FROM corridor_window WHERE corridor_id IN (:...chunk) ORDER BY starts_at',
        { chunk: corridorIds.slice(i, i + CHUNK) },
      );
      rows.push(
        ...found.map((row) => ({
          id: String(row.id),
          corridorId: String(row.corridor_id),
          startsAt: new Date(Number(row.starts_at)),
        })),
      );
    }
    return rows;
  }

  private async inChunks(
    values: readonly string[],
    query: (chunk: string[]) => Promise<Record<string, unknown>[]>,
  ): Promise<NamedRecord[]> {
    const records: NamedRecord[] = [];
    for (let i = 0; i < values.length; i += CHUNK) {
      const rows = await query(values.slice(i, i + CHUNK));
      records.push(
        ...rows.map((row) => ({
          id: String(row.id),
          name: String(row.name),
          organisationId: String(row.organisation_id),
        })),
      );
    }
    return records;
  }
}
