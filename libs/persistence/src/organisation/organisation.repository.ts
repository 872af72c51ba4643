import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Database, SqlRunner } from '../database/database.js';
import { Table } from '../database/table.js';
import { decodeCursor, Page, toPage } from '../shared/page.js';
import { OrganisationEntity } from './organisation.entity.js';

@Injectable()
export class OrganisationRepository {
  private readonly table: Table<OrganisationEntity>;

  constructor(
    private readonly db: Database,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.table = new Table(dataSource, OrganisationEntity);
  }

  async insert(organisation: OrganisationEntity, tx: SqlRunner = this.db): Promise<void> {
    await tx.run(this.table.insertSql, this.table.toParams(organisation));
  }

  async findByName(name: string, tx: SqlRunner = this.db): Promise<OrganisationEntity | undefined> {
    const row = await tx.get(`SELECT ${this.table.selectList} FROM organisation WHERE name = :name`, {
      name,
    });
    return row && this.table.hydrate(row);
  }

  async findById(id: string, tx: SqlRunner = this.db): Promise<OrganisationEntity | undefined> {
    const row = await tx.get(`SELECT ${this.table.selectList} FROM organisation WHERE id = :id`, { id });
    return row && this.table.hydrate(row);
  }

  async list(limit: number, cursor?: string): Promise<Page<OrganisationEntity>> {
    const [name, id] = cursor ? decodeCursor(cursor, 2) : [];
    const rows = await this.db.all(
      `SELECT ${this.table.selectList} FROM organisation
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
