import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Webhooks1796526003471 implements MigrationInterface {
  name = 'Webhooks1796526003471';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "webhook_corridor_state" ("corridor_id" character varying(36) NOT NULL, "status" character varying(16), "promise" character varying(16), "next_check_at" bigint, CONSTRAINT "PK_3aca4720258cfc81e8a39cff0b7" PRIMARY KEY ("corridor_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_webhook_corridor_state_check" ON "webhook_corridor_state"  ("next_check_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "webhook_endpoint" ("id" character varying(36) NOT NULL, "organisation_id" character varying(36) NOT NULL, "url" character varying(2048) NOT NULL, "description" character varying(500), "events" character varying(500) NOT NULL, "secret" character varying(300) NOT NULL, "failing_since" bigint, "disabled_at" bigint, "disabled_reason" character varying(500), "notice_id" character varying(36), "notice_sent_at" bigint, "created_by_id" character varying(36) NOT NULL, "created_at" bigint NOT NULL, "updated_at" bigint NOT NULL, CONSTRAINT "PK_6c98112122b2b8a4f3984d2efa8" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_webhook_endpoint_organisation" ON "webhook_endpoint"  ("organisation_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "webhook_event" ("id" character varying(36) NOT NULL, "type" character varying(40) NOT NULL, "occurred_at" bigint NOT NULL, "corridor_id" character varying(36), "data" text NOT NULL, "source_key" character varying(80), "fanned_out_at" bigint, CONSTRAINT "PK_0f56d2f40f5ec823acf8e8edad1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_webhook_event_source" ON "webhook_event"  ("source_key") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_webhook_event_pending" ON "webhook_event"  ("fanned_out_at", "occurred_at", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "webhook_delivery" ("id" character varying(36) NOT NULL, "endpoint_id" character varying(36) NOT NULL, "event_id" character varying(36) NOT NULL, "status" character varying(16) NOT NULL, "attempts" integer NOT NULL DEFAULT \'0\', "round" integer NOT NULL DEFAULT \'0\', "next_attempt_at" bigint, "lease_until" bigint, "last_attempt_at" bigint, "last_status_code" integer, "last_latency_ms" integer, "last_error" character varying(500), "response_excerpt" character varying(300), "delivered_at" bigint, "created_at" bigint NOT NULL, CONSTRAINT "PK_b1ae290239a778f12399db91354" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_webhook_delivery_due" ON "webhook_delivery"  ("status", "next_attempt_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_webhook_delivery_log" ON "webhook_delivery"  ("endpoint_id", "created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_webhook_delivery_event" ON "webhook_delivery"  ("endpoint_id", "event_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_corridor_state" ADD CONSTRAINT "FK_3aca4720258cfc81e8a39cff0b7" FOREIGN KEY ("corridor_id") REFERENCES "corridor"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_endpoint" ADD CONSTRAINT "FK_6ef3d9cffbc5f80f0fb870e6808" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_endpoint" ADD CONSTRAINT "FK_61da875c2689b01ab03e0477bd4" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_delivery" ADD CONSTRAINT "FK_f53f5aec02217a54927b13e39d9" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoint"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_delivery" ADD CONSTRAINT "FK_b723a573cd78b4cff3404153ad1" FOREIGN KEY ("event_id") REFERENCES "webhook_event"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // Corridors recorded before webhooks: read once without an announcement, then followed like the rest.
    await queryRunner.query(
      'INSERT INTO "webhook_corridor_state" ("corridor_id", "status", "promise", "next_check_at") SELECT "id", NULL, NULL, 0 FROM "corridor"',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "webhook_delivery" DROP CONSTRAINT "FK_b723a573cd78b4cff3404153ad1"',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_delivery" DROP CONSTRAINT "FK_f53f5aec02217a54927b13e39d9"',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_endpoint" DROP CONSTRAINT "FK_61da875c2689b01ab03e0477bd4"',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_endpoint" DROP CONSTRAINT "FK_6ef3d9cffbc5f80f0fb870e6808"',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_corridor_state" DROP CONSTRAINT "FK_3aca4720258cfc81e8a39cff0b7"',
    );
    await queryRunner.query('DROP INDEX "public"."ux_webhook_delivery_event"');
    await queryRunner.query('DROP INDEX "public"."ix_webhook_delivery_log"');
    await queryRunner.query('DROP INDEX "public"."ix_webhook_delivery_due"');
    await queryRunner.query('DROP TABLE "webhook_delivery"');
    await queryRunner.query('DROP INDEX "public"."ix_webhook_event_pending"');
    await queryRunner.query('DROP INDEX "public"."ux_webhook_event_source"');
    await queryRunner.query('DROP TABLE "webhook_event"');
    await queryRunner.query('DROP INDEX "public"."ix_webhook_endpoint_organisation"');
    await queryRunner.query('DROP TABLE "webhook_endpoint"');
    await queryRunner.query('DROP INDEX "public"."ix_webhook_corridor_state_check"');
    await queryRunner.query('DROP TABLE "webhook_corridor_state"');
  }
}
