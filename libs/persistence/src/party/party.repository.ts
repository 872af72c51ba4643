import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Database, SqlRunner } from '../database/database.js';
import { ReferenceTableRepository } from '../shared/reference-table.repository.js';
import { PartyEntity } from './party.entity.js';

@Injectable()
export class PartyRepository extends ReferenceTableRepository<PartyEntity> {
  constructor(db: Database, @InjectDataSource() dataSource: DataSource) {
    super(db, dataSource, PartyEntity);
  }

  async findByKind(kind: string, tx: SqlRunner = this.db): Promise<PartyEntity[]> {
    const rows = await tx.all(
      `SELECT ${this.table.selectList} FROM party WHERE kind = :kind ORDER BY name, id`,
      { kind },
    );
    return rows.map((row) => this.table.hydrate(row));
  }
}
