import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApi, type ApiHarness } from '../support/api-harness.js';

// How the booted api uses its SQLite file (PostgreSQL has its own settings).
describe('the api on SQLite', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi('sqlite');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('writes ahead (WAL) with foreign keys on, and keeps its temporary files (savepoint journals) in memory', async () => {
    const pragma = async (name: string) =>
      Object.values((await api.db.get<Record<string, unknown>>(`PRAGMA ${name}`)) ?? {})[0];
    expect([await pragma('journal_mode'), await pragma('foreign_keys'), await pragma('temp_store')]).toEqual([
      'wal',
      1,
      2,
    ]);
  });
});
