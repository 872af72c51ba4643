import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Database, SqlRunner } from '../database/database.js';
import { SqlParams } from '../database/named-parameters.js';
import { Table } from '../database/table.js';
import { decodeCursor, Page, toPage } from '../shared/page.js';
import { AuditEntryEntity } from './audit-entry.entity.js';

export type NewAuditEntry = Omit<AuditEntryEntity, 'seq'>;

export interface AuditFilter {
  actorId?: string;
  entity?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  limit: number;
  cursor?: string;
}

/** The audit trail: appended to inside the transaction of each write, never updated nor deleted. */
@Injectable()
export class AuditRepository {
  private readonly table: Table<AuditEntryEntity>;
  private readonly insertSql: string;

  constructor(
    private readonly db: Database,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.table = new Table(dataSource, AuditEntryEntity);
    // seq is the database's own counter: the order entries were committed in.
    const columns = this.table.columns.filter((c) => c.property !== 'seq');
    this.insertSql = `INSERT INTO audit_entry (${columns.map((c) => `"${c.column}"`).join(', ')})
      VALUES (${columns.map((c) => `:${c.property}`).join(', ')})`;
  }

  async insert(entry: NewAuditEntry, tx: SqlRunner = this.db): Promise<void> {
    const params = this.table.toParams(entry as AuditEntryEntity);
    delete params.seq;
    await tx.run(this.insertSql, params);
  }

  /** Newest first; the cursor is the last seq seen. */
  async list(filter: AuditFilter): Promise<Page<AuditEntryEntity>> {
    const where: string[] = [];
    const params: SqlParams = { limit: filter.limit + 1 };
    if (filter.cursor) {
      where.push('seq < :cursorSeq');
      params.cursorSeq = Number(decodeCursor(filter.cursor, 1)[0]);
    }
    if (filter.actorId) {
      where.push('actor_user_id = :actorId');
      params.actorId = filter.actorId;
    }
    if (filter.entity) {
      where.push('entity = :entity');
      params.entity = filter.entity;
    }
    if (filter.entityId) {
      where.push('entity_id = :entityId');
      params.entityId = filter.entityId;
    }
    if (filter.from) {
      where.push('at >= :from');
      params.from = filter.from;
    }
    if (filter.to) {
      where.push('at < :to');
      params.to = filter.to;
    }
    const rows = await this.db.all(
      `SELECT ${this.table.selectList} FROM audit_entry ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY seq DESC LIMIT :limit`,
      params,
    );
    return toPage(
      rows.map((row) => this.hydrate(row)),
      filter.limit,
      (last) => [last.seq],
    );
  }

  /** What was done to a corridor and its records, oldest first, for its timeline. */
  async findDoneForCorridor(corridorId: string, tx: SqlRunner = this.db): Promise<AuditEntryEntity[]> {
    const rows = await tx.all(
      `SELECT ${this.table.selectList} FROM audit_entry WHERE corridor_id = :corridorId AND outcome = 'done' ORDER BY seq`,
      { corridorId },
    );
    return rows.map((row) => this.hydrate(row));
  }

  /** The latest entry of an action done to a record: a retried retraction answers with the first one. */
  async findLastDone(
    entity: string,
    entityId: string,
    action: string,
  ): Promise<AuditEntryEntity | undefined> {
    const row = await this.db.get(
      `SELECT ${this.table.selectList} FROM audit_entry
       WHERE entity = :entity AND entity_id = :entityId AND action = :action AND outcome = 'done'
       ORDER BY seq DESC LIMIT 1`,
      { entity, entityId, action },
    );
    return row && this.hydrate(row);
  }

  private hydrate(row: Record<string, unknown>): AuditEntryEntity {
    const entry = this.table.hydrate(row);
    entry.seq = Number(entry.seq);
    return entry;
  }
}
