import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options.js';

describe(buildDataSourceOptions.name, () => {
  const dirs: string[] = [];
  const sources: DataSource[] = [];

  afterEach(async () => {
    for (const source of sources.splice(0)) await source.destroy();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  async function pragmas(tuning?: { tempStoreInMemory?: boolean }) {
    const dir = mkdtempSync(join(tmpdir(), 'cw-ds-'));
    dirs.push(dir);
    const source = await new DataSource(
      buildDataSourceOptions(`sqlite:${join(dir, 'a.sqlite')}`, tuning),
    ).initialize();
    sources.push(source);
    const read = async (name: string) =>
      Object.values((await source.query(`PRAGMA ${name}`))[0] as object)[0];
    return {
      journal: await read('journal_mode'),
      foreignKeys: await read('foreign_keys'),
      synchronous: await read('synchronous'),
      tempStore: await read('temp_store'),
    };
  }

  it('opens SQLite in WAL with foreign keys, NORMAL sync, and temporary files where SQLite puts them', async () => {
    // synchronous 1 = NORMAL; temp_store 0 = SQLite's default (files).
    expect(await pragmas()).toEqual({ journal: 'wal', foreignKeys: 1, synchronous: 1, tempStore: 0 });
  });

  it('keeps temporary files in memory when the process asks (the api: its savepoints)', async () => {
    expect((await pragmas({ tempStoreInMemory: true })).tempStore).toBe(2);
  });

  // The database holds password hashes, session and key hashes and unsubscribe secrets: other local accounts
  // must not read it, nor its write-ahead log, which holds the latest writes.
  it('creates the database, its WAL and shared-memory files readable by their owner only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-ds-'));
    dirs.push(dir);
    const file = join(dir, 'fresh.sqlite');
    const source = await new DataSource(buildDataSourceOptions(`sqlite:${file}`)).initialize();
    sources.push(source);
    await source.query('CREATE TABLE note (body text)');
    await source.query("INSERT INTO note VALUES ('written')");
    for (const path of [file, `${file}-wal`, `${file}-shm`]) {
      expect(existsSync(path)).toBe(true);
      expect({ path, mode: (statSync(path).mode & 0o777).toString(8) }).toEqual({ path, mode: '600' });
    }
  });

  it('takes the permissions of an existing database and its WAL down to owner-only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-ds-'));
    dirs.push(dir);
    const file = join(dir, 'old.sqlite');
    writeFileSync(file, '', { mode: 0o644 });
    writeFileSync(`${file}-wal`, '', { mode: 0o644 });
    buildDataSourceOptions(`sqlite:${file}`);
    for (const path of [file, `${file}-wal`]) {
      expect({ path, mode: (statSync(path).mode & 0o777).toString(8) }).toEqual({ path, mode: '600' });
    }
  });
});
