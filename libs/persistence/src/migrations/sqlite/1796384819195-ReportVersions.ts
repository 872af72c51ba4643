import type { MigrationInterface, QueryRunner } from 'typeorm';

// SQLite adds a column with a constant default in place; the generator's copy of each table would rewrite
// every report for nothing.
const TABLES = ['confirmation', 'evacuation_report', 'incident', 'remaining_report'];

export class ReportVersions1796384819195 implements MigrationInterface {
  name = 'ReportVersions1796384819195';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES)
      await queryRunner.query(`ALTER TABLE "${table}" ADD "version" integer NOT NULL DEFAULT (1)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "version"`);
  }
}
