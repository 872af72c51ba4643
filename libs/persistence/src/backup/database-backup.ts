import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { dialectOf, sqlitePathOf } from '../data-source-options.js';

/** Pages copied per step of SQLite's online backup: all of them, so one read snapshot is copied (see below). */
const ALL_PAGES = 0x7fffffff;

export interface BackupResult {
  file: string;
  bytes: number;
}

export interface RestoreResult {
  /** Rows per table of the restored database, by table name. */
  rows: Record<string, number>;
}

export class BackupError extends Error {}

/** `var/backups/corridor-watch-20261206T101500Z.sqlite` (or `.pgdump`): UTC, sortable, one per second. */
export function defaultBackupFile(databaseUrl: string, now: Date, dir = join('var', 'backups')): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return join(dir, `corridor-watch-${stamp}.${dialectOf(databaseUrl) === 'postgres' ? 'pgdump' : 'sqlite'}`);
}

/**
 * Copies the database to `file` while the api and the worker keep running. SQLite: the online backup API, all
 * pages in one step, i.e. inside one read transaction, so the copy is one committed state and writers in WAL mode
 * never wait for it (copied a few pages at a time, every write of another process would restart it).
 * PostgreSQL: `pg_dump --format=custom`, which reads one snapshot too. The file is readable by its owner only.
 */
export async function backupDatabase(databaseUrl: string, file: string): Promise<BackupResult> {
  const target = resolve(file);
  if (existsSync(target)) throw new BackupError(`${file} exists already; name a new file.`);
  mkdirSync(dirname(target), { recursive: true });
  try {
    if (dialectOf(databaseUrl) === 'postgres') {
      await runTool(
        'pg_dump',
        ['--format=custom', '--no-owner', '--no-privileges', `--file=${target}`],
        databaseUrl,
      );
      chmodSync(target, 0o600);
    } else {
      const source = sqlitePathOf(databaseUrl);
      if (!existsSync(source)) throw new BackupError(`no SQLite database at ${source}`);
      const db = new Database(source, { fileMustExist: true });
      try {
        db.pragma('busy_timeout = 5000');
        await db.backup(target, { progress: () => ALL_PAGES });
      } finally {
        db.close();
      }
      // One self-contained file: no -wal or -shm beside it to copy along or lose.
      const copy = new Database(target);
      copy.pragma('journal_mode = DELETE');
      copy.close();
      chmodSync(target, 0o600);
      assertSqliteBackup(target);
    }
  } catch (error) {
    rmSync(target, { force: true });
    throw error;
  }
  return { file: target, bytes: statSync(target).size };
}

/**
 * Restores a backup into DATABASE_URL, which must be empty (no table) unless `replace` is set. Stop the api and
 * the worker first: they keep caches of what they read.
 */
export async function restoreDatabase(
  databaseUrl: string,
  file: string,
  { replace = false }: { replace?: boolean } = {},
): Promise<RestoreResult> {
  const source = resolve(file);
  if (!existsSync(source)) throw new BackupError(`no backup at ${file}`);
  if (dialectOf(databaseUrl) === 'postgres') {
    const tables = await postgresTables(databaseUrl);
    if (tables.length && !replace) throw notEmpty(tables.length);
    await runTool(
      'pg_restore',
      [
        '--no-owner',
        '--no-privileges',
        '--exit-on-error',
        '--single-transaction',
        ...(tables.length ? ['--clean', '--if-exists'] : []),
        source,
      ],
      databaseUrl,
    );
    return { rows: await postgresRowCounts(databaseUrl) };
  }
  assertSqliteBackup(source);
  const target = resolve(sqlitePathOf(databaseUrl));
  if (existsSync(target)) {
    const tables = sqliteTables(target);
    if (tables.length && !replace) throw notEmpty(tables.length);
  }
  mkdirSync(dirname(target), { recursive: true });
  const isNew = !existsSync(target);
  // The backup API again, backup file to database: it writes under SQLite's own locks, WAL and -shm included.
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target, { progress: () => ALL_PAGES });
  } finally {
    db.close();
  }
  if (isNew) chmodSync(target, 0o600);
  return { rows: sqliteRowCounts(target) };
}

function notEmpty(tables: number): BackupError {
  return new BackupError(
    `the target database is not empty (${tables} tables). Restore into an empty database, or stop the api and ` +
      'the worker and pass --replace to overwrite it.',
  );
}

/** A SQLite backup must pass SQLite's own check and hold the migrations table (it is a Corridor Watch database). */
function assertSqliteBackup(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`${file} fails SQLite's quick_check: ${String(check)}`);
    if (!sqliteTableNames(db).includes('migrations'))
      throw new BackupError(`${file} is not a Corridor Watch database (no migrations table)`);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} is not a readable SQLite database: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

function sqliteTableNames(db: Database.Database): string[] {
  return (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((row) => row.name);
}

function sqliteTables(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return sqliteTableNames(db);
  } finally {
    db.close();
  }
}

function sqliteRowCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(
      sqliteTableNames(db).map((name) => [
        name,
        (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n,
      ]),
    );
  } finally {
    db.close();
  }
}

async function withPostgres<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function postgresTables(databaseUrl: string): Promise<string[]> {
  return withPostgres(databaseUrl, async (client) =>
    (
      await client.query<{ name: string }>(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
      )
    ).rows.map((row) => row.name),
  );
}

async function postgresRowCounts(databaseUrl: string): Promise<Record<string, number>> {
  const tables = await postgresTables(databaseUrl);
  return withPostgres(databaseUrl, async (client) => {
    const counts: Record<string, number> = {};
    for (const name of tables)
      counts[name] = Number((await client.query(`SELECT COUNT(*) AS n FROM "${name}"`)).rows[0].n);
    return counts;
  });
}

/**
 * Runs pg_dump or pg_restore against the database of `databaseUrl`. The password travels in PGPASSWORD, not on
 * the command line, where `ps` would show it.
 */
function runTool(tool: 'pg_dump' | 'pg_restore', args: string[], databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (password) env.PGPASSWORD = password;
  const dbArg = tool === 'pg_dump' ? url.toString() : `--dbname=${url.toString()}`;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(tool, tool === 'pg_dump' ? [...args, dbArg] : [dbArg, ...args], {
      env,
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new BackupError(
          error.code === 'ENOENT'
            ? `${tool} is not on the PATH (Debian/Ubuntu: apt-get install postgresql-client, the server's major version or newer)`
            : `${tool} could not start: ${error.message}`,
        ),
      ),
    );
    child.once('exit', (code, signal) =>
      code === 0
        ? resolvePromise()
        : reject(new BackupError(`${tool} failed (${signal ?? `exit code ${code}`}): ${stderr.trim()}`)),
    );
  });
}
