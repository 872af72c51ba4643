import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 13: party sides, open-ended windows, reported stances and the promise kept on the corridor row.
// Every corridor's stance_promise starts null: the api computes it at start (CorridorStateService).

export class CorridorPromise1797200000000 implements MigrationInterface {
  name = 'CorridorPromise1797200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "party" ADD "side" character varying(64)');
    await queryRunner.query('ALTER TABLE "corridor" ADD "stance_promise" character varying(16)');
    await queryRunner.query(
      'ALTER TABLE "corridor" ADD "settled_promise" character varying(16) NOT NULL DEFAULT \'broken\'',
    );
    await queryRunner.query(
      'ALTER TABLE "corridor_window" ADD "is_open_ended" boolean NOT NULL DEFAULT false',
    );
    await queryRunner.query('ALTER TABLE "corridor_window" ADD "version" integer NOT NULL DEFAULT \'1\'');
    await queryRunner.query('ALTER TABLE "confirmation" ADD "reported_by_id" character varying(36)');
    await queryRunner.query(
      'ALTER TABLE "confirmation" ADD CONSTRAINT "FK_9416abd4bd219b3d9d8a75bd239" FOREIGN KEY ("reported_by_id") REFERENCES "party"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "confirmation" DROP CONSTRAINT "FK_9416abd4bd219b3d9d8a75bd239"');
    await queryRunner.query('ALTER TABLE "confirmation" DROP COLUMN "reported_by_id"');
    await queryRunner.query('ALTER TABLE "corridor_window" DROP COLUMN "version"');
    await queryRunner.query('ALTER TABLE "corridor_window" DROP COLUMN "is_open_ended"');
    await queryRunner.query('ALTER TABLE "corridor" DROP COLUMN "settled_promise"');
    await queryRunner.query('ALTER TABLE "corridor" DROP COLUMN "stance_promise"');
    await queryRunner.query('ALTER TABLE "party" DROP COLUMN "side"');
  }
}
