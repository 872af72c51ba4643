import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { POSTGRES_MIGRATIONS } from './migrations/postgres/index.js';
import { SQLITE_MIGRATIONS } from './migrations/sqlite/index.js';

export type Dialect = 'sqlite' | 'postgres';

export function dialectOf(databaseUrl: string): Dialect {
  return databaseUrl.startsWith('postgres') ? 'postgres' : 'sqlite';
}

export function sqlitePathOf(databaseUrl: string): string {
  return databaseUrl.replace(/^sqlite:(\/\/)?/, '');
}

/** How one process uses its SQLite connection. */
export interface SqliteTuning {
  /**
   * Temporary files in memory, above all the sub-journal of the group commit's savepoints: on disk it is a file
   * created and unlinked per transaction and a write for every page a report first changes. The api's choice; the
   * worker's sweep sorts and joins large batches, which in memory would raise its peak by ~160 MB for no gain.
   */
  tempStoreInMemory?: boolean;
}

export function buildDataSourceOptions(databaseUrl: string, sqlite: SqliteTuning = {}): DataSourceOptions {
  if (dialectOf(databaseUrl) === 'postgres') {
    return {
      type: 'postgres',
      url: databaseUrl,
      entities: ENTITIES,
      migrations: POSTGRES_MIGRATIONS,
      migrationsTransactionMode: 'each',
      extra: { max: 10 },
    };
  }
  const path = sqlitePathOf(databaseUrl);
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true });
    keepToOwner(path);
  }
  return {
    type: 'better-sqlite3',
    database: path,
    entities: ENTITIES,
    migrations: SQLITE_MIGRATIONS,
    migrationsTransactionMode: 'each',
    enableWAL: true,
    timeout: 5000,
    statementCacheSize: 500,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      // NORMAL is durable in WAL mode against process crashes; only power loss can drop the last commits.
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
      if (sqlite.tempStoreInMemory) db.pragma('temp_store = MEMORY');
    },
  };
}

/**
 * The database file readable and writable by its owner only (0600): it holds password, session and key hashes.
 * Created so before SQLite opens it, since SQLite gives its WAL and shared-memory files the database's own mode;
 * a database (and WAL) left by an earlier version is taken down to 0600 too.
 */
function keepToOwner(path: string): void {
  closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) chmodSync(file, 0o600);
  }
}
