import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Database, SqlRunner } from '../database/database.js';
import { Table } from '../database/table.js';
import { CalendarEventEntity } from './calendar-event.entity.js';
import { CalendarFeedEntity } from './calendar-feed.entity.js';

/** Calendar feeds, and what each window's event last said (for its SEQUENCE). */
@Injectable()
export class CalendarFeedRepository {
  private readonly feeds: Table<CalendarFeedEntity>;
  private readonly events: Table<CalendarEventEntity>;

  constructor(
    private readonly db: Database,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.feeds = new Table(dataSource, CalendarFeedEntity);
    this.events = new Table(dataSource, CalendarEventEntity);
  }

  async insert(feed: CalendarFeedEntity, tx: SqlRunner = this.db): Promise<void> {
    await tx.run(this.feeds.insertSql, this.feeds.toParams(feed));
  }

  /** The feed a token opens: not revoked, and its owner still an enabled user, with the owner's role now. */
  async findReadable(tokenHash: string): Promise<(CalendarFeedEntity & { ownerRole: string }) | undefined> {
    const row = await this.db.get(
      `SELECT ${this.feeds.qualified('f')}, u.role AS owner_role FROM calendar_feed f JOIN app_user u ON u.id = f.user_id
       WHERE f.token_hash = :tokenHash AND f.revoked_at IS NULL AND u.disabled_at IS NULL`,
      { tokenHash },
    );
    return row && { ...this.feeds.hydrate(row), ownerRole: String(row.owner_role) };
  }

  /** A user's feeds not revoked, newest first. */
  async listOwnedBy(userId: string): Promise<CalendarFeedEntity[]> {
    const rows = await this.db.all(
      `SELECT ${this.feeds.selectList} FROM calendar_feed WHERE user_id = :userId AND revoked_at IS NULL
       ORDER BY created_at DESC, id DESC`,
      { userId },
    );
    return rows.map((row) => this.feeds.hydrate(row));
  }

  async findById(id: string): Promise<CalendarFeedEntity | undefined> {
    const row = await this.db.get(`SELECT ${this.feeds.selectList} FROM calendar_feed WHERE id = :id`, {
      id,
    });
    return row && this.feeds.hydrate(row);
  }

  /** False when it was revoked already. */
  async revoke(id: string, at: Date, tx: SqlRunner = this.db): Promise<boolean> {
    const changed = await tx.run(
      'UPDATE calendar_feed SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL',
      { id, at },
    );
    return changed > 0;
  }

  async eventStates(windowIds: readonly string[]): Promise<Map<string, CalendarEventEntity>> {
    if (windowIds.length === 0) return new Map();
    const rows = await this.db.all(
      `SELECT ${this.events.selectList} FROM calendar_event WHERE window_id IN (:...windowIds)`,
      { windowIds },
    );
    return new Map(rows.map((row) => [String(row.window_id), this.events.hydrate(row)]));
  }

  /** The first event state of a window; false when another reader stored one first. */
  async insertEventState(state: CalendarEventEntity): Promise<boolean> {
    const changed = await this.db.run(
      `INSERT INTO calendar_event (window_id, sequence, content_hash, changed_at)
       VALUES (:windowId, :sequence, :contentHash, :changedAt) ON CONFLICT (window_id) DO NOTHING`,
      this.events.toParams(state),
    );
    return changed > 0;
  }

  /** Raises the SEQUENCE of a changed event; false when another reader changed it since `previous` was read. */
  async advanceEventState(previous: CalendarEventEntity, contentHash: string, at: Date): Promise<boolean> {
    const changed = await this.db.run(
      `UPDATE calendar_event SET sequence = sequence + 1, content_hash = :contentHash, changed_at = :at
       WHERE window_id = :windowId AND content_hash = :previousHash`,
      { windowId: previous.windowId, contentHash, at, previousHash: previous.contentHash },
    );
    return changed > 0;
  }
}
