import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Database, SqlRunner } from '../database/database.js';
import { SqlParams } from '../database/named-parameters.js';
import { Table } from '../database/table.js';
import { chunked } from '../shared/chunked.js';
import { decodeCursor, Page, toPage } from '../shared/page.js';
import { WebhookDeliveryEntity } from './webhook-delivery.entity.js';

/** A delivery as the log shows it: with its event's type and time. */
export interface WebhookDeliveryLogRow extends WebhookDeliveryEntity {
  eventType: string;
  eventOccurredAt: Date;
}

/** What one attempt ended in. */
export type WebhookAttemptOutcome = {
  statusCode: number | null;
  latencyMs: number | null;
  error: string | null;
  responseExcerpt: string | null;
} & ({ status: 'delivered'; at: Date } | { status: 'retrying'; nextAttemptAt: Date } | { status: 'failed' });

// Waiting for its attempt, or taken by a worker whose lease ran out (it died while sending).
const DUE = `((status IN ('pending', 'retrying') AND next_attempt_at <= :now) OR (status = 'sending' AND lease_until <= :now))`;
const CLAIMABLE = `(status IN ('pending', 'retrying') OR (status = 'sending' AND lease_until <= :now))`;

/** One row per endpoint and event, written before sending; every attempt updates it. */
@Injectable()
export class WebhookDeliveryRepository {
  private readonly table: Table<WebhookDeliveryEntity>;

  constructor(
    private readonly db: Database,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.table = new Table(dataSource, WebhookDeliveryEntity);
  }

  /** The unique key (endpoint, event) decides what is new; returns the rows written. */
  async insertMany(
    deliveries: readonly WebhookDeliveryEntity[],
    tx: SqlRunner,
  ): Promise<Pick<WebhookDeliveryEntity, 'id' | 'round'>[]> {
    const inserted: Pick<WebhookDeliveryEntity, 'id' | 'round'>[] = [];
    const columns = this.table.columns;
    for (const part of chunked(deliveries, 50)) {
      const params: SqlParams = {};
      const values = part.map((delivery, i) => {
        const row = this.table.toParams(delivery);
        for (const c of columns) params[`${c.property}${i}`] = row[c.property];
        return `(${columns.map((c) => `:${c.property}${i}`).join(', ')})`;
      });
      const rows = await tx.all<{ id: string; round: number | string }>(
        `INSERT INTO webhook_delivery (${this.table.selectList}) VALUES ${values.join(', ')}
         ON CONFLICT DO NOTHING RETURNING id, round`,
        params,
      );
      inserted.push(...rows.map((row) => ({ id: row.id, round: Number(row.round) })));
    }
    return inserted;
  }

  /**
   * Takes the delivery for one attempt of this round until `leaseUntil`, counting it. One conditional statement:
   * two workers never send it at once, a delivered one is never sent again, and an earlier round's job finds nothing.
   */
  async claim(
    id: string,
    round: number,
    now: Date,
    leaseUntil: Date,
    tx: SqlRunner = this.db,
  ): Promise<WebhookDeliveryEntity | undefined> {
    const row = await tx.get(
      `UPDATE webhook_delivery SET status = 'sending', lease_until = :leaseUntil, attempts = attempts + 1,
         last_attempt_at = :now
       WHERE id = :id AND round = :round AND ${CLAIMABLE}
       RETURNING ${this.table.selectList}`,
      { id, round, now, leaseUntil },
    );
    return row && this.table.hydrate(row);
  }

  /** The outcome of one attempt; only the attempt that holds the row may record it. */
  async finish(
    delivery: Pick<WebhookDeliveryEntity, 'id' | 'attempts' | 'round'>,
    outcome: WebhookAttemptOutcome,
    tx: SqlRunner = this.db,
  ): Promise<boolean> {
    const params: SqlParams = {
      id: delivery.id,
      attempts: delivery.attempts,
      round: delivery.round,
      status: outcome.status,
      statusCode: outcome.statusCode,
      latencyMs: outcome.latencyMs,
      error: outcome.error,
      excerpt: outcome.responseExcerpt,
      nextAttemptAt: outcome.status === 'retrying' ? outcome.nextAttemptAt : null,
      deliveredAt: outcome.status === 'delivered' ? outcome.at : null,
    };
    const changed = await tx.run(
      `UPDATE webhook_delivery SET status = :status, lease_until = NULL, last_status_code = :statusCode,
         last_latency_ms = :latencyMs, last_error = :error, response_excerpt = :excerpt,
         next_attempt_at = :nextAttemptAt, delivered_at = :deliveredAt
       WHERE id = :id AND status = 'sending' AND attempts = :attempts AND round = :round`,
      params,
    );
    return changed > 0;
  }

  /** Deliveries whose attempt is due or whose sender died: their job may have been lost with Redis. */
  async findDue(
    now: Date,
    limit: number,
    tx: SqlRunner = this.db,
  ): Promise<Pick<WebhookDeliveryEntity, 'id' | 'round'>[]> {
    const rows = await tx.all<{ id: string; round: number | string }>(
      `SELECT id, round FROM webhook_delivery WHERE ${DUE} ORDER BY next_attempt_at, id LIMIT :limit`,
      { now, limit },
    );
    return rows.map((row) => ({ id: row.id, round: Number(row.round) }));
  }

  async findById(id: string, tx: SqlRunner = this.db): Promise<WebhookDeliveryEntity | undefined> {
    const row = await tx.get(`SELECT ${this.table.selectList} FROM webhook_delivery WHERE id = :id`, { id });
    return row && this.table.hydrate(row);
  }

  /**
   * Sends it again as a new round: due now, attempts counted afresh, the last answer kept until the next one.
   * Refused (undefined) while an attempt is on its way.
   */
  async replay(
    id: string,
    endpointId: string,
    now: Date,
    tx: SqlRunner,
  ): Promise<WebhookDeliveryEntity | undefined> {
    const row = await tx.get(
      `UPDATE webhook_delivery SET status = 'pending', attempts = 0, round = round + 1, next_attempt_at = :now,
         lease_until = NULL, delivered_at = NULL
       WHERE id = :id AND endpoint_id = :endpointId AND NOT (status = 'sending' AND lease_until > :now)
       RETURNING ${this.table.selectList}`,
      { id, endpointId, now },
    );
    return row && this.table.hydrate(row);
  }

  /** An endpoint's log, newest first, with each event's type. */
  async list(endpointId: string, limit: number, cursor?: string): Promise<Page<WebhookDeliveryLogRow>> {
    const where = ['d.endpoint_id = :endpointId'];
    const params: SqlParams = { endpointId, limit: limit + 1 };
    if (cursor) {
      const [createdAt, id] = decodeCursor(cursor, 2);
      where.push('(d.created_at < :cursorAt OR (d.created_at = :cursorAt AND d.id < :cursorId))');
      Object.assign(params, { cursorAt: Number(createdAt), cursorId: String(id) });
    }
    return toPage(await this.logRows(where, params), limit, (last) => [last.createdAt.getTime(), last.id]);
  }

  async findLogRow(id: string): Promise<WebhookDeliveryLogRow | undefined> {
    return (await this.logRows(['d.id = :id'], { id, limit: 1 }))[0];
  }

  private async logRows(where: string[], params: SqlParams): Promise<WebhookDeliveryLogRow[]> {
    const rows = await this.db.all(
      `SELECT ${this.table.qualified('d')}, e.type AS event_type, e.occurred_at AS event_occurred_at
       FROM webhook_delivery d JOIN webhook_event e ON e.id = d.event_id
       WHERE ${where.join(' AND ')} ORDER BY d.created_at DESC, d.id DESC LIMIT :limit`,
      params,
    );
    return rows.map((row) => ({
      ...this.table.hydrate(row),
      eventType: String(row.event_type),
      eventOccurredAt: new Date(Number(row.event_occurred_at)),
    }));
  }

  async countByStatus(tx: SqlRunner = this.db): Promise<Record<string, number>> {
    const rows = await tx.all<{ status: string; n: number | string }>(
      'SELECT status, COUNT(*) AS n FROM webhook_delivery GROUP BY status',
    );
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
  }
}
