import { afterEach, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import {
  createEmptyDatabase,
  mediumDialects,
  type EmptyDatabase,
} from '../../test-support/medium-database.js';
import { buildDataSourceOptions } from '../data-source-options.js';

type Migration = new () => { name?: string };

// main carried the promise's migration for a while as CorridorPromise1797200000000, run before Embargo, whose
// SQLite rebuilds of corridor and confirmation dropped its columns there (PostgreSQL kept them all). A database
// migrated then must still end with the schema of the entities, without the migration failing on what it has.
describe.each(mediumDialects())(
  'the promise migration on a %s database migrated by the earlier merge',
  (dialect) => {
    let empty: EmptyDatabase | undefined;
    let dataSource: DataSource | undefined;

    afterEach(async () => {
      if (dataSource?.isInitialized) await dataSource.destroy();
      await empty?.drop();
    });

    it('adds only what the database lacks, keeps what it has, and leaves nothing for the schema builder', async () => {
      empty = await createEmptyDatabase(dialect);
      const options = buildDataSourceOptions(empty.url);
      const migrations = options.migrations as Migration[];
      expect(new migrations[migrations.length - 1]().name).toBe('CorridorPromise1797650000000');
      const before = await new DataSource({ ...options, migrations: migrations.slice(0, -1) }).initialize();
      await before.runMigrations();
      const earlier =
        dialect === 'sqlite'
          ? [
              'ALTER TABLE "party" ADD "side" varchar(64)',
              'ALTER TABLE "corridor_window" ADD "is_open_ended" boolean NOT NULL DEFAULT (0)',
              'ALTER TABLE "corridor_window" ADD "version" integer NOT NULL DEFAULT (1)',
            ]
          : [
              'ALTER TABLE "party" ADD "side" character varying(64)',
              'ALTER TABLE "corridor" ADD "stance_promise" character varying(16)',
              `ALTER TABLE "corridor" ADD "settled_promise" character varying(16) NOT NULL DEFAULT 'broken'`,
              'ALTER TABLE "corridor_window" ADD "is_open_ended" boolean NOT NULL DEFAULT false',
              `ALTER TABLE "corridor_window" ADD "version" integer NOT NULL DEFAULT '1'`,
              'ALTER TABLE "confirmation" ADD "reported_by_id" character varying(36)',
              'ALTER TABLE "confirmation" ADD CONSTRAINT "FK_9416abd4bd219b3d9d8a75bd239" FOREIGN KEY ("reported_by_id") REFERENCES "party"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
            ];
      for (const sql of earlier) await before.query(sql);
      await before.query(
        `INSERT INTO migrations (timestamp, name) VALUES (1797200000000, 'CorridorPromise1797200000000')`,
      );
      await before.destroy();

      dataSource = await new DataSource(options).initialize();
      const applied = await dataSource.runMigrations();
      expect(applied.map((m) => m.name)).toEqual(['CorridorPromise1797650000000']);
      const log = await dataSource.driver.createSchemaBuilder().log();
      expect(log.upQueries.map((q) => q.query)).toEqual([]);
    });
  },
);
