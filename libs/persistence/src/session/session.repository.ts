import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Database } from '../database/database.js';
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

  async insert(session: SessionEntity): Promise<void> {
    await this.db.run(this.table.insertSql, this.table.toParams(session));
  }

  async findLiveByHash(tokenHash: string, now: Date): Promise<SessionEntity | undefined> {
    const row = await this.db.get(
      `SELECT ${this.table.selectList} FROM user_session WHERE token_hash = :tokenHash AND revoked_at IS NULL AND expires_at > :now`,
      { tokenHash, now },
    );
    return row && this.table.hydrate(row);
  }

  async revoke(id: string, at: Date): Promise<void> {
    await this.db.run('UPDATE user_session SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL', {
      id,
      at,
    });
  }
}
