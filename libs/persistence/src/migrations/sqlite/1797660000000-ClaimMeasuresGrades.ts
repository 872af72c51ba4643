import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuild, withColumns } from './table-rebuild.js';

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
