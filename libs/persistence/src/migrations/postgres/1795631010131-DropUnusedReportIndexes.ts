import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DropUnusedReportIndexes1795631010131 implements MigrationInterface {
  name = 'DropUnusedReportIndexes1795631010131';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_evacuation_report_window"');
    await queryRunner.query('DROP INDEX "public"."ix_evacuation_report_source"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "ix_evacuation_report_source" ON "evacuation_report" USING btree ("source_party_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_evacuation_report_window" ON "evacuation_report" USING btree ("window_id") ',
    );
  }
}
