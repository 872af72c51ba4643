import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Database, SqlRunner } from '../database/database.js';
import { SqlParams } from '../database/named-parameters.js';
import { Table } from '../database/table.js';
import { decodeCursor, Page, toPage } from '../shared/page.js';
import { SubscriptionEntity } from './subscription.entity.js';

export interface SubscriptionListFilter {
  /** Null: every organisation (admins). */
  organisationId: string | null;
  limit: number;
  cursor?: string;
}

/** Subscriptions, and the reads the alert jobs page through. */
@Injectable()
export class SubscriptionRepository {
  private readonly table: Table<SubscriptionEntity>;

  constructor(
    private readonly db: Database,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.table = new Table(dataSource, SubscriptionEntity);
  }

  async insert(subscription: SubscriptionEntity, tx: SqlRunner = this.db): Promise<void> {
    await tx.run(this.table.insertSql, this.table.toParams(subscription));
  }

  async findById(id: string, tx: SqlRunner = this.db): Promise<SubscriptionEntity | undefined> {
    const row = await tx.get(`SELECT ${this.table.selectList} FROM subscription WHERE id = :id`, { id });
    return row ? this.table.hydrate(row) : undefined;
  }

  async organisationOf(id: string): Promise<string | undefined> {
    const row = await this.db.get<{ organisation_id: string }>(
      'SELECT organisation_id FROM subscription WHERE id = :id',
      { id },
    );
    return row?.organisation_id;
  }

  async findByIds(ids: readonly string[], tx: SqlRunner = this.db): Promise<SubscriptionEntity[]> {
    if (ids.length === 0) return [];
    const rows = await tx.all(`SELECT ${this.table.selectList} FROM subscription WHERE id IN (:...ids)`, {
      ids,
    });
    return rows.map((row) => this.table.hydrate(row));
  }

  /** Active subscriptions, newest first. */
  async list(filter: SubscriptionListFilter): Promise<Page<SubscriptionEntity>> {
    const where = ['ended_at IS NULL'];
    const params: SqlParams = { limit: filter.limit + 1 };
    if (filter.organisationId) {
      where.push('organisation_id = :organisationId');
      params.organisationId = filter.organisationId;
    }
    if (filter.cursor) {
      const [createdAt, id] = decodeCursor(filter.cursor, 2);
      where.push('(created_at < :cursorAt OR (created_at = :cursorAt AND id < :cursorId))');
      Object.assign(params, { cursorAt: Number(createdAt), cursorId: String(id) });
    }
    const rows = await this.db.all(
      `SELECT ${this.table.selectList} FROM subscription WHERE ${where.join(' AND ')}
       ORDER BY created_at DESC, id DESC LIMIT :limit`,
      params,
    );
    return toPage(
      rows.map((row) => this.table.hydrate(row)),
      filter.limit,
      (last) => [last.createdAt.getTime(), last.id],
    );
  }

  /** Conditional: ending twice keeps the first end. Returns whether this call ended it. */
  async end(id: string, reason: string, at: Date, tx: SqlRunner = this.db): Promise<boolean> {
    const changed = await tx.run(
      'UPDATE subscription SET ended_at = :at, end_reason = :reason, next_digest_at = NULL WHERE id = :id AND ended_at IS NULL',
      { id, reason, at },
    );
    return changed > 0;
  }

  /** One page of the active immediate subscriptions, by id (keyset): fan-out never loads them all. */
  async pageImmediate(
    afterId: string,
    limit: number,
    tx: SqlRunner = this.db,
  ): Promise<SubscriptionEntity[]> {
    const rows = await tx.all(
      `SELECT ${this.table.selectList} FROM subscription
       WHERE mode = 'immediate' AND ended_at IS NULL AND id > :afterId ORDER BY id LIMIT :limit`,
      { afterId, limit },
    );
    return rows.map((row) => this.table.hydrate(row));
  }

  /** Daily subscriptions whose digest is due, oldest first, bounded. */
  async findDueDigests(now: Date, limit: number, tx: SqlRunner = this.db): Promise<SubscriptionEntity[]> {
    const rows = await tx.all(
      `SELECT ${this.table.selectList} FROM subscription
       WHERE next_digest_at <= :now AND ended_at IS NULL ORDER BY next_digest_at, id LIMIT :limit`,
      { now, limit },
    );
    return rows.map((row) => this.table.hydrate(row));
  }

  /** Moves the digest on, only from the instant the caller read: a second worker's move changes nothing. */
  async advanceDigest(
    id: string,
    expectedNextDigestAt: Date,
    coveredTo: Date,
    nextDigestAt: Date,
    tx: SqlRunner,
  ): Promise<boolean> {
    const changed = await tx.run(
      `UPDATE subscription SET next_digest_at = :nextDigestAt, last_digest_at = :coveredTo
       WHERE id = :id AND next_digest_at = :expectedNextDigestAt`,
      { id, expectedNextDigestAt, coveredTo, nextDigestAt },
    );
    return changed > 0;
  }
}
