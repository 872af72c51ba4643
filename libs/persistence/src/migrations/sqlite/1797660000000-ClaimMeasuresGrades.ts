import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 13: what each claim counted (measure, place, breakdown, wider category) and how it is graded.
// Columns are added in place (SQLite adds a column with a constant default without rewriting the table). The two
// tables that gain a foreign key, or whose category widens, are rebuilt from their own stored definition, with
// every column they have when this runs (not a list fixed today), so columns other migrations add survive.

const GRADE = `"source_reliability" varchar(1) NOT NULL DEFAULT ('F'), "credibility" integer NOT NULL DEFAULT (6)`;
const ADDED: [table: string, column: string][] = [
  ['party', `"reliability" varchar(1) NOT NULL DEFAULT ('F')`],
  ['corridor', '"headline_measure" varchar(16)'],
  ['flag', '"detail" text'],
  ['flag', '"evidence_reliability" varchar(1)'],
  ['flag', '"evidence_credibility" integer'],
  ['confirmation', `"source_reliability" varchar(1) NOT NULL DEFAULT ('F')`],
  ['confirmation', '"credibility" integer NOT NULL DEFAULT (6)'],
  ['incident', `"source_reliability" varchar(1) NOT NULL DEFAULT ('F')`],
  ['incident', '"credibility" integer NOT NULL DEFAULT (6)'],
];
const REBUILT = {
  evacuation_report: {
    columns: `"measure" varchar(16) NOT NULL DEFAULT ('evacuated'), "counted_at_id" varchar(36), "breakdown" text, ${GRADE}`,
    constraint:
      'CONSTRAINT "FK_8e0bdcf5d66579c20a95f80d7cb" FOREIGN KEY ("counted_at_id") REFERENCES "location" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    widen: ['"category" varchar(16)', '"category" varchar(32)'],
  },
  remaining_report: {
    columns: `"category" varchar(32) NOT NULL DEFAULT ('civilians'), "place_id" varchar(36), ${GRADE}`,
    constraint:
      'CONSTRAINT "FK_3c69fd2eb17fc8050549396d5a0" FOREIGN KEY ("place_id") REFERENCES "location" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    widen: null,
  },
} as const;

export class ClaimMeasuresGrades1797660000000 implements MigrationInterface {
  name = 'ClaimMeasuresGrades1797660000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column] of ADDED) await queryRunner.query(`ALTER TABLE "${table}" ADD ${column}`);
    for (const [table, change] of Object.entries(REBUILT)) {
      await rebuild(queryRunner, table, (sql) => {
        const widened = change.widen ? sql.replace(change.widen[0], change.widen[1]) : sql;
        return withColumns(widened, change.columns, change.constraint);
      });
    }
    await queryRunner.query('DROP INDEX "ix_evacuation_report_corridor"');
    await queryRunner.query(
      'CREATE INDEX "ix_evacuation_report_corridor" ON "evacuation_report" ("corridor_id", "measure", "window_id", "qualifier", "value", "max", "embargo_lifted_at", "embargoed_until", "embargo_until_windows_end") ',
    );
    // Every claim stored so far counted people evacuated: the figures kept on the row are that headline.
    await queryRunner.query(
      `UPDATE "corridor" SET "headline_measure" = 'evacuated' WHERE "evacuation_report_count" > 0`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_evacuation_report_corridor"');
    for (const [table, change] of Object.entries(REBUILT)) {
      const dropped = [...change.columns.matchAll(/"([a-z_]+)" (?:varchar|text|integer)/g)].map((m) => m[1]);
      await rebuild(
        queryRunner,
        table,
        (sql) => {
          const narrowed = change.widen ? sql.replace(change.widen[1], change.widen[0]) : sql;
          return narrowed.replace(`, ${change.columns}`, '').replace(`, ${change.constraint}`, '');
        },
        dropped,
      );
    }
    await queryRunner.query(
      'CREATE INDEX "ix_evacuation_report_corridor" ON "evacuation_report" ("corridor_id", "window_id", "value", "max") ',
    );
    for (const [table, column] of [...ADDED].reverse()) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN ${column.slice(0, column.indexOf(' '))}`);
    }
  }
}

/** The table's definition with new columns after its own and a new table constraint after the others. */
function withColumns(sql: string, columns: string, constraint: string): string {
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
async function rebuild(
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
