import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Database, SqlRunner } from '../database/database.js';
import { SqlParams } from '../database/named-parameters.js';
import { Table } from '../database/table.js';
import { decodeCursor, Page, toPage } from '../shared/page.js';
import { UserEntity } from './user.entity.js';

export type UserEditableFields = Partial<Pick<UserEntity, 'role' | 'displayName' | 'disabledAt'>>;

@Injectable()
export class UserRepository {
  private readonly table: Table<UserEntity>;

  constructor(
    private readonly db: Database,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.table = new Table(dataSource, UserEntity);
  }

  async insert(user: UserEntity, tx: SqlRunner = this.db): Promise<void> {
    await tx.run(this.table.insertSql, this.table.toParams(user));
  }

  async count(tx: SqlRunner = this.db): Promise<number> {
    const row = await tx.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM app_user');
    return Number(row?.n ?? 0);
  }

  async findByEmail(email: string, tx: SqlRunner = this.db): Promise<UserEntity | undefined> {
    const row = await tx.get(`SELECT ${this.table.selectList} FROM app_user WHERE email = :email`, {
      email: email.toLowerCase(),
    });
    return row && this.table.hydrate(row);
  }

  async findById(id: string, tx: SqlRunner = this.db): Promise<UserEntity | undefined> {
    const row = await tx.get(`SELECT ${this.table.selectList} FROM app_user WHERE id = :id`, { id });
    return row && this.table.hydrate(row);
  }

  /** The user a still valid invitation names. */
  async findByInvite(
    inviteTokenHash: string,
    now: Date,
    tx: SqlRunner = this.db,
  ): Promise<UserEntity | undefined> {
    const row = await tx.get(
      `SELECT ${this.table.selectList} FROM app_user
       WHERE invite_token_hash = :inviteTokenHash AND invite_expires_at > :now AND disabled_at IS NULL`,
      { inviteTokenHash, now },
    );
    return row && this.table.hydrate(row);
  }

  async organisationOf(id: string): Promise<string | undefined> {
    const row = await this.db.get<{ organisation_id: string }>(
      'SELECT organisation_id FROM app_user WHERE id = :id',
      { id },
    );
    return row?.organisation_id;
  }

  /** By e-mail address; one organisation's users when `organisationId` is given. */
  /** The e-mail addresses of an organisation's active users with one of these roles. */
  async emailsOf(
    organisationId: string,
    roles: readonly string[],
    tx: SqlRunner = this.db,
  ): Promise<string[]> {
    const rows = await tx.all<{ email: string }>(
      `SELECT email FROM app_user WHERE organisation_id = :organisationId AND role IN (:...roles)
         AND disabled_at IS NULL ORDER BY email`,
      { organisationId, roles: [...roles] },
    );
    return rows.map((row) => row.email);
  }

  async list(
    filter: { organisationId?: string; limit: number; cursor?: string },
    tx: SqlRunner = this.db,
  ): Promise<Page<UserEntity>> {
    const where: string[] = [];
    const params: SqlParams = { limit: filter.limit + 1 };
    if (filter.organisationId) {
      where.push('organisation_id = :organisationId');
      params.organisationId = filter.organisationId;
    }
    if (filter.cursor) {
      where.push('email > :cursorEmail');
      params.cursorEmail = String(decodeCursor(filter.cursor, 1)[0]);
    }
    const rows = await tx.all(
      `SELECT ${this.table.selectList} FROM app_user ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY email LIMIT :limit`,
      params,
    );
    return toPage(
      rows.map((row) => this.table.hydrate(row)),
      filter.limit,
      (last) => [last.email],
    );
  }

  async update(id: string, fields: UserEditableFields, updatedAt: Date, tx: SqlRunner): Promise<void> {
    const columns = this.table.columns.filter((c) => c.property in fields);
    const params = this.table.toParams({ ...fields } as UserEntity);
    const assignments = columns.map((c) => `"${c.column}" = :${c.property}`);
    await tx.run(
      `UPDATE app_user SET ${[...assignments, 'updated_at = :updatedAt'].join(', ')} WHERE id = :id`,
      {
        ...Object.fromEntries(columns.map((c) => [c.property, params[c.property]])),
        updatedAt,
        id,
      },
    );
  }

  /** Sets the password and spends any invitation: a link works once. */
  async setPassword(id: string, passwordHash: string, updatedAt: Date, tx: SqlRunner): Promise<void> {
    await tx.run(
      `UPDATE app_user SET password_hash = :passwordHash, invite_token_hash = NULL, invite_expires_at = NULL,
         updated_at = :updatedAt WHERE id = :id`,
      { id, passwordHash, updatedAt },
    );
  }

  async setInvite(
    id: string,
    inviteTokenHash: string,
    inviteExpiresAt: Date,
    updatedAt: Date,
    tx: SqlRunner,
  ): Promise<void> {
    await tx.run(
      `UPDATE app_user SET invite_token_hash = :inviteTokenHash, invite_expires_at = :inviteExpiresAt,
         updated_at = :updatedAt WHERE id = :id`,
      { id, inviteTokenHash, inviteExpiresAt, updatedAt },
    );
  }
}
