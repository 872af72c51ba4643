import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 13: what each claim counted (measure, place, breakdown, wider category) and how it is graded. Every
// stored claim keeps its row: new columns take their defaults (evacuated, civilians, ungraded F6).
export class ClaimMeasuresGrades1797660000000 implements MigrationInterface {
  name = 'ClaimMeasuresGrades1797660000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_evacuation_report_corridor"');
    await queryRunner.query(
      `ALTER TABLE "party" ADD "reliability" character varying(1) NOT NULL DEFAULT 'F'`,
    );
    await queryRunner.query('ALTER TABLE "corridor" ADD "headline_measure" character varying(16)');
    await queryRunner.query('ALTER TABLE "flag" ADD "detail" text');
    await queryRunner.query('ALTER TABLE "flag" ADD "evidence_reliability" character varying(1)');
    await queryRunner.query('ALTER TABLE "flag" ADD "evidence_credibility" integer');
    for (const table of ['confirmation', 'evacuation_report', 'incident', 'remaining_report']) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD "source_reliability" character varying(1) NOT NULL DEFAULT 'F'`,
      );
      await queryRunner.query(`ALTER TABLE "${table}" ADD "credibility" integer NOT NULL DEFAULT '6'`);
    }
    await queryRunner.query(
      `ALTER TABLE "evacuation_report" ADD "measure" character varying(16) NOT NULL DEFAULT 'evacuated'`,
    );
    await queryRunner.query('ALTER TABLE "evacuation_report" ADD "counted_at_id" character varying(36)');
    await queryRunner.query('ALTER TABLE "evacuation_report" ADD "breakdown" text');
    // Widened in place (the generator would drop and add the column, losing every category stored).
    await queryRunner.query(
      'ALTER TABLE "evacuation_report" ALTER COLUMN "category" TYPE character varying(32)',
    );
    await queryRunner.query(
      `ALTER TABLE "remaining_report" ADD "category" character varying(32) NOT NULL DEFAULT 'civilians'`,
    );
    await queryRunner.query('ALTER TABLE "remaining_report" ADD "place_id" character varying(36)');
    await queryRunner.query(
      'CREATE INDEX "ix_evacuation_report_corridor" ON "evacuation_report" ("corridor_id", "measure", "window_id", "qualifier", "value", "max", "embargo_lifted_at", "embargoed_until", "embargo_until_windows_end") ',
    );
    await queryRunner.query(
      'ALTER TABLE "evacuation_report" ADD CONSTRAINT "FK_8e0bdcf5d66579c20a95f80d7cb" FOREIGN KEY ("counted_at_id") REFERENCES "location"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "remaining_report" ADD CONSTRAINT "FK_3c69fd2eb17fc8050549396d5a0" FOREIGN KEY ("place_id") REFERENCES "location"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    // Every claim stored so far counted people evacuated: the figures kept on the row are that headline.
    await queryRunner.query(
      `UPDATE "corridor" SET "headline_measure" = 'evacuated' WHERE "evacuation_report_count" > 0`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "remaining_report" DROP CONSTRAINT "FK_3c69fd2eb17fc8050549396d5a0"',
    );
    await queryRunner.query(
      'ALTER TABLE "evacuation_report" DROP CONSTRAINT "FK_8e0bdcf5d66579c20a95f80d7cb"',
    );
    await queryRunner.query('DROP INDEX "public"."ix_evacuation_report_corridor"');
    await queryRunner.query(
      'ALTER TABLE "evacuation_report" ALTER COLUMN "category" TYPE character varying(16)',
    );
    await queryRunner.query('ALTER TABLE "remaining_report" DROP COLUMN "place_id"');
    await queryRunner.query('ALTER TABLE "remaining_report" DROP COLUMN "category"');
    await queryRunner.query('ALTER TABLE "evacuation_report" DROP COLUMN "breakdown"');
    await queryRunner.query('ALTER TABLE "evacuation_report" DROP COLUMN "counted_at_id"');
    await queryRunner.query('ALTER TABLE "evacuation_report" DROP COLUMN "measure"');
    for (const table of ['remaining_report', 'incident', 'evacuation_report', 'confirmation']) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "credibility"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "source_reliability"`);
    }
    await queryRunner.query('ALTER TABLE "flag" DROP COLUMN "evidence_credibility"');
    await queryRunner.query('ALTER TABLE "flag" DROP COLUMN "evidence_reliability"');
    await queryRunner.query('ALTER TABLE "flag" DROP COLUMN "detail"');
    await queryRunner.query('ALTER TABLE "corridor" DROP COLUMN "headline_measure"');
    await queryRunner.query('ALTER TABLE "party" DROP COLUMN "reliability"');
    await queryRunner.query(
      'CREATE INDEX "ix_evacuation_report_corridor" ON "evacuation_report" ("corridor_id", "window_id", "value", "max") ',
    );
  }
}
