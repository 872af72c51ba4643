import type { QueryRunner } from 'typeorm';

/** The table's definition with new columns after its own and a new table constraint after the others. */
export function withColumns(sql: string, columns: string, constraint: string): string {
  const constraints = sql.indexOf(', CONSTRAINT ');
  const closing = sql.lastIndexOf(')');
  const head = constraints >= 0 ? sql.slice(0, constraints) : sql.slice(0, closing);
  const tail = constraints >= 0 ? sql.slice(constraints, closing) : '';
  return `${head}, ${columns}${tail}, ${constraint})`;
}

/**
 * SQLite's way to change a table: a copy with the new definition, every row and column it shares with the old one
 * copied, the old one dropped and the copy renamed; its indexes made again.
 */
export async function rebuild(
  queryRunner: QueryRunner,
  table: string,
  define: (sql: string) => string,
  dropped: readonly string[] = [],
): Promise<void> {
  const [{ sql }] = (await queryRunner.query(
    `SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '${table}'`,
  )) as { sql: string }[];
  const indexes = (await queryRunner.query(
    `SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = '${table}' AND sql IS NOT NULL`,
  )) as { sql: string }[];
  const columns = ((await queryRunner.query(`PRAGMA table_info("${table}")`)) as { name: string }[])
    .map((column) => column.name)
    .filter((name) => !dropped.includes(name))
    .map((name) => `"${name}"`)
    .join(', ');
  const copy = `temporary_${table}`;
  await queryRunner.query(define(sql).replace(`CREATE TABLE "${table}"`, `CREATE TABLE "${copy}"`));
  await queryRunner.query(`INSERT INTO "${copy}" (${columns}) SELECT ${columns} FROM "${table}"`);
  await queryRunner.query(`DROP TABLE "${table}"`);
  await queryRunner.query(`ALTER TABLE "${copy}" RENAME TO "${table}"`);
  for (const index of indexes) await queryRunner.query(index.sql);
}
