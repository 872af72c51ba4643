import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CorridorCancelledBy1795622282914 implements MigrationInterface {
  name = 'CorridorCancelledBy1795622282914';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "corridor" ADD "cancelled_by_id" character varying(36)');
    await queryRunner.query(
      'ALTER TABLE "corridor" ADD CONSTRAINT "FK_3a4c775e0e102ff7cb70c97a184" FOREIGN KEY ("cancelled_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "corridor" DROP CONSTRAINT "FK_3a4c775e0e102ff7cb70c97a184"');
    await queryRunner.query('ALTER TABLE "corridor" DROP COLUMN "cancelled_by_id"');
  }
}
