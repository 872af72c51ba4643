import { afterEach, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import {
  createEmptyDatabase,
  mediumDialects,
  type EmptyDatabase,
} from '../../test-support/medium-database.js';
import { buildDataSourceOptions } from '../data-source-options.js';

/** What TypeORM would still run to bring the migrated schema to the entities; empty when they agree. */
async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((query) => query.query);
}

async function tableNames(dataSource: DataSource): Promise<string[]> {
  const rows: { name: string }[] =
    dataSource.options.type === 'postgres'
      ? await dataSource.query(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
        )
      : await dataSource.query(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        );
  return rows.map((row) => row.name).sort();
}

describe.each(mediumDialects())('the %s migrations', (dialect) => {
  let empty: EmptyDatabase | undefined;
  let dataSource: DataSource | undefined;

  afterEach(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await empty?.drop();
  });

  async function open(): Promise<DataSource> {
    empty = await createEmptyDatabase(dialect);
    dataSource = new DataSource(buildDataSourceOptions(empty.url));
    return dataSource.initialize();
  }

  it('build every entity table in an empty database, leaving nothing for the schema builder to change', async () => {
    const ds = await open();
    expect(await tableNames(ds)).toEqual([]);
    // The comparison below means something: on an empty database the builder wants every table.
    expect(await pendingSchemaChanges(ds)).toContainEqual(expect.stringMatching(/^CREATE TABLE "corridor" /));

    const applied = await ds.runMigrations();

    expect(applied.map((migration) => migration.name)).toEqual(
      ds.migrations.map((migration) => migration.name),
    );
    const expectedTables = [...ds.entityMetadatas.map((metadata) => metadata.tableName), 'migrations'].sort();
    expect(await tableNames(ds)).toEqual(expectedTables);
    expect(await pendingSchemaChanges(ds)).toEqual([]);
    expect(await ds.showMigrations()).toBe(false);
  });

  it('can all be undone and applied again, ending in the same schema', async () => {
    const ds = await open();
    await ds.runMigrations();

    for (const _ of ds.migrations) await ds.undoLastMigration();
    expect(await tableNames(ds)).toEqual(['migrations']);
    expect(await ds.showMigrations()).toBe(true);

    const reapplied = await ds.runMigrations();
    expect(reapplied).toHaveLength(ds.migrations.length);
    expect(await pendingSchemaChanges(ds)).toEqual([]);
  });
});
