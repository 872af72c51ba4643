import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Database, SqlRunner } from '../database/database.js';
import { ReferenceTableRepository } from '../shared/reference-table.repository.js';
import { OrganisationEntity } from './organisation.entity.js';

@Injectable()
export class OrganisationRepository extends ReferenceTableRepository<OrganisationEntity> {
  constructor(db: Database, @InjectDataSource() dataSource: DataSource) {
    super(db, dataSource, OrganisationEntity);
  }

  /** Whether there was such an organisation to change. */
  async setLanguage(id: string, language: string, tx: SqlRunner = this.db): Promise<boolean> {
    return (
      (await tx.run('UPDATE organisation SET language = :language WHERE id = :id', { id, language })) > 0
    );
  }

  async findByName(name: string, tx: SqlRunner = this.db): Promise<OrganisationEntity | undefined> {
    const row = await tx.get(`SELECT ${this.table.selectList} FROM organisation WHERE name = :name`, {
      name,
    });
    return row && this.table.hydrate(row);
  }
}
