import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';

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

/** How CSV imports find the parties, places, corridors and windows their rows name. */
@Injectable()
export class ImportLookupRepository {
  constructor(private readonly db: Database) {}

  /** Records whose name is one of these, compared without case (a name may match several records). */
  async named(table: NamedTable, names: readonly string[]): Promise<NamedRecord[]> {
    return this.inChunks(names, (chunk) =>
      this.db.all<Record<string, unknown>>(
        `SELECT id, name, organisation_id FROM "${NAMED_TABLES[table]}" WHERE LOWER(name) IN (:...chunk)`,
        { chunk: chunk.map((name) => name.toLowerCase()) },
      ),
    );
  }

  async byIds(table: NamedTable, ids: readonly string[]): Promise<NamedRecord[]> {
    return this.inChunks(ids, (chunk) =>
      this.db.all<Record<string, unknown>>(
        `SELECT id, name, organisation_id FROM "${NAMED_TABLES[table]}" WHERE id IN (:...chunk)`,
        { chunk },
      ),
    );
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
