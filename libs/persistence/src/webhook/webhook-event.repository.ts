import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Database, SqlRunner } from '../database/database.js';
import { SqlParams } from '../database/named-parameters.js';
import { Table } from '../database/table.js';
import { chunked } from '../shared/chunked.js';
import { WebhookEventEntity } from './webhook-event.entity.js';

/** A flag event's window and corridor, as its webhook names them. */
export interface FlagEventWindow {
  windowId: string;
  startsAt: Date;
  endsAt: Date;
  corridorName: string;
}

/** Events waiting to be fanned out to the endpoints, and those already fanned out, until they are purged. */
@Injectable()
export class WebhookEventRepository {
  private readonly table: Table<WebhookEventEntity>;

  constructor(
    private readonly db: Database,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.table = new Table(dataSource, WebhookEventEntity);
  }

  /** An event whose source made one already is not written again (the unique source key). */
  async insertMany(events: readonly WebhookEventEntity[], tx: SqlRunner): Promise<number> {
    let inserted = 0;
    const columns = this.table.columns;
    for (const part of chunked(events, 50)) {
      const params: SqlParams = {};
      const values = part.map((event, i) => {
        const row = this.table.toParams(event);
        for (const c of columns) params[`${c.property}${i}`] = row[c.property];
        return `(${columns.map((c) => `:${c.property}${i}`).join(', ')})`;
      });
      inserted += await tx.run(
        `INSERT INTO webhook_event (${this.table.selectList}) VALUES ${values.join(', ')} ON CONFLICT DO NOTHING`,
        params,
      );
    }
    return inserted;
  }

  /** The windows flag events name, with their corridor's name. */
  async flagEventWindows(windowIds: readonly string[], tx: SqlRunner): Promise<Map<string, FlagEventWindow>> {
    const windows = new Map<string, FlagEventWindow>();
    for (const part of chunked([...new Set(windowIds)], 500)) {
      const rows = await tx.all<Record<string, unknown>>(
        `SELECT w.id, w.starts_at, w.ends_at, c.name FROM corridor_window w JOIN corridor c ON c.id = w.corridor_id
         WHERE w.id IN (:...part)`,
        { part },
      );
      for (const row of rows) {
        windows.set(String(row.id), {
          windowId: String(row.id),
          startsAt: new Date(Number(row.starts_at)),
          endsAt: new Date(Number(row.ends_at)),
          corridorName: String(row.name),
        });
      }
    }
    return windows;
  }

  /** The oldest events not yet fanned out. */
  async findPending(limit: number, tx: SqlRunner = this.db): Promise<WebhookEventEntity[]> {
    const rows = await tx.all(
      `SELECT ${this.table.selectList} FROM webhook_event WHERE fanned_out_at IS NULL
       ORDER BY occurred_at, id LIMIT :limit`,
      { limit },
    );
    return rows.map((row) => this.table.hydrate(row));
  }

  async findById(id: string, tx: SqlRunner = this.db): Promise<WebhookEventEntity | undefined> {
    const row = await tx.get(`SELECT ${this.table.selectList} FROM webhook_event WHERE id = :id`, { id });
    return row && this.table.hydrate(row);
  }

  /**
   * Fanned out to the organisation that may see its subject alone: it waits (out of the purge) for the lift of
   * the record named by `heldBy`.
   */
  async markHeld(events: readonly { id: string; heldBy: string }[], at: Date, tx: SqlRunner): Promise<void> {
    for (const event of events) {
      await tx.run(
        'UPDATE webhook_event SET fanned_out_at = :at, held_by = :heldBy WHERE id = :id AND fanned_out_at IS NULL',
        { at, heldBy: event.heldBy, id: event.id },
      );
    }
  }

  /** At a record's lift: the events it held go back to be fanned out, as themselves (the same webhook-id). */
  async release(heldBy: string, tx: SqlRunner): Promise<number> {
    return tx.run('UPDATE webhook_event SET fanned_out_at = NULL, held_by = NULL WHERE held_by = :heldBy', {
      heldBy,
    });
  }

  async markFannedOut(ids: readonly string[], at: Date, tx: SqlRunner): Promise<void> {
    for (const part of chunked(ids, 500)) {
      await tx.run(
        'UPDATE webhook_event SET fanned_out_at = :at WHERE id IN (:...part) AND fanned_out_at IS NULL',
        {
          at,
          part,
        },
      );
    }
  }

  /**
   * Events fanned out before the cutoff go, and their delivery log with them (the pending index's range); an event
   * still held by an embargo stays until its lift sends it on.
   */
  async purgeBefore(cutoff: Date, tx: SqlRunner = this.db): Promise<number> {
    return tx.run('DELETE FROM webhook_event WHERE fanned_out_at < :cutoff AND held_by IS NULL', { cutoff });
  }
}
