import type { DataSource } from 'typeorm';
import type { Database, SqlRunner } from '../database/database.js';
import type { SqlParams } from '../database/named-parameters.js';
import { Table } from '../database/table.js';
import { decodeCursor, Page, toPage } from './page.js';

/**
 * Storage of a reference table (parties, locations, organisations): named records that others point at, read by
 * id and listed by name. Each table's repository adds what is its own.
 */
export abstract class ReferenceTableRepository<E extends { id: string; name: string }> {
  protected readonly table: Table<E>;

  protected constructor(
    protected readonly db: Database,
    dataSource: DataSource,
    entity: new () => E,
  ) {
    this.table = new Table(dataSource, entity);
  }

  async insert(record: E, tx: SqlRunner = this.db): Promise<void> {
    await tx.run(this.table.insertSql, this.table.toParams(record));
  }

  async findById(id: string, tx: SqlRunner = this.db): Promise<E | undefined> {
    const row = await tx.get(`SELECT ${this.table.selectList} FROM "${this.table.name}" WHERE id = :id`, {
      id,
    });
    return row && this.table.hydrate(row);
  }

  async findByIds(ids: readonly string[], tx: SqlRunner = this.db): Promise<E[]> {
    if (ids.length === 0) return [];
    const rows = await tx.all(
      `SELECT ${this.table.selectList} FROM "${this.table.name}" WHERE id IN (:...ids)`,
      {
        ids,
      },
    );
    return rows.map((row) => this.table.hydrate(row));
  }

  /** By name, then id: a cursor is the last record's name and id. */
  list(limit: number, cursor?: string): Promise<Page<E>> {
    return this.listWhere(limit, cursor);
  }

  /** The list, narrowed by a condition of the table's own (a search). */
  protected async listWhere(
    limit: number,
    cursor?: string,
    where?: { sql: string; params: SqlParams },
  ): Promise<Page<E>> {
    const [name, id] = cursor ? decodeCursor(cursor, 2) : [];
    const conditions = [
      ...(cursor ? ['(name > :name OR (name = :name AND id > :id))'] : []),
      ...(where ? [where.sql] : []),
    ];
    const rows = await this.db.all(
      `SELECT ${this.table.selectList} FROM "${this.table.name}"
       ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY name, id LIMIT :limit`,
      { ...where?.params, name, id, limit: limit + 1 },
    );
    return toPage(
      rows.map((row) => this.table.hydrate(row)),
      limit,
      (last) => [last.name, last.id],
    );
  }
}
