import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountsAuditFlags1795621505114 implements MigrationInterface {
  name = 'AccountsAuditFlags1795621505114';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_entry" ("seq" SERIAL NOT NULL, "at" bigint NOT NULL, "actor_user_id" character varying(36), "actor_credential" character varying(16), "actor_credential_id" character varying(36), "organisation_id" character varying(36), "action" character varying(48) NOT NULL, "entity" character varying(32) NOT NULL, "entity_id" character varying(36) NOT NULL, "corridor_id" character varying(36), "before" text, "after" text, "request_id" character varying(100), "outcome" character varying(16) NOT NULL, CONSTRAINT "PK_bb4ea39cbd1686232d5fdda3a01" PRIMARY KEY ("seq"))',
    );
    await queryRunner.query('CREATE INDEX "ix_audit_entry_at" ON "audit_entry"  ("at") ');
    await queryRunner.query(
      'CREATE INDEX "ix_audit_entry_corridor" ON "audit_entry"  ("corridor_id", "seq") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_audit_entry_actor" ON "audit_entry"  ("actor_user_id", "seq") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_audit_entry_record" ON "audit_entry"  ("entity", "entity_id", "seq") ',
    );
    await queryRunner.query(
      'CREATE TABLE "flag" ("id" character varying(36) NOT NULL, "corridor_id" character varying(36) NOT NULL, "window_id" character varying(36) NOT NULL, "rule" character varying(32) NOT NULL, "severity" character varying(16) NOT NULL, "raised_at" bigint NOT NULL, "resolved_at" bigint, "acknowledged_at" bigint, "acknowledged_by_id" character varying(36), "acknowledge_note" text, CONSTRAINT "PK_17b74257294fdfd221178a132d4" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_flag_corridor" ON "flag"  ("corridor_id", "raised_at") ');
    await queryRunner.query('CREATE INDEX "ix_flag_open" ON "flag"  ("resolved_at", "raised_at") ');
    await queryRunner.query('CREATE UNIQUE INDEX "ux_flag_window_rule" ON "flag"  ("window_id", "rule") ');
    await queryRunner.query(
      'CREATE TABLE "flag_event" ("seq" SERIAL NOT NULL, "flag_id" character varying(36) NOT NULL, "corridor_id" character varying(36) NOT NULL, "window_id" character varying(36) NOT NULL, "rule" character varying(32) NOT NULL, "severity" character varying(16) NOT NULL, "kind" character varying(16) NOT NULL, "at" bigint NOT NULL, "actor_user_id" character varying(36), CONSTRAINT "PK_43125f50f9364c1ea7d2ba7a292" PRIMARY KEY ("seq"))',
    );
    await queryRunner.query('CREATE INDEX "ix_flag_event_flag" ON "flag_event"  ("flag_id", "seq") ');
    await queryRunner.query('CREATE INDEX "ix_flag_event_corridor" ON "flag_event"  ("corridor_id", "seq") ');
    await queryRunner.query(
      'CREATE TABLE "evaluation_outbox" ("seq" SERIAL NOT NULL, "corridor_id" character varying(36) NOT NULL, "created_at" bigint NOT NULL, "relayed_at" bigint, CONSTRAINT "PK_883c490c1c0d60a0476b39a1330" PRIMARY KEY ("seq"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_evaluation_outbox_pending" ON "evaluation_outbox"  ("relayed_at", "seq") ',
    );
    await queryRunner.query('ALTER TABLE "app_user" ADD "invite_token_hash" character varying(64)');
    await queryRunner.query('ALTER TABLE "app_user" ADD "invite_expires_at" bigint');
    await queryRunner.query('ALTER TABLE "corridor_window" ADD "next_evaluation_at" bigint');
    await queryRunner.query('ALTER TABLE "corridor_window" ADD "evaluated_at" bigint');
    // Existing sessions were last seen, at the latest we know, when they were created.
    await queryRunner.query('ALTER TABLE "user_session" ADD "last_seen_at" bigint');
    await queryRunner.query('UPDATE "user_session" SET "last_seen_at" = "created_at"');
    await queryRunner.query('ALTER TABLE "user_session" ALTER COLUMN "last_seen_at" SET NOT NULL');
    await queryRunner.query('CREATE UNIQUE INDEX "ux_app_user_invite" ON "app_user"  ("invite_token_hash") ');
    await queryRunner.query(
      'CREATE INDEX "ix_corridor_window_next_evaluation" ON "corridor_window"  ("next_evaluation_at") ',
    );
    await queryRunner.query(
      'ALTER TABLE "flag" ADD CONSTRAINT "FK_4eef7e9155ef78fa9ba93e7d0bb" FOREIGN KEY ("corridor_id") REFERENCES "corridor"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "flag" ADD CONSTRAINT "FK_195a34bba8fd5da5feb569f3165" FOREIGN KEY ("window_id") REFERENCES "corridor_window"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "flag" ADD CONSTRAINT "FK_0576e7ba2f976931266abc288d1" FOREIGN KEY ("acknowledged_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "flag_event" ADD CONSTRAINT "FK_bd78d617269b5e6f3d39d864eae" FOREIGN KEY ("flag_id") REFERENCES "flag"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "flag_event" DROP CONSTRAINT "FK_bd78d617269b5e6f3d39d864eae"');
    await queryRunner.query('ALTER TABLE "flag" DROP CONSTRAINT "FK_0576e7ba2f976931266abc288d1"');
    await queryRunner.query('ALTER TABLE "flag" DROP CONSTRAINT "FK_195a34bba8fd5da5feb569f3165"');
    await queryRunner.query('ALTER TABLE "flag" DROP CONSTRAINT "FK_4eef7e9155ef78fa9ba93e7d0bb"');
    await queryRunner.query('DROP INDEX "public"."ix_corridor_window_next_evaluation"');
    await queryRunner.query('DROP INDEX "public"."ux_app_user_invite"');
    await queryRunner.query('ALTER TABLE "user_session" DROP COLUMN "last_seen_at"');
    await queryRunner.query('ALTER TABLE "corridor_window" DROP COLUMN "evaluated_at"');
    await queryRunner.query('ALTER TABLE "corridor_window" DROP COLUMN "next_evaluation_at"');
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "invite_expires_at"');
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "invite_token_hash"');
    await queryRunner.query('DROP INDEX "public"."ix_evaluation_outbox_pending"');
    await queryRunner.query('DROP TABLE "evaluation_outbox"');
    await queryRunner.query('DROP INDEX "public"."ix_flag_event_corridor"');
    await queryRunner.query('DROP INDEX "public"."ix_flag_event_flag"');
    await queryRunner.query('DROP TABLE "flag_event"');
    await queryRunner.query('DROP INDEX "public"."ux_flag_window_rule"');
    await queryRunner.query('DROP INDEX "public"."ix_flag_open"');
    await queryRunner.query('DROP INDEX "public"."ix_flag_corridor"');
    await queryRunner.query('DROP TABLE "flag"');
    await queryRunner.query('DROP INDEX "public"."ix_audit_entry_record"');
    await queryRunner.query('DROP INDEX "public"."ix_audit_entry_actor"');
    await queryRunner.query('DROP INDEX "public"."ix_audit_entry_corridor"');
    await queryRunner.query('DROP INDEX "public"."ix_audit_entry_at"');
    await queryRunner.query('DROP TABLE "audit_entry"');
  }
}
