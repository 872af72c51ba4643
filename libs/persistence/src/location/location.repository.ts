import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Database, SqlRunner } from '../database/database.js';
import { Table } from '../database/table.js';
import { decodeCursor, Page, toPage } from '../shared/page.js';
import { LocationEntity } from './location.entity.js';

@Injectable()
export class LocationRepository {
  private readonly table: Table<LocationEntity>;

  constructor(
    private readonly db: Database,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.table = new Table(dataSource, LocationEntity);
  }

  async insert(location: LocationEntity, tx: SqlRunner = this.db): Promise<void> {
    await tx.run(this.table.insertSql, this.table.toParams(location));
  }

  async findById(id: string, tx: SqlRunner = this.db): Promise<LocationEntity | undefined> {
    const row = await tx.get(`SELECT ${this.table.selectList} FROM location WHERE id = :id`, { id });
    return row && this.table.hydrate(row);
  }

  async findByIds(ids: readonly string[], tx: SqlRunner = this.db): Promise<LocationEntity[]> {
    if (ids.length === 0) return [];
    const rows = await tx.all(`SELECT ${this.table.selectList} FROM location WHERE id IN (:...ids)`, { ids });
    return rows.map((row) => this.table.hydrate(row));
  }

  async list(limit: number, cursor?: string): Promise<Page<LocationEntity>> {
    const [name, id] = cursor ? decodeCursor(cursor, 2) : [];
    const rows = await this.db.all(
      `SELECT ${this.table.selectList} FROM location
       ${cursor ? 'WHERE (name > :name OR (name = :name AND id > :id))' : ''}
       ORDER BY name, id LIMIT :limit`,
      { name, id, limit: limit + 1 },
    );
    return toPage(
      rows.map((row) => this.table.hydrate(row)),
      limit,
      (last) => [last.name, last.id],
    );
  }
}
