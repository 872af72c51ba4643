import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CORRIDOR_PROMISE_SQL, CORRIDOR_STATUS_SQL } from '../corridor/corridor.repository.js';
import { Database, SqlRunner } from '../database/database.js';
import { Table } from '../database/table.js';
import { chunked } from '../shared/chunked.js';
import { WebhookCorridorStateEntity } from './webhook-corridor-state.entity.js';

/** What a corridor derives now, as its webhooks compare it with what they last announced. */
export interface CorridorReading {
  corridorId: string;
  name: string;
  status: string;
  /** pending, kept, unconfirmed, broken or cancelled (CORRIDOR_PROMISE_SQL). */
  promise: string;
  /** The next instant time alone may change the status: the next window start or end still ahead. */
  nextCheckAt: Date | null;
}

// The next window start or end after now: when a corridor opens, closes, or its windows are over.
const NEXT_CHECK_SQL = `(SELECT MIN(CASE WHEN w.starts_at > :now THEN w.starts_at ELSE w.ends_at END)
  FROM corridor_window w WHERE w.corridor_id = c.id AND w.ends_at > :now)`;

/** Corridors' derived status and promise, and what their webhooks last announced of them. */
@Injectable()
export class WebhookCorridorStateRepository {
  private readonly table: Table<WebhookCorridorStateEntity>;

  constructor(
    private readonly db: Database,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.table = new Table(dataSource, WebhookCorridorStateEntity);
  }

  /** Each corridor's status and promise now (the list's status rule), with its next instant to look again. */
  async read(corridorIds: readonly string[], now: Date, tx: SqlRunner): Promise<CorridorReading[]> {
    const readings: CorridorReading[] = [];
    for (const part of chunked([...new Set(corridorIds)], 500)) {
      const rows = await tx.all<Record<string, unknown>>(
        `SELECT c.id, c.name, ${CORRIDOR_STATUS_SQL} AS status, ${CORRIDOR_PROMISE_SQL} AS promise,
                ${NEXT_CHECK_SQL} AS next_check_at
         FROM corridor c WHERE c.id IN (:...part)`,
        { part, now },
      );
      for (const row of rows) {
        readings.push({
          corridorId: String(row.id),
          name: String(row.name),
          status: String(row.status),
          promise: String(row.promise),
          nextCheckAt: row.next_check_at == null ? null : new Date(Number(row.next_check_at)),
        });
      }
    }
    return readings;
  }

  async findStates(
    corridorIds: readonly string[],
    tx: SqlRunner,
  ): Promise<Map<string, WebhookCorridorStateEntity>> {
    const states = new Map<string, WebhookCorridorStateEntity>();
    for (const part of chunked([...new Set(corridorIds)], 500)) {
      const rows = await tx.all(
        `SELECT ${this.table.selectList} FROM webhook_corridor_state WHERE corridor_id IN (:...part)`,
        { part },
      );
      for (const row of rows) {
        const state = this.table.hydrate(row);
        states.set(state.corridorId, state);
      }
    }
    return states;
  }

  /** Corridors whose next window start or end has come. */
  async findDue(now: Date, limit: number, tx: SqlRunner): Promise<string[]> {
    const rows = await tx.all<{ corridor_id: string }>(
      `SELECT corridor_id FROM webhook_corridor_state WHERE next_check_at <= :now
       ORDER BY next_check_at, corridor_id LIMIT :limit`,
      { now, limit },
    );
    return rows.map((row) => row.corridor_id);
  }

  /** Writes what was announced (or taken silently). Callers hold the follower's cursor lock. */
  async save(state: WebhookCorridorStateEntity, tx: SqlRunner): Promise<void> {
    await tx.run(
      `INSERT INTO webhook_corridor_state (corridor_id, status, promise, next_check_at)
       VALUES (:corridorId, :status, :promise, :nextCheckAt)
       ON CONFLICT (corridor_id) DO UPDATE SET status = excluded.status, promise = excluded.promise,
         next_check_at = excluded.next_check_at`,
      this.table.toParams(state),
    );
  }
}
