import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Database, SqlRunner } from '../database/database.js';
import { Table } from '../database/table.js';
import { IdempotencyRecordEntity } from './idempotency-record.entity.js';

@Injectable()
export class IdempotencyRepository {
  private readonly table: Table<IdempotencyRecordEntity>;

  constructor(
    private readonly db: Database,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.table = new Table(dataSource, IdempotencyRecordEntity);
  }

  async find(
    principalId: string,
    idempotencyKey: string,
    tx: SqlRunner = this.db,
  ): Promise<IdempotencyRecordEntity | undefined> {
    const row = await tx.get(
      `SELECT ${this.table.selectList} FROM idempotency_record WHERE principal_id = :principalId AND idempotency_key = :idempotencyKey`,
      { principalId, idempotencyKey },
    );
    return row && this.table.hydrate(row);
  }

  /** Written in the transaction of the create it answers, so the two stand or fall together. */
  async insert(record: IdempotencyRecordEntity, tx: SqlRunner): Promise<void> {
    await tx.run(this.table.insertSql, this.table.toParams(record));
  }

  /** Deletes up to `limit` records created before `cutoff`; returns how many went. */
  async purgeCreatedBefore(cutoff: Date, limit: number): Promise<number> {
    return this.db.run(
      `DELETE FROM idempotency_record WHERE (principal_id, idempotency_key) IN (
         SELECT principal_id, idempotency_key FROM idempotency_record WHERE created_at < :cutoff LIMIT :limit)`,
      { cutoff, limit },
    );
  }
}
