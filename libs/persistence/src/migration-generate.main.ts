// Writes a migration for both drivers from the difference between the entities and the migrated schema.
// Usage: npm run build && node dist/libs/persistence/src/migration-generate.main.js <PascalCaseName> [postgresUrl]
import 'reflect-metadata';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, Dialect } from './data-source-options.js';

async function upAndDown(databaseUrl: string): Promise<{ up: string[]; down: string[] }> {
  const dataSource = await new DataSource(buildDataSourceOptions(databaseUrl)).initialize();
  try {
    await dataSource.runMigrations();
    const log = await dataSource.driver.createSchemaBuilder().log();
    return {
      up: log.upQueries.map((q) => q.query),
      down: log.downQueries.map((q) => q.query).reverse(),
    };
  } finally {
    await dataSource.destroy();
  }
}

function render(className: string, queries: { up: string[]; down: string[] }): string {
  const lines = (list: string[]) =>
    list.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(queries.up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(queries.down)}
  }
}
`;
}

async function main(): Promise<void> {
  const [name, postgresUrl] = process.argv.slice(2);
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name))
    throw new Error('usage: migration-generate <PascalCaseName> [postgresUrl]');
  const timestamp = Date.now();
  const targets: [Dialect, string][] = [
    ['sqlite', `sqlite:${join(mkdtempSync(join(tmpdir(), 'cw-gen-')), 'gen.sqlite')}`],
  ];
  if (postgresUrl) targets.push(['postgres', postgresUrl]);
  for (const [dialect, url] of targets) {
    const queries = await upAndDown(url);
    if (queries.up.length === 0) {
      console.log(`${dialect}: no changes`);
      continue;
    }
    const file = `libs/persistence/src/migrations/${dialect}/${timestamp}-${name}.ts`;
    writeFileSync(file, render(`${name}${timestamp}`, queries));
    console.log(
      `${dialect}: wrote ${file} (${queries.up.length} statements); add it to migrations/${dialect}/index.ts`,
    );
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
