// `npm run migrate`: applies pending migrations for DATABASE_URL and exits.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '#cw/config';
import { buildDataSourceOptions } from './data-source-options.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = await new DataSource(buildDataSourceOptions(config.DATABASE_URL)).initialize();
  try {
    const applied = await dataSource.runMigrations();
    console.log(
      applied.length ? `applied ${applied.map((m) => m.name).join(', ')}` : 'database is up to date',
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
