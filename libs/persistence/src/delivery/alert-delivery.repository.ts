import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Database, SqlRunner } from '../database/database.js';
import { SqlParams } from '../database/named-parameters.js';
import { Table } from '../database/table.js';
import { chunked } from '../shared/chunked.js';
import { decodeCursor, Page, toPage } from '../shared/page.js';
import { AlertDeliveryEntity } from './alert-delivery.entity.js';

export interface AlertDeliveryListFilter {
  status?: string;
  subscriptionId?: string;
  /** Null: every organisation (admins). */
  organisationId: string | null;
  limit: number;
  cursor?: string;
}

// Waiting for its time, or taken by a worker whose lease ran out (it died while sending).
const DUE = `((status = 'pending' AND next_attempt_at <= :now) OR (status = 'sending' AND lease_until <= :now))`;

/** The e-mails to send, one row each, written before sending; and the immediate alerts' read position. */
@Injectable()
export class AlertDeliveryRepository {
  private readonly table: Table<AlertDeliveryEntity>;

  constructor(
    private readonly db: Database,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.table = new Table(dataSource, AlertDeliveryEntity);
  }

  /** The unique keys (subscription and flag, subscription and digest day) decide what is new. */
  async insertMany(deliveries: readonly AlertDeliveryEntity[], tx: SqlRunner): Promise<number> {
    let inserted = 0;
    const columns = this.table.columns;
    for (const part of chunked(deliveries, 50)) {
      const params: SqlParams = {};
      const values = part.map((delivery, i) => {
        const row = this.table.toParams(delivery);
        for (const c of columns) params[`${c.property}${i}`] = row[c.property];
        return `(${columns.map((c) => `:${c.property}${i}`).join(', ')})`;
      });
      inserted += await tx.run(
        `INSERT INTO alert_delivery (${this.table.selectList}) VALUES ${values.join(', ')} ON CONFLICT DO NOTHING`,
        params,
      );
    }
    return inserted;
  }

  /**
   * Takes up to `limit` due e-mails for this worker until `leaseUntil`, counting the attempt. One conditional
   * statement: two workers never take the same row, and a row whose sender died is taken again after its lease.
   */
  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<AlertDeliveryEntity[]> {
    const rows = await this.db.all(
      `UPDATE alert_delivery SET status = 'sending', lease_until = :leaseUntil, attempts = attempts + 1
       WHERE id IN (SELECT id FROM alert_delivery WHERE ${DUE} ORDER BY next_attempt_at, id LIMIT :limit)
         AND ${DUE}
       RETURNING ${this.table.selectList}`,
      { now, leaseUntil, limit },
    );
    return rows
      .map((row) => this.table.hydrate(row))
      .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.id.localeCompare(b.id));
  }

  /** The outcome of one attempt; only the attempt that holds the row may record it. */
  async finish(
    delivery: Pick<AlertDeliveryEntity, 'id' | 'attempts'>,
    outcome:
      | { status: 'sent'; at: Date }
      | { status: 'pending'; nextAttemptAt: Date; error: string }
      | { status: 'failed' | 'cancelled'; error: string | null },
  ): Promise<boolean> {
    const params: SqlParams = { id: delivery.id, attempts: delivery.attempts };
    let assignment: string;
    if (outcome.status === 'sent') {
      assignment = "status = 'sent', sent_at = :at, lease_until = NULL";
      params.at = outcome.at;
    } else if (outcome.status === 'pending') {
      assignment =
        "status = 'pending', next_attempt_at = :nextAttemptAt, last_error = :error, lease_until = NULL";
      Object.assign(params, { nextAttemptAt: outcome.nextAttemptAt, error: outcome.error });
    } else {
      assignment = 'status = :status, last_error = :error, lease_until = NULL';
      Object.assign(params, { status: outcome.status, error: outcome.error });
    }
    const changed = await this.db.run(
      `UPDATE alert_delivery SET ${assignment} WHERE id = :id AND status = 'sending' AND attempts = :attempts`,
      params,
    );
    return changed > 0;
  }

  /** Newest first, for admins: what was sent, what waits, what failed and why. */
  async list(filter: AlertDeliveryListFilter): Promise<Page<AlertDeliveryEntity>> {
    const where: string[] = [];
    const params: SqlParams = { limit: filter.limit + 1 };
    if (filter.status) {
      where.push('d.status = :status');
      params.status = filter.status;
    }
    if (filter.subscriptionId) {
      where.push('d.subscription_id = :subscriptionId');
      params.subscriptionId = filter.subscriptionId;
    }
    if (filter.organisationId) {
      where.push('s.organisation_id = :organisationId');
      params.organisationId = filter.organisationId;
    }
    if (filter.cursor) {
      const [createdAt, id] = decodeCursor(filter.cursor, 2);
      where.push('(d.created_at < :cursorAt OR (d.created_at = :cursorAt AND d.id < :cursorId))');
      Object.assign(params, { cursorAt: Number(createdAt), cursorId: String(id) });
    }
    const rows = await this.db.all(
      `SELECT ${this.table.qualified('d')} FROM alert_delivery d JOIN subscription s ON s.id = d.subscription_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY d.created_at DESC, d.id DESC LIMIT :limit`,
      params,
    );
    return toPage(
      rows.map((row) => this.table.hydrate(row)),
      filter.limit,
      (last) => [last.createdAt.getTime(), last.id],
    );
  }

  async countByStatus(tx: SqlRunner = this.db): Promise<Record<string, number>> {
    const rows = await tx.all<{ status: string; n: number | string }>(
      'SELECT status, COUNT(*) AS n FROM alert_delivery GROUP BY status',
    );
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
  }
}
