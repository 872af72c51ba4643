import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 15: where an incident happened (optional), for the map. Stored incidents keep their rows, with no place.
export class IncidentPlace1797720000000 implements MigrationInterface {
  name = 'IncidentPlace1797720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "incident" ADD "place_id" character varying(36)');
    await queryRunner.query(
      'ALTER TABLE "incident" ADD CONSTRAINT "FK_4252e0596ac0cd9b6ac93e27269" FOREIGN KEY ("place_id") REFERENCES "location"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "incident" DROP CONSTRAINT "FK_4252e0596ac0cd9b6ac93e27269"');
    await queryRunner.query('ALTER TABLE "incident" DROP COLUMN "place_id"');
  }
}
