// Medium tests: real repositories on a real SQLite file and on the real local PostgreSQL.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, type Dialect } from '../src/data-source-options.js';
import { createDatabase, type Database } from '../src/database/database.js';

/** SQLite always; PostgreSQL when TEST_POSTGRES_URL names a server (one warning per suite otherwise). */
export function mediumDialects(): Dialect[] {
  if (process.env.TEST_POSTGRES_URL) return ['sqlite', 'postgres'];
  console.warn('TEST_POSTGRES_URL is not set: the PostgreSQL cases of this suite were not run.');
  return ['sqlite'];
}

/** An empty database of its own: a temp SQLite file, or `cw_medium_<random>` on the test server. */
export interface EmptyDatabase {
  dialect: Dialect;
  url: string;
  drop(): Promise<void>;
}

export async function createEmptyDatabase(dialect: Dialect): Promise<EmptyDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'cw-medium-'));
    return {
      dialect,
      url: `sqlite:${join(dir, 'medium.sqlite')}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const serverUrl = process.env.TEST_POSTGRES_URL;
  if (!serverUrl) throw new Error('TEST_POSTGRES_URL is not set');
  const name = `cw_medium_${randomBytes(6).toString('hex')}`;
  await asAdmin(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    dialect,
    url: url.toString(),
    drop: () => asAdmin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function asAdmin(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A migrated database with the executor the repositories use. */
export interface MediumDatabase {
  dialect: Dialect;
  dataSource: DataSource;
  db: Database;
  close(): Promise<void>;
}

export async function openMigratedDatabase(dialect: Dialect): Promise<MediumDatabase> {
  const empty = await createEmptyDatabase(dialect);
  const dataSource = new DataSource(buildDataSourceOptions(empty.url));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await empty.drop();
    throw error;
  }
  const db = createDatabase(dataSource);
  return {
    dialect,
    dataSource,
    db,
    close: async () => {
      await db.close();
      await empty.drop();
    },
  };
}
