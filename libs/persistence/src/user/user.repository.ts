import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Database, SqlRunner } from '../database/database.js';
import { Table } from '../database/table.js';
import { UserEntity } from './user.entity.js';

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

  async findByEmail(email: string): Promise<UserEntity | undefined> {
    const row = await this.db.get(`SELECT ${this.table.selectList} FROM app_user WHERE email = :email`, {
      email: email.toLowerCase(),
    });
    return row && this.table.hydrate(row);
  }

  async findById(id: string): Promise<UserEntity | undefined> {
    const row = await this.db.get(`SELECT ${this.table.selectList} FROM app_user WHERE id = :id`, { id });
    return row && this.table.hydrate(row);
  }
}
