import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Alerts1795624748822 implements MigrationInterface {
  name = 'Alerts1795624748822';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "alert_cursor" ("name" varchar(32) PRIMARY KEY NOT NULL, "seq" integer NOT NULL DEFAULT (0), "gap_seen_at" bigint)',
    );
    await queryRunner.query(
      'CREATE TABLE "subscription" ("id" varchar(36) PRIMARY KEY NOT NULL, "organisation_id" varchar(36) NOT NULL, "email" varchar(320) NOT NULL, "mode" varchar(16) NOT NULL, "digest_hour" integer, "timezone" varchar(64) NOT NULL, "min_severity" varchar(16) NOT NULL, "corridor_ids" text, "party_ids" text, "next_digest_at" bigint, "last_digest_at" bigint, "created_by_id" varchar(36), "created_at" bigint NOT NULL, "ended_at" bigint, "end_reason" varchar(16))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_subscription_next_digest" ON "subscription" ("next_digest_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_subscription_mode" ON "subscription" ("mode", "ended_at", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_subscription_organisation" ON "subscription" ("organisation_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "alert_delivery" ("id" varchar(36) PRIMARY KEY NOT NULL, "subscription_id" varchar(36) NOT NULL, "kind" varchar(16) NOT NULL, "flag_id" varchar(36), "digest_on" varchar(10), "period_from" bigint, "period_to" bigint, "email" varchar(320) NOT NULL, "status" varchar(16) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "next_attempt_at" bigint NOT NULL, "lease_until" bigint, "last_error" text, "created_at" bigint NOT NULL, "sent_at" bigint)',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_alert_delivery_created" ON "alert_delivery" ("created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_alert_delivery_due" ON "alert_delivery" ("status", "next_attempt_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_alert_delivery_digest" ON "alert_delivery" ("subscription_id", "digest_on") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_alert_delivery_flag" ON "alert_delivery" ("subscription_id", "flag_id") ',
    );
    await queryRunner.query('DROP INDEX "ix_subscription_next_digest"');
    await queryRunner.query('DROP INDEX "ix_subscription_mode"');
    await queryRunner.query('DROP INDEX "ix_subscription_organisation"');
    await queryRunner.query(
      'CREATE TABLE "temporary_subscription" ("id" varchar(36) PRIMARY KEY NOT NULL, "organisation_id" varchar(36) NOT NULL, "email" varchar(320) NOT NULL, "mode" varchar(16) NOT NULL, "digest_hour" integer, "timezone" varchar(64) NOT NULL, "min_severity" varchar(16) NOT NULL, "corridor_ids" text, "party_ids" text, "next_digest_at" bigint, "last_digest_at" bigint, "created_by_id" varchar(36), "created_at" bigint NOT NULL, "ended_at" bigint, "end_reason" varchar(16), CONSTRAINT "FK_095bfa54134eed6fc939c400145" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_f90d98312cb04f23fc8931349b1" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_subscription"("id", "organisation_id", "email", "mode", "digest_hour", "timezone", "min_severity", "corridor_ids", "party_ids", "next_digest_at", "last_digest_at", "created_by_id", "created_at", "ended_at", "end_reason") SELECT "id", "organisation_id", "email", "mode", "digest_hour", "timezone", "min_severity", "corridor_ids", "party_ids", "next_digest_at", "last_digest_at", "created_by_id", "created_at", "ended_at", "end_reason" FROM "subscription"',
    );
    await queryRunner.query('DROP TABLE "subscription"');
    await queryRunner.query('ALTER TABLE "temporary_subscription" RENAME TO "subscription"');
    await queryRunner.query(
      'CREATE INDEX "ix_subscription_next_digest" ON "subscription" ("next_digest_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_subscription_mode" ON "subscription" ("mode", "ended_at", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_subscription_organisation" ON "subscription" ("organisation_id", "created_at") ',
    );
    await queryRunner.query('DROP INDEX "ix_alert_delivery_created"');
    await queryRunner.query('DROP INDEX "ix_alert_delivery_due"');
    await queryRunner.query('DROP INDEX "ux_alert_delivery_digest"');
    await queryRunner.query('DROP INDEX "ux_alert_delivery_flag"');
    await queryRunner.query(
      'CREATE TABLE "temporary_alert_delivery" ("id" varchar(36) PRIMARY KEY NOT NULL, "subscription_id" varchar(36) NOT NULL, "kind" varchar(16) NOT NULL, "flag_id" varchar(36), "digest_on" varchar(10), "period_from" bigint, "period_to" bigint, "email" varchar(320) NOT NULL, "status" varchar(16) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "next_attempt_at" bigint NOT NULL, "lease_until" bigint, "last_error" text, "created_at" bigint NOT NULL, "sent_at" bigint, CONSTRAINT "FK_8270753319a8448ca7293108d7c" FOREIGN KEY ("subscription_id") REFERENCES "subscription" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_beb84020295c92261d0e26a2527" FOREIGN KEY ("flag_id") REFERENCES "flag" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_alert_delivery"("id", "subscription_id", "kind", "flag_id", "digest_on", "period_from", "period_to", "email", "status", "attempts", "next_attempt_at", "lease_until", "last_error", "created_at", "sent_at") SELECT "id", "subscription_id", "kind", "flag_id", "digest_on", "period_from", "period_to", "email", "status", "attempts", "next_attempt_at", "lease_until", "last_error", "created_at", "sent_at" FROM "alert_delivery"',
    );
    await queryRunner.query('DROP TABLE "alert_delivery"');
    await queryRunner.query('ALTER TABLE "temporary_alert_delivery" RENAME TO "alert_delivery"');
    await queryRunner.query(
      'CREATE INDEX "ix_alert_delivery_created" ON "alert_delivery" ("created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_alert_delivery_due" ON "alert_delivery" ("status", "next_attempt_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_alert_delivery_digest" ON "alert_delivery" ("subscription_id", "digest_on") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_alert_delivery_flag" ON "alert_delivery" ("subscription_id", "flag_id") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ux_alert_delivery_flag"');
    await queryRunner.query('DROP INDEX "ux_alert_delivery_digest"');
    await queryRunner.query('DROP INDEX "ix_alert_delivery_due"');
    await queryRunner.query('DROP INDEX "ix_alert_delivery_created"');
    await queryRunner.query('ALTER TABLE "alert_delivery" RENAME TO "temporary_alert_delivery"');
    await queryRunner.query(
      'CREATE TABLE "alert_delivery" ("id" varchar(36) PRIMARY KEY NOT NULL, "subscription_id" varchar(36) NOT NULL, "kind" varchar(16) NOT NULL, "flag_id" varchar(36), "digest_on" varchar(10), "period_from" bigint, "period_to" bigint, "email" varchar(320) NOT NULL, "status" varchar(16) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "next_attempt_at" bigint NOT NULL, "lease_until" bigint, "last_error" text, "created_at" bigint NOT NULL, "sent_at" bigint)',
    );
    await queryRunner.query(
      'INSERT INTO "alert_delivery"("id", "subscription_id", "kind", "flag_id", "digest_on", "period_from", "period_to", "email", "status", "attempts", "next_attempt_at", "lease_until", "last_error", "created_at", "sent_at") SELECT "id", "subscription_id", "kind", "flag_id", "digest_on", "period_from", "period_to", "email", "status", "attempts", "next_attempt_at", "lease_until", "last_error", "created_at", "sent_at" FROM "temporary_alert_delivery"',
    );
    await queryRunner.query('DROP TABLE "temporary_alert_delivery"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_alert_delivery_flag" ON "alert_delivery" ("subscription_id", "flag_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_alert_delivery_digest" ON "alert_delivery" ("subscription_id", "digest_on") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_alert_delivery_due" ON "alert_delivery" ("status", "next_attempt_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_alert_delivery_created" ON "alert_delivery" ("created_at", "id") ',
    );
    await queryRunner.query('DROP INDEX "ix_subscription_organisation"');
    await queryRunner.query('DROP INDEX "ix_subscription_mode"');
    await queryRunner.query('DROP INDEX "ix_subscription_next_digest"');
    await queryRunner.query('ALTER TABLE "subscription" RENAME TO "temporary_subscription"');
    await queryRunner.query(
      'CREATE TABLE "subscription" ("id" varchar(36) PRIMARY KEY NOT NULL, "organisation_id" varchar(36) NOT NULL, "email" varchar(320) NOT NULL, "mode" varchar(16) NOT NULL, "digest_hour" integer, "timezone" varchar(64) NOT NULL, "min_severity" varchar(16) NOT NULL, "corridor_ids" text, "party_ids" text, "next_digest_at" bigint, "last_digest_at" bigint, "created_by_id" varchar(36), "created_at" bigint NOT NULL, "ended_at" bigint, "end_reason" varchar(16))',
    );
    await queryRunner.query(
      'INSERT INTO "subscription"("id", "organisation_id", "email", "mode", "digest_hour", "timezone", "min_severity", "corridor_ids", "party_ids", "next_digest_at", "last_digest_at", "created_by_id", "created_at", "ended_at", "end_reason") SELECT "id", "organisation_id", "email", "mode", "digest_hour", "timezone", "min_severity", "corridor_ids", "party_ids", "next_digest_at", "last_digest_at", "created_by_id", "created_at", "ended_at", "end_reason" FROM "temporary_subscription"',
    );
    await queryRunner.query('DROP TABLE "temporary_subscription"');
    await queryRunner.query(
      'CREATE INDEX "ix_subscription_organisation" ON "subscription" ("organisation_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_subscription_mode" ON "subscription" ("mode", "ended_at", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_subscription_next_digest" ON "subscription" ("next_digest_at") ',
    );
    await queryRunner.query('DROP INDEX "ux_alert_delivery_flag"');
    await queryRunner.query('DROP INDEX "ux_alert_delivery_digest"');
    await queryRunner.query('DROP INDEX "ix_alert_delivery_due"');
    await queryRunner.query('DROP INDEX "ix_alert_delivery_created"');
    await queryRunner.query('DROP TABLE "alert_delivery"');
    await queryRunner.query('DROP INDEX "ix_subscription_organisation"');
    await queryRunner.query('DROP INDEX "ix_subscription_mode"');
    await queryRunner.query('DROP INDEX "ix_subscription_next_digest"');
    await queryRunner.query('DROP TABLE "subscription"');
    await queryRunner.query('DROP TABLE "alert_cursor"');
  }
}
