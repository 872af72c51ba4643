import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Webhooks1796526003471 implements MigrationInterface {
  name = 'Webhooks1796526003471';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "webhook_corridor_state" ("corridor_id" varchar(36) PRIMARY KEY NOT NULL, "status" varchar(16), "promise" varchar(16), "next_check_at" bigint)',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_webhook_corridor_state_check" ON "webhook_corridor_state" ("next_check_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "webhook_endpoint" ("id" varchar(36) PRIMARY KEY NOT NULL, "organisation_id" varchar(36) NOT NULL, "url" varchar(2048) NOT NULL, "description" varchar(500), "events" varchar(500) NOT NULL, "secret" varchar(300) NOT NULL, "failing_since" bigint, "disabled_at" bigint, "disabled_reason" varchar(500), "notice_id" varchar(36), "notice_sent_at" bigint, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, "updated_at" bigint NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_webhook_endpoint_organisation" ON "webhook_endpoint" ("organisation_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "webhook_event" ("id" varchar(36) PRIMARY KEY NOT NULL, "type" varchar(40) NOT NULL, "occurred_at" bigint NOT NULL, "corridor_id" varchar(36), "data" text NOT NULL, "source_key" varchar(80), "fanned_out_at" bigint)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_webhook_event_source" ON "webhook_event" ("source_key") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_webhook_event_pending" ON "webhook_event" ("fanned_out_at", "occurred_at", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "webhook_delivery" ("id" varchar(36) PRIMARY KEY NOT NULL, "endpoint_id" varchar(36) NOT NULL, "event_id" varchar(36) NOT NULL, "status" varchar(16) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "round" integer NOT NULL DEFAULT (0), "next_attempt_at" bigint, "lease_until" bigint, "last_attempt_at" bigint, "last_status_code" integer, "last_latency_ms" integer, "last_error" varchar(500), "response_excerpt" varchar(300), "delivered_at" bigint, "created_at" bigint NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_webhook_delivery_due" ON "webhook_delivery" ("status", "next_attempt_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_webhook_delivery_log" ON "webhook_delivery" ("endpoint_id", "created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_webhook_delivery_event" ON "webhook_delivery" ("endpoint_id", "event_id") ',
    );
    await queryRunner.query('DROP INDEX "ix_webhook_corridor_state_check"');
    await queryRunner.query(
      'CREATE TABLE "temporary_webhook_corridor_state" ("corridor_id" varchar(36) PRIMARY KEY NOT NULL, "status" varchar(16), "promise" varchar(16), "next_check_at" bigint, CONSTRAINT "FK_3aca4720258cfc81e8a39cff0b7" FOREIGN KEY ("corridor_id") REFERENCES "corridor" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_webhook_corridor_state"("corridor_id", "status", "promise", "next_check_at") SELECT "corridor_id", "status", "promise", "next_check_at" FROM "webhook_corridor_state"',
    );
    await queryRunner.query('DROP TABLE "webhook_corridor_state"');
    await queryRunner.query(
      'ALTER TABLE "temporary_webhook_corridor_state" RENAME TO "webhook_corridor_state"',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_webhook_corridor_state_check" ON "webhook_corridor_state" ("next_check_at") ',
    );
    await queryRunner.query('DROP INDEX "ix_webhook_endpoint_organisation"');
    await queryRunner.query(
      'CREATE TABLE "temporary_webhook_endpoint" ("id" varchar(36) PRIMARY KEY NOT NULL, "organisation_id" varchar(36) NOT NULL, "url" varchar(2048) NOT NULL, "description" varchar(500), "events" varchar(500) NOT NULL, "secret" varchar(300) NOT NULL, "failing_since" bigint, "disabled_at" bigint, "disabled_reason" varchar(500), "notice_id" varchar(36), "notice_sent_at" bigint, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, "updated_at" bigint NOT NULL, CONSTRAINT "FK_6ef3d9cffbc5f80f0fb870e6808" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_61da875c2689b01ab03e0477bd4" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_webhook_endpoint"("id", "organisation_id", "url", "description", "events", "secret", "failing_since", "disabled_at", "disabled_reason", "notice_id", "notice_sent_at", "created_by_id", "created_at", "updated_at") SELECT "id", "organisation_id", "url", "description", "events", "secret", "failing_since", "disabled_at", "disabled_reason", "notice_id", "notice_sent_at", "created_by_id", "created_at", "updated_at" FROM "webhook_endpoint"',
    );
    await queryRunner.query('DROP TABLE "webhook_endpoint"');
    await queryRunner.query('ALTER TABLE "temporary_webhook_endpoint" RENAME TO "webhook_endpoint"');
    await queryRunner.query(
      'CREATE INDEX "ix_webhook_endpoint_organisation" ON "webhook_endpoint" ("organisation_id", "created_at") ',
    );
    await queryRunner.query('DROP INDEX "ix_webhook_delivery_due"');
    await queryRunner.query('DROP INDEX "ix_webhook_delivery_log"');
    await queryRunner.query('DROP INDEX "ux_webhook_delivery_event"');
    await queryRunner.query(
      'CREATE TABLE "temporary_webhook_delivery" ("id" varchar(36) PRIMARY KEY NOT NULL, "endpoint_id" varchar(36) NOT NULL, "event_id" varchar(36) NOT NULL, "status" varchar(16) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "round" integer NOT NULL DEFAULT (0), "next_attempt_at" bigint, "lease_until" bigint, "last_attempt_at" bigint, "last_status_code" integer, "last_latency_ms" integer, "last_error" varchar(500), "response_excerpt" varchar(300), "delivered_at" bigint, "created_at" bigint NOT NULL, CONSTRAINT "FK_f53f5aec02217a54927b13e39d9" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoint" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_b723a573cd78b4cff3404153ad1" FOREIGN KEY ("event_id") REFERENCES "webhook_event" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_webhook_delivery"("id", "endpoint_id", "event_id", "status", "attempts", "round", "next_attempt_at", "lease_until", "last_attempt_at", "last_status_code", "last_latency_ms", "last_error", "response_excerpt", "delivered_at", "created_at") SELECT "id", "endpoint_id", "event_id", "status", "attempts", "round", "next_attempt_at", "lease_until", "last_attempt_at", "last_status_code", "last_latency_ms", "last_error", "response_excerpt", "delivered_at", "created_at" FROM "webhook_delivery"',
    );
    await queryRunner.query('DROP TABLE "webhook_delivery"');
    await queryRunner.query('ALTER TABLE "temporary_webhook_delivery" RENAME TO "webhook_delivery"');
    await queryRunner.query(
      'CREATE INDEX "ix_webhook_delivery_due" ON "webhook_delivery" ("status", "next_attempt_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_webhook_delivery_log" ON "webhook_delivery" ("endpoint_id", "created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_webhook_delivery_event" ON "webhook_delivery" ("endpoint_id", "event_id") ',
    );
    // Corridors recorded before webhooks: read once without an announcement, then followed like the rest.
    await queryRunner.query(
      'INSERT INTO "webhook_corridor_state" ("corridor_id", "status", "promise", "next_check_at") SELECT "id", NULL, NULL, 0 FROM "corridor"',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ux_webhook_delivery_event"');
    await queryRunner.query('DROP INDEX "ix_webhook_delivery_log"');
    await queryRunner.query('DROP INDEX "ix_webhook_delivery_due"');
    await queryRunner.query('ALTER TABLE "webhook_delivery" RENAME TO "temporary_webhook_delivery"');
    await queryRunner.query(
      'CREATE TABLE "webhook_delivery" ("id" varchar(36) PRIMARY KEY NOT NULL, "endpoint_id" varchar(36) NOT NULL, "event_id" varchar(36) NOT NULL, "status" varchar(16) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "round" integer NOT NULL DEFAULT (0), "next_attempt_at" bigint, "lease_until" bigint, "last_attempt_at" bigint, "last_status_code" integer, "last_latency_ms" integer, "last_error" varchar(500), "response_excerpt" varchar(300), "delivered_at" bigint, "created_at" bigint NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "webhook_delivery"("id", "endpoint_id", "event_id", "status", "attempts", "round", "next_attempt_at", "lease_until", "last_attempt_at", "last_status_code", "last_latency_ms", "last_error", "response_excerpt", "delivered_at", "created_at") SELECT "id", "endpoint_id", "event_id", "status", "attempts", "round", "next_attempt_at", "lease_until", "last_attempt_at", "last_status_code", "last_latency_ms", "last_error", "response_excerpt", "delivered_at", "created_at" FROM "temporary_webhook_delivery"',
    );
    await queryRunner.query('DROP TABLE "temporary_webhook_delivery"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_webhook_delivery_event" ON "webhook_delivery" ("endpoint_id", "event_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_webhook_delivery_log" ON "webhook_delivery" ("endpoint_id", "created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_webhook_delivery_due" ON "webhook_delivery" ("status", "next_attempt_at") ',
    );
    await queryRunner.query('DROP INDEX "ix_webhook_endpoint_organisation"');
    await queryRunner.query('ALTER TABLE "webhook_endpoint" RENAME TO "temporary_webhook_endpoint"');
    await queryRunner.query(
      'CREATE TABLE "webhook_endpoint" ("id" varchar(36) PRIMARY KEY NOT NULL, "organisation_id" varchar(36) NOT NULL, "url" varchar(2048) NOT NULL, "description" varchar(500), "events" varchar(500) NOT NULL, "secret" varchar(300) NOT NULL, "failing_since" bigint, "disabled_at" bigint, "disabled_reason" varchar(500), "notice_id" varchar(36), "notice_sent_at" bigint, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, "updated_at" bigint NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "webhook_endpoint"("id", "organisation_id", "url", "description", "events", "secret", "failing_since", "disabled_at", "disabled_reason", "notice_id", "notice_sent_at", "created_by_id", "created_at", "updated_at") SELECT "id", "organisation_id", "url", "description", "events", "secret", "failing_since", "disabled_at", "disabled_reason", "notice_id", "notice_sent_at", "created_by_id", "created_at", "updated_at" FROM "temporary_webhook_endpoint"',
    );
    await queryRunner.query('DROP TABLE "temporary_webhook_endpoint"');
    await queryRunner.query(
      'CREATE INDEX "ix_webhook_endpoint_organisation" ON "webhook_endpoint" ("organisation_id", "created_at") ',
    );
    await queryRunner.query('DROP INDEX "ix_webhook_corridor_state_check"');
    await queryRunner.query(
      'ALTER TABLE "webhook_corridor_state" RENAME TO "temporary_webhook_corridor_state"',
    );
    await queryRunner.query(
      'CREATE TABLE "webhook_corridor_state" ("corridor_id" varchar(36) PRIMARY KEY NOT NULL, "status" varchar(16), "promise" varchar(16), "next_check_at" bigint)',
    );
    await queryRunner.query(
      'INSERT INTO "webhook_corridor_state"("corridor_id", "status", "promise", "next_check_at") SELECT "corridor_id", "status", "promise", "next_check_at" FROM "temporary_webhook_corridor_state"',
    );
    await queryRunner.query('DROP TABLE "temporary_webhook_corridor_state"');
    await queryRunner.query(
      'CREATE INDEX "ix_webhook_corridor_state_check" ON "webhook_corridor_state" ("next_check_at") ',
    );
    await queryRunner.query('DROP INDEX "ux_webhook_delivery_event"');
    await queryRunner.query('DROP INDEX "ix_webhook_delivery_log"');
    await queryRunner.query('DROP INDEX "ix_webhook_delivery_due"');
    await queryRunner.query('DROP TABLE "webhook_delivery"');
    await queryRunner.query('DROP INDEX "ix_webhook_event_pending"');
    await queryRunner.query('DROP INDEX "ux_webhook_event_source"');
    await queryRunner.query('DROP TABLE "webhook_event"');
    await queryRunner.query('DROP INDEX "ix_webhook_endpoint_organisation"');
    await queryRunner.query('DROP TABLE "webhook_endpoint"');
    await queryRunner.query('DROP INDEX "ix_webhook_corridor_state_check"');
    await queryRunner.query('DROP TABLE "webhook_corridor_state"');
  }
}
