import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import pg from 'pg';
import { startApi, type ApiHarness } from '../support/api-harness.js';
import { importDemoData } from '../support/demo.js';
import { Fixtures } from '../support/fixtures.js';
import {
  availableDialects,
  createTestDatabase,
  type Dialect,
  type TestDatabase,
} from '../support/test-database.js';

const BACKUP_ENTRY = 'dist/libs/persistence/src/backup.main.js';
const RESTORE_ENTRY = 'dist/libs/persistence/src/restore.main.js';

/** `npm run backup` / `npm run restore` as an operator runs them (the built entry points). */
function runCli(
  entry: string,
  args: string[],
  databaseUrl: string,
): Promise<{ code: number | null; output: string }> {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [entry, ...args], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

/**
 * Every table of a database, read with the driver alone (not the app's executor): each row as JSON, sorted, so
 * two databases compare row for row whatever order they return rows in.
 */
async function everyTable(dialect: Dialect, url: string): Promise<Record<string, string[]>> {
  const tables: Record<string, string[]> = {};
  const sorted = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).sort();
  if (dialect === 'sqlite') {
    const db = new Database(url.replace(/^sqlite:/, ''), { readonly: true, fileMustExist: true });
    try {
      const names = db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .pluck()
        .all() as string[];
      for (const name of names) tables[name] = sorted(db.prepare(`SELECT * FROM "${name}"`).raw().all());
      tables['(schema)'] = sorted(
        db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').raw().all(),
      );
    } finally {
      db.close();
    }
    return tables;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const names = (
      await client.query<{ name: string }>(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
      )
    ).rows.map((row) => row.name);
    for (const name of names)
      tables[name] = sorted((await client.query({ text: `SELECT * FROM "${name}"`, rowMode: 'array' })).rows);
    tables['(schema)'] = sorted(
      (
        await client.query({
          text: `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
                 WHERE table_schema = 'public'`,
          rowMode: 'array',
        })
      ).rows,
    );
    tables['(indexes)'] = sorted(
      (
        await client.query({
          text: "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'",
          rowMode: 'array',
        })
      ).rows,
    );
  } finally {
    await client.end();
  }
  return tables;
}

describe.each(availableDialects())('backup and restore on %s', (dialect) => {
  let api: ApiHarness;
  let fx: Fixtures;
  let dir: string;
  const restored: TestDatabase[] = [];
  let corridorId: string;
  let sourceId: string;
  let sequence = 0;

  const emptyDatabase = async () => {
    const database = await createTestDatabase(dialect);
    restored.push(database);
    return database;
  };
  const count = async (sql: string) => Number((await api.db.get<{ n: number | string }>(sql))?.n ?? 0);
  const addReport = () => {
    sequence += 1;
    return fx.report(corridorId, 'evacuations', {
      sourcePartyId: sourceId,
      reportedAt: new Date(Date.parse('2022-05-09T00:00:00Z') + sequence * 1000).toISOString(),
      count: { qualifier: 'exact', value: sequence },
      category: 'civilians',
    });
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cw-backup-'));
    api = await startApi(dialect);
    fx = new Fixtures(api);
    await importDemoData(api);
    sourceId = await fx.party('Backup test observers', 'humanitarian');
    corridorId = (
      await fx.corridor({
        name: 'Backup test corridor',
        originId: await fx.location('Backup test origin'),
        destinationId: await fx.location('Backup test shelter', 47.8, 35.1),
        announcedById: sourceId,
        announcedAt: '2022-05-01T08:00:00Z',
        timezone: 'Europe/Kyiv',
        windows: [{ startsAt: '2022-05-02T08:00:00+03:00', endsAt: '2022-05-02T18:00:00+03:00' }],
      })
    ).id;
    await api.http
      .post('/api/v1/api-keys')
      .set(api.auth)
      .send({ name: 'export', scopes: ['read'] })
      .expect(201);
  });

  afterAll(async () => {
    for (const database of restored) await database.drop();
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a backup taken while reports are being written restores one committed state: each report with its audit entry', async () => {
    let isWriting = true;
    const writer = (async () => {
      while (isWriting) await addReport();
    })();
    const before = await count('SELECT COUNT(*) AS n FROM evacuation_report');
    const file = join(dir, `live.${dialect === 'sqlite' ? 'sqlite' : 'pgdump'}`);
    const backup = await runCli(BACKUP_ENTRY, ['--to', file], api.database.url);
    const after = await count('SELECT COUNT(*) AS n FROM evacuation_report');
    isWriting = false;
    await writer;
    expect(backup).toEqual({ code: 0, output: expect.stringContaining(`backed up to ${file}`) });
    expect(after).toBeGreaterThan(before); // the api wrote while the backup ran

    const target = await emptyDatabase();
    const restore = await runCli(RESTORE_ENTRY, [file], target.url);
    expect(restore.code).toBe(0);
    const tables = await everyTable(dialect, target.url);
    const reports = tables.evacuation_report.length;
    expect(reports).toBeGreaterThanOrEqual(before);
    expect(reports).toBeLessThanOrEqual(after);
    expect(restore.output).toContain(`evacuation_report: ${reports}`);
    // Written in one transaction with each report: the copy holds both or neither.
    const created = tables.audit_entry.filter((row) => row.includes('"evacuation.create"'));
    expect(created).toHaveLength(reports);
  });

  it('restores into an empty database every table as it was, row for row', async () => {
    const file = join(dir, `quiet.${dialect === 'sqlite' ? 'sqlite' : 'pgdump'}`);
    expect((await runCli(BACKUP_ENTRY, ['--to', file], api.database.url)).code).toBe(0);
    const source = await everyTable(dialect, api.database.url);
    const target = await emptyDatabase();
    expect((await runCli(RESTORE_ENTRY, [file], target.url)).code).toBe(0);

    const copy = await everyTable(dialect, target.url);
    expect(Object.keys(copy).sort()).toEqual(Object.keys(source).sort());
    for (const table of Object.keys(source))
      expect({ table, rows: copy[table] }).toEqual({ table, rows: source[table] });
    // Not a comparison of empty tables: the demo data, the api key and the reports are there.
    expect(source.corridor.length).toBeGreaterThan(5);
    expect(source.evacuation_report.length).toBeGreaterThan(21);
    expect(source.api_key).toHaveLength(1);
    expect(source.audit_entry.length).toBeGreaterThan(50);
    expect(source.migrations.length).toBeGreaterThan(5);

    // The restored database is one the api runs on.
    const reopened = await startApi(dialect, { DATABASE_URL: target.url });
    try {
      const corridor = await reopened.http.get(`/api/v1/corridors/${corridorId}`).set(reopened.auth);
      expect(corridor.status).toBe(200);
      expect(corridor.body.name).toBe('Backup test corridor');
    } finally {
      await reopened.close(); // drops only the harness's own unused database; `target` is dropped below
    }
  });

  it('refuses to restore over a database that has tables, and changes nothing there', async () => {
    const file = join(dir, `quiet.${dialect === 'sqlite' ? 'sqlite' : 'pgdump'}`);
    const before = await everyTable(dialect, api.database.url);
    const restore = await runCli(RESTORE_ENTRY, [file], api.database.url);
    expect(restore.code).toBe(1);
    expect(restore.output).toContain('the target database is not empty');
    expect(await everyTable(dialect, api.database.url)).toEqual(before);
  });

  it('refuses to overwrite an existing backup file', async () => {
    const file = join(dir, `quiet.${dialect === 'sqlite' ? 'sqlite' : 'pgdump'}`);
    const backup = await runCli(BACKUP_ENTRY, ['--to', file], api.database.url);
    expect(backup.code).toBe(1);
    expect(backup.output).toContain('exists already');
  });
});
