import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Embargo1797600000000 implements MigrationInterface {
  name = 'Embargo1797600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "embargo_hold" ("record_kind" character varying(16) NOT NULL, "record_id" character varying(36) NOT NULL, "corridor_id" character varying(36) NOT NULL, "embargoed_until" bigint, "created_at" bigint NOT NULL, CONSTRAINT "PK_aba651c2366d25aea96b96c9154" PRIMARY KEY ("record_kind", "record_id"))',
    );
    await queryRunner.query('ALTER TABLE "corridor" ADD "embargoed_until" bigint');
    await queryRunner.query(
      'ALTER TABLE "corridor" ADD "embargo_until_windows_end" boolean NOT NULL DEFAULT false',
    );
    await queryRunner.query('ALTER TABLE "corridor" ADD "embargo_lifted_at" bigint');
    await queryRunner.query('ALTER TABLE "confirmation" ADD "embargoed_until" bigint');
    await queryRunner.query(
      'ALTER TABLE "confirmation" ADD "embargo_until_windows_end" boolean NOT NULL DEFAULT false',
    );
    await queryRunner.query('ALTER TABLE "confirmation" ADD "embargo_lifted_at" bigint');
    await queryRunner.query('ALTER TABLE "evacuation_report" ADD "embargoed_until" bigint');
    await queryRunner.query(
      'ALTER TABLE "evacuation_report" ADD "embargo_until_windows_end" boolean NOT NULL DEFAULT false',
    );
    await queryRunner.query('ALTER TABLE "evacuation_report" ADD "embargo_lifted_at" bigint');
    await queryRunner.query('ALTER TABLE "incident" ADD "embargoed_until" bigint');
    await queryRunner.query(
      'ALTER TABLE "incident" ADD "embargo_until_windows_end" boolean NOT NULL DEFAULT false',
    );
    await queryRunner.query('ALTER TABLE "incident" ADD "embargo_lifted_at" bigint');
    await queryRunner.query('ALTER TABLE "remaining_report" ADD "embargoed_until" bigint');
    await queryRunner.query(
      'ALTER TABLE "remaining_report" ADD "embargo_until_windows_end" boolean NOT NULL DEFAULT false',
    );
    await queryRunner.query('ALTER TABLE "remaining_report" ADD "embargo_lifted_at" bigint');
    await queryRunner.query('ALTER TABLE "webhook_event" ADD "held_by" character varying(60)');
    await queryRunner.query('CREATE INDEX "ix_webhook_event_held" ON "webhook_event"  ("held_by") ');
    await queryRunner.query(
      'ALTER TABLE "embargo_hold" ADD CONSTRAINT "FK_00007118fe4c1c2773ceee6f4ff" FOREIGN KEY ("corridor_id") REFERENCES "corridor"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "embargo_hold" DROP CONSTRAINT "FK_00007118fe4c1c2773ceee6f4ff"');
    await queryRunner.query('DROP INDEX "public"."ix_webhook_event_held"');
    await queryRunner.query('ALTER TABLE "webhook_event" DROP COLUMN "held_by"');
    await queryRunner.query('ALTER TABLE "remaining_report" DROP COLUMN "embargo_lifted_at"');
    await queryRunner.query('ALTER TABLE "remaining_report" DROP COLUMN "embargo_until_windows_end"');
    await queryRunner.query('ALTER TABLE "remaining_report" DROP COLUMN "embargoed_until"');
    await queryRunner.query('ALTER TABLE "incident" DROP COLUMN "embargo_lifted_at"');
    await queryRunner.query('ALTER TABLE "incident" DROP COLUMN "embargo_until_windows_end"');
    await queryRunner.query('ALTER TABLE "incident" DROP COLUMN "embargoed_until"');
    await queryRunner.query('ALTER TABLE "evacuation_report" DROP COLUMN "embargo_lifted_at"');
    await queryRunner.query('ALTER TABLE "evacuation_report" DROP COLUMN "embargo_until_windows_end"');
    await queryRunner.query('ALTER TABLE "evacuation_report" DROP COLUMN "embargoed_until"');
    await queryRunner.query('ALTER TABLE "confirmation" DROP COLUMN "embargo_lifted_at"');
    await queryRunner.query('ALTER TABLE "confirmation" DROP COLUMN "embargo_until_windows_end"');
    await queryRunner.query('ALTER TABLE "confirmation" DROP COLUMN "embargoed_until"');
    await queryRunner.query('ALTER TABLE "corridor" DROP COLUMN "embargo_lifted_at"');
    await queryRunner.query('ALTER TABLE "corridor" DROP COLUMN "embargo_until_windows_end"');
    await queryRunner.query('ALTER TABLE "corridor" DROP COLUMN "embargoed_until"');
    await queryRunner.query('DROP TABLE "embargo_hold"');
  }
}
