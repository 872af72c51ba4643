import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Database, SqlRunner } from '../database/database.js';
import { Table } from '../database/table.js';
import { ImportRowEntity } from './import-row.entity.js';

/** The rows CSV imports stored, by the key of what each said. */
@Injectable()
export class ImportRowRepository {
  private readonly rows: Table<ImportRowEntity>;

  constructor(
    private readonly db: Database,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.rows = new Table(dataSource, ImportRowEntity);
  }

  /** Which of these row keys of a kind were stored before. */
  async storedKeys(kind: string, rowKeys: readonly string[], tx: SqlRunner = this.db): Promise<Set<string>> {
    const found = new Set<string>();
    // Bounded lists: a file's keys may number tens of thousands.
    for (let i = 0; i < rowKeys.length; i += 500) {
      const rows = await tx.all<{ row_key: string }>(
        'SELECT row_key FROM import_row WHERE kind = :kind AND row_key IN (:...keys)',
        { kind, keys: rowKeys.slice(i, i + 500) },
      );
      for (const row of rows) found.add(row.row_key);
    }
    return found;
  }

  async insert(row: ImportRowEntity, tx: SqlRunner): Promise<void> {
    await tx.run(this.rows.insertSql, this.rows.toParams(row));
  }
}
