import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Database, SqlRunner } from '../database/database.js';
import { Table } from '../database/table.js';
import { UserEntity } from '../user/user.entity.js';
import { ApiKeyEntity } from './api-key.entity.js';

export interface ApiKeyWithOwner {
  key: ApiKeyEntity;
  owner: UserEntity;
}

@Injectable()
export class ApiKeyRepository {
  private readonly table: Table<ApiKeyEntity>;
  private readonly users: Table<UserEntity>;

  constructor(
    private readonly db: Database,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.table = new Table(dataSource, ApiKeyEntity);
    this.users = new Table(dataSource, UserEntity);
  }

  async insert(key: ApiKeyEntity, tx: SqlRunner = this.db): Promise<void> {
    await tx.run(this.table.insertSql, this.table.toParams(key));
  }

  /** The key and the user it acts for, in one lookup per request. */
  async findActiveByHash(keyHash: string): Promise<ApiKeyWithOwner | undefined> {
    const row = await this.db.get<Record<string, unknown>>(
      `SELECT ${this.table.qualified('k')}, u."id" AS owner_id, u."email" AS owner_email, u."display_name" AS owner_display_name,
              u."organisation_id" AS owner_organisation_id, u."role" AS owner_role, u."disabled_at" AS owner_disabled_at
       FROM api_key k JOIN app_user u ON u.id = k.user_id
       WHERE k.key_hash = :keyHash AND k.revoked_at IS NULL`,
      { keyHash },
    );
    if (!row) return undefined;
    const owner = this.users.hydrate({
      id: row.owner_id,
      email: row.owner_email,
      display_name: row.owner_display_name,
      organisation_id: row.owner_organisation_id,
      role: row.owner_role,
      disabled_at: row.owner_disabled_at,
    });
    return { key: this.table.hydrate(row), owner };
  }

  async recordUse(id: string, at: Date): Promise<void> {
    await this.db.run('UPDATE api_key SET last_used_at = :at WHERE id = :id', { id, at });
  }

  async listByOrganisation(organisationId: string): Promise<ApiKeyEntity[]> {
    const rows = await this.db.all(
      `SELECT ${this.table.selectList} FROM api_key WHERE organisation_id = :organisationId ORDER BY created_at DESC, id`,
      { organisationId },
    );
    return rows.map((row) => this.table.hydrate(row));
  }

  async findById(id: string, tx: SqlRunner = this.db): Promise<ApiKeyEntity | undefined> {
    const row = await tx.get(`SELECT ${this.table.selectList} FROM api_key WHERE id = :id`, { id });
    return row && this.table.hydrate(row);
  }

  /** The hashes of a user's keys, so a cache of who they act for can forget them. */
  async findHashesOfUser(userId: string): Promise<string[]> {
    const rows = await this.db.all<{ key_hash: string }>(
      'SELECT key_hash FROM api_key WHERE user_id = :userId',
      {
        userId,
      },
    );
    return rows.map((row) => row.key_hash);
  }

  async organisationOf(id: string): Promise<string | undefined> {
    const row = await this.db.get<{ organisation_id: string }>(
      'SELECT organisation_id FROM api_key WHERE id = :id',
      { id },
    );
    return row?.organisation_id;
  }

  async revoke(id: string, at: Date, tx: SqlRunner = this.db): Promise<boolean> {
    return (
      (await tx.run('UPDATE api_key SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL', {
        id,
        at,
      })) > 0
    );
  }

  /** Every key minted from this one, at any depth, that is not revoked yet (a revoked key's were revoked with it). */
  async findActiveDescendants(id: string, tx: SqlRunner = this.db): Promise<ApiKeyEntity[]> {
    const rows = await tx.all(
      `WITH RECURSIVE lineage(id) AS (
         SELECT id FROM api_key WHERE parent_key_id = :id
         UNION SELECT k.id FROM api_key k JOIN lineage l ON k.parent_key_id = l.id
       )
       SELECT ${this.table.selectList} FROM api_key WHERE id IN (SELECT id FROM lineage) AND revoked_at IS NULL
       ORDER BY created_at, id`,
      { id },
    );
    return rows.map((row) => this.table.hydrate(row));
  }

  /**
   * Whether a key may still mint: not revoked. On PostgreSQL its row stays locked to the end of the transaction, so
   * a revocation running beside the mint either sees the new key or is seen by the mint.
   */
  async isActiveForMinting(id: string, tx: SqlRunner): Promise<boolean> {
    const row = await tx.get<{ revoked_at: unknown }>(
      `SELECT revoked_at FROM api_key WHERE id = :id${tx.dialect === 'postgres' ? ' FOR UPDATE' : ''}`,
      { id },
    );
    return row !== undefined && row.revoked_at === null;
  }
}
