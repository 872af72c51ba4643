import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Database, SqlRunner } from '../database/database.js';
import { Table } from '../database/table.js';
import { SessionEntity } from './session.entity.js';

@Injectable()
export class SessionRepository {
  private readonly table: Table<SessionEntity>;

  constructor(
    private readonly db: Database,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.table = new Table(dataSource, SessionEntity);
  }

  async insert(session: SessionEntity, tx: SqlRunner = this.db): Promise<void> {
    await tx.run(this.table.insertSql, this.table.toParams(session));
  }

  /** A session neither revoked, nor past its absolute expiry, nor idle since `idleSince`. */
  async findLiveByHash(tokenHash: string, now: Date, idleSince: Date): Promise<SessionEntity | undefined> {
    const row = await this.db.get(
      `SELECT ${this.table.selectList} FROM user_session
       WHERE token_hash = :tokenHash AND revoked_at IS NULL AND expires_at > :now AND last_seen_at > :idleSince`,
      { tokenHash, now, idleSince },
    );
    return row && this.table.hydrate(row);
  }

  async findByHash(tokenHash: string, tx: SqlRunner = this.db): Promise<SessionEntity | undefined> {
    const row = await tx.get(
      `SELECT ${this.table.selectList} FROM user_session WHERE token_hash = :tokenHash`,
      {
        tokenHash,
      },
    );
    return row && this.table.hydrate(row);
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.db.run('UPDATE user_session SET last_seen_at = :at WHERE id = :id AND revoked_at IS NULL', {
      id,
      at,
    });
  }

  async revoke(id: string, at: Date, tx: SqlRunner = this.db): Promise<boolean> {
    const changed = await tx.run(
      'UPDATE user_session SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL',
      { id, at },
    );
    return changed > 0;
  }

  /** Ends every session of a user; returns how many were live. */
  async revokeAllOfUser(userId: string, at: Date, tx: SqlRunner = this.db): Promise<number> {
    return tx.run('UPDATE user_session SET revoked_at = :at WHERE user_id = :userId AND revoked_at IS NULL', {
      userId,
      at,
    });
  }
}
