import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AwaitingFlags1797700000000 implements MigrationInterface {
  name = 'AwaitingFlags1797700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "ix_flag_awaiting" ON "flag"  ("corridor_id", "severity") WHERE resolved_at IS NULL AND acknowledged_at IS NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_flag_awaiting"');
  }
}
