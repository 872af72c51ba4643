import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Database, SqlRunner } from '../database/database.js';
import { SqlParams } from '../database/named-parameters.js';
import { Table } from '../database/table.js';
import { decodeCursor, Page, toPage } from '../shared/page.js';
import { WebhookEndpointEntity } from './webhook-endpoint.entity.js';

export type WebhookEndpointEditableFields = Partial<
  Pick<
    WebhookEndpointEntity,
    'url' | 'description' | 'events' | 'disabledAt' | 'disabledReason' | 'failingSince'
  >
>;

export interface WebhookEndpointListFilter {
  /** Null: every organisation (admins). */
  organisationId: string | null;
  limit: number;
  cursor?: string;
}

/** Webhook endpoints, and the failure record that disables one. */
@Injectable()
export class WebhookEndpointRepository {
  private readonly table: Table<WebhookEndpointEntity>;

  constructor(
    private readonly db: Database,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.table = new Table(dataSource, WebhookEndpointEntity);
  }

  async insert(endpoint: WebhookEndpointEntity, tx: SqlRunner): Promise<void> {
    await tx.run(this.table.insertSql, this.table.toParams(endpoint));
  }

  async findById(id: string, tx: SqlRunner = this.db): Promise<WebhookEndpointEntity | undefined> {
    const row = await tx.get(`SELECT ${this.table.selectList} FROM webhook_endpoint WHERE id = :id`, { id });
    return row && this.table.hydrate(row);
  }

  async findByIds(ids: readonly string[], tx: SqlRunner = this.db): Promise<WebhookEndpointEntity[]> {
    if (ids.length === 0) return [];
    const rows = await tx.all(`SELECT ${this.table.selectList} FROM webhook_endpoint WHERE id IN (:...ids)`, {
      ids: [...ids],
    });
    return rows.map((row) => this.table.hydrate(row));
  }

  /** Every endpoint that receives events now. Endpoints are few (an organisation has a handful). */
  async findEnabled(tx: SqlRunner = this.db): Promise<WebhookEndpointEntity[]> {
    const rows = await tx.all(
      `SELECT ${this.table.selectList} FROM webhook_endpoint WHERE disabled_at IS NULL ORDER BY created_at, id`,
    );
    return rows.map((row) => this.table.hydrate(row));
  }

  async organisationOf(id: string): Promise<string | undefined> {
    const row = await this.db.get<{ organisation_id: string }>(
      'SELECT organisation_id FROM webhook_endpoint WHERE id = :id',
      { id },
    );
    return row?.organisation_id;
  }

  /** Newest first. */
  async list(filter: WebhookEndpointListFilter): Promise<Page<WebhookEndpointEntity>> {
    const where: string[] = [];
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
      `SELECT ${this.table.selectList} FROM webhook_endpoint ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC, id DESC LIMIT :limit`,
      params,
    );
    return toPage(
      rows.map((row) => this.table.hydrate(row)),
      filter.limit,
      (last) => [last.createdAt.getTime(), last.id],
    );
  }

  async update(id: string, fields: WebhookEndpointEditableFields, at: Date, tx: SqlRunner): Promise<void> {
    const { assignments, params } = this.table.assignmentsOf({ ...fields, updatedAt: at });
    await tx.run(`UPDATE webhook_endpoint SET ${assignments.join(', ')} WHERE id = :id`, { ...params, id });
  }

  async delete(id: string, tx: SqlRunner): Promise<boolean> {
    return (await tx.run('DELETE FROM webhook_endpoint WHERE id = :id', { id })) > 0;
  }

  /** A success ends the run of failures (written only when there was one). */
  async recordSuccess(id: string, tx: SqlRunner = this.db): Promise<void> {
    await tx.run(
      'UPDATE webhook_endpoint SET failing_since = NULL WHERE id = :id AND failing_since IS NOT NULL',
      {
        id,
      },
    );
  }

  /** A failed attempt: starts the run of failures when none is running. */
  async recordFailure(id: string, at: Date, tx: SqlRunner = this.db): Promise<void> {
    await tx.run('UPDATE webhook_endpoint SET failing_since = :at WHERE id = :id AND failing_since IS NULL', {
      id,
      at,
    });
  }

  /**
   * Disables an enabled endpoint, with the e-mail to send about it; `failingSince` (when given) must be reached.
   * Conditional: of two workers deciding it at once, one does. Returns whether this call disabled it.
   */
  async disable(
    id: string,
    change: { at: Date; reason: string; noticeId: string | null; failingBefore?: Date },
    tx: SqlRunner = this.db,
  ): Promise<boolean> {
    const params: SqlParams = {
      id,
      at: change.at,
      reason: change.reason,
      noticeId: change.noticeId,
      failingBefore: change.failingBefore ?? null,
    };
    const condition = change.failingBefore
      ? ' AND failing_since IS NOT NULL AND failing_since <= :failingBefore'
      : '';
    const changed = await tx.run(
      `UPDATE webhook_endpoint SET disabled_at = :at, disabled_reason = :reason, notice_id = :noticeId,
         notice_sent_at = NULL, updated_at = :at
       WHERE id = :id AND disabled_at IS NULL${condition}`,
      params,
    );
    return changed > 0;
  }

  /** Endpoints the worker disabled whose e-mail has not gone yet. */
  async findNoticesDue(limit: number, tx: SqlRunner = this.db): Promise<WebhookEndpointEntity[]> {
    const rows = await tx.all(
      `SELECT ${this.table.selectList} FROM webhook_endpoint
       WHERE notice_id IS NOT NULL AND notice_sent_at IS NULL ORDER BY disabled_at, id LIMIT :limit`,
      { limit },
    );
    return rows.map((row) => this.table.hydrate(row));
  }

  async markNoticeSent(id: string, noticeId: string, at: Date, tx: SqlRunner = this.db): Promise<void> {
    await tx.run(
      'UPDATE webhook_endpoint SET notice_sent_at = :at WHERE id = :id AND notice_id = :noticeId AND notice_sent_at IS NULL',
      { id, noticeId, at },
    );
  }
}
