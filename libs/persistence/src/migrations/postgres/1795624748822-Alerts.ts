import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Alerts1795624748822 implements MigrationInterface {
  name = 'Alerts1795624748822';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "alert_cursor" ("name" character varying(32) NOT NULL, "seq" integer NOT NULL DEFAULT \'0\', "gap_seen_at" bigint, CONSTRAINT "PK_b7f7e2047d25d873a5a97d0c423" PRIMARY KEY ("name"))',
    );
    await queryRunner.query(
      'CREATE TABLE "subscription" ("id" character varying(36) NOT NULL, "organisation_id" character varying(36) NOT NULL, "email" character varying(320) NOT NULL, "mode" character varying(16) NOT NULL, "digest_hour" integer, "timezone" character varying(64) NOT NULL, "min_severity" character varying(16) NOT NULL, "corridor_ids" text, "party_ids" text, "next_digest_at" bigint, "last_digest_at" bigint, "created_by_id" character varying(36), "created_at" bigint NOT NULL, "ended_at" bigint, "end_reason" character varying(16), CONSTRAINT "PK_8c3e00ebd02103caa1174cd5d9d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_subscription_next_digest" ON "subscription"  ("next_digest_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_subscription_mode" ON "subscription"  ("mode", "ended_at", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_subscription_organisation" ON "subscription"  ("organisation_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "alert_delivery" ("id" character varying(36) NOT NULL, "subscription_id" character varying(36) NOT NULL, "kind" character varying(16) NOT NULL, "flag_id" character varying(36), "digest_on" character varying(10), "period_from" bigint, "period_to" bigint, "email" character varying(320) NOT NULL, "status" character varying(16) NOT NULL, "attempts" integer NOT NULL DEFAULT \'0\', "next_attempt_at" bigint NOT NULL, "lease_until" bigint, "last_error" text, "created_at" bigint NOT NULL, "sent_at" bigint, CONSTRAINT "PK_c525535867340bf8eef9ac9721d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_alert_delivery_created" ON "alert_delivery"  ("created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_alert_delivery_due" ON "alert_delivery"  ("status", "next_attempt_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_alert_delivery_digest" ON "alert_delivery"  ("subscription_id", "digest_on") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_alert_delivery_flag" ON "alert_delivery"  ("subscription_id", "flag_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "subscription" ADD CONSTRAINT "FK_095bfa54134eed6fc939c400145" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "subscription" ADD CONSTRAINT "FK_f90d98312cb04f23fc8931349b1" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "alert_delivery" ADD CONSTRAINT "FK_8270753319a8448ca7293108d7c" FOREIGN KEY ("subscription_id") REFERENCES "subscription"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "alert_delivery" ADD CONSTRAINT "FK_beb84020295c92261d0e26a2527" FOREIGN KEY ("flag_id") REFERENCES "flag"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "alert_delivery" DROP CONSTRAINT "FK_beb84020295c92261d0e26a2527"');
    await queryRunner.query('ALTER TABLE "alert_delivery" DROP CONSTRAINT "FK_8270753319a8448ca7293108d7c"');
    await queryRunner.query('ALTER TABLE "subscription" DROP CONSTRAINT "FK_f90d98312cb04f23fc8931349b1"');
    await queryRunner.query('ALTER TABLE "subscription" DROP CONSTRAINT "FK_095bfa54134eed6fc939c400145"');
    await queryRunner.query('DROP INDEX "public"."ux_alert_delivery_flag"');
    await queryRunner.query('DROP INDEX "public"."ux_alert_delivery_digest"');
    await queryRunner.query('DROP INDEX "public"."ix_alert_delivery_due"');
    await queryRunner.query('DROP INDEX "public"."ix_alert_delivery_created"');
    await queryRunner.query('DROP TABLE "alert_delivery"');
    await queryRunner.query('DROP INDEX "public"."ix_subscription_organisation"');
    await queryRunner.query('DROP INDEX "public"."ix_subscription_mode"');
    await queryRunner.query('DROP INDEX "public"."ix_subscription_next_digest"');
    await queryRunner.query('DROP TABLE "subscription"');
    await queryRunner.query('DROP TABLE "alert_cursor"');
  }
}
