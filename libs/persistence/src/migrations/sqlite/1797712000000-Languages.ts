import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 15: an organisation's language, and each subscription's (its e-mails and unsubscribe page). Everything
// stored so far was written in English.
export class Languages1797712000000 implements MigrationInterface {
  name = 'Languages1797712000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisation" ADD "language" varchar(8) NOT NULL DEFAULT ('en')`);
    await queryRunner.query(`ALTER TABLE "subscription" ADD "language" varchar(8) NOT NULL DEFAULT ('en')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "subscription" DROP COLUMN "language"');
    await queryRunner.query('ALTER TABLE "organisation" DROP COLUMN "language"');
  }
}
