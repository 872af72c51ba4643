import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportVersions1796384819195 implements MigrationInterface {
  name = 'ReportVersions1796384819195';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "confirmation" ADD "version" integer NOT NULL DEFAULT \'1\'');
    await queryRunner.query('ALTER TABLE "evacuation_report" ADD "version" integer NOT NULL DEFAULT \'1\'');
    await queryRunner.query('ALTER TABLE "incident" ADD "version" integer NOT NULL DEFAULT \'1\'');
    await queryRunner.query('ALTER TABLE "remaining_report" ADD "version" integer NOT NULL DEFAULT \'1\'');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "remaining_report" DROP COLUMN "version"');
    await queryRunner.query('ALTER TABLE "incident" DROP COLUMN "version"');
    await queryRunner.query('ALTER TABLE "evacuation_report" DROP COLUMN "version"');
    await queryRunner.query('ALTER TABLE "confirmation" DROP COLUMN "version"');
  }
}
