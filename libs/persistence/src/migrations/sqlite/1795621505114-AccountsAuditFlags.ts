import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountsAuditFlags1795621505114 implements MigrationInterface {
  name = 'AccountsAuditFlags1795621505114';

  // Existing sessions get last_seen_at = created_at: the latest activity we know of.
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_entry" ("seq" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" bigint NOT NULL, "actor_user_id" varchar(36), "actor_credential" varchar(16), "actor_credential_id" varchar(36), "organisation_id" varchar(36), "action" varchar(48) NOT NULL, "entity" varchar(32) NOT NULL, "entity_id" varchar(36) NOT NULL, "corridor_id" varchar(36), "before" text, "after" text, "request_id" varchar(100), "outcome" varchar(16) NOT NULL)',
    );
    await queryRunner.query('CREATE INDEX "ix_audit_entry_at" ON "audit_entry" ("at") ');
    await queryRunner.query(
      'CREATE INDEX "ix_audit_entry_corridor" ON "audit_entry" ("corridor_id", "seq") ',
    );
    await queryRunner.query('CREATE INDEX "ix_audit_entry_actor" ON "audit_entry" ("actor_user_id", "seq") ');
    await queryRunner.query(
      'CREATE INDEX "ix_audit_entry_record" ON "audit_entry" ("entity", "entity_id", "seq") ',
    );
    await queryRunner.query(
      'CREATE TABLE "flag" ("id" varchar(36) PRIMARY KEY NOT NULL, "corridor_id" varchar(36) NOT NULL, "window_id" varchar(36) NOT NULL, "rule" varchar(32) NOT NULL, "severity" varchar(16) NOT NULL, "raised_at" bigint NOT NULL, "resolved_at" bigint, "acknowledged_at" bigint, "acknowledged_by_id" varchar(36), "acknowledge_note" text)',
    );
    await queryRunner.query('CREATE INDEX "ix_flag_corridor" ON "flag" ("corridor_id", "raised_at") ');
    await queryRunner.query('CREATE INDEX "ix_flag_open" ON "flag" ("resolved_at", "raised_at") ');
    await queryRunner.query('CREATE UNIQUE INDEX "ux_flag_window_rule" ON "flag" ("window_id", "rule") ');
    await queryRunner.query(
      'CREATE TABLE "flag_event" ("seq" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "flag_id" varchar(36) NOT NULL, "corridor_id" varchar(36) NOT NULL, "window_id" varchar(36) NOT NULL, "rule" varchar(32) NOT NULL, "severity" varchar(16) NOT NULL, "kind" varchar(16) NOT NULL, "at" bigint NOT NULL, "actor_user_id" varchar(36))',
    );
    await queryRunner.query('CREATE INDEX "ix_flag_event_flag" ON "flag_event" ("flag_id", "seq") ');
    await queryRunner.query('CREATE INDEX "ix_flag_event_corridor" ON "flag_event" ("corridor_id", "seq") ');
    await queryRunner.query(
      'CREATE TABLE "evaluation_outbox" ("seq" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "corridor_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, "relayed_at" bigint)',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_evaluation_outbox_pending" ON "evaluation_outbox" ("relayed_at", "seq") ',
    );
    await queryRunner.query('DROP INDEX "ix_app_user_organisation"');
    await queryRunner.query('DROP INDEX "ux_app_user_email"');
    await queryRunner.query(
      'CREATE TABLE "temporary_app_user" ("id" varchar(36) PRIMARY KEY NOT NULL, "email" varchar(320) NOT NULL, "display_name" varchar(200) NOT NULL, "organisation_id" varchar(36) NOT NULL, "role" varchar(16) NOT NULL, "password_hash" text, "disabled_at" bigint, "created_at" bigint NOT NULL, "updated_at" bigint NOT NULL, "invite_token_hash" varchar(64), "invite_expires_at" bigint, CONSTRAINT "FK_6fa42e978fa7d7adc32736e26fd" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_app_user"("id", "email", "display_name", "organisation_id", "role", "password_hash", "disabled_at", "created_at", "updated_at") SELECT "id", "email", "display_name", "organisation_id", "role", "password_hash", "disabled_at", "created_at", "updated_at" FROM "app_user"',
    );
    await queryRunner.query('DROP TABLE "app_user"');
    await queryRunner.query('ALTER TABLE "temporary_app_user" RENAME TO "app_user"');
    await queryRunner.query('CREATE INDEX "ix_app_user_organisation" ON "app_user" ("organisation_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "ux_app_user_email" ON "app_user" ("email") ');
    await queryRunner.query('DROP INDEX "ix_corridor_window_corridor"');
    await queryRunner.query('DROP INDEX "ix_corridor_window_span"');
    await queryRunner.query('DROP INDEX "ix_corridor_window_ends"');
    await queryRunner.query(
      'CREATE TABLE "temporary_corridor_window" ("id" varchar(36) PRIMARY KEY NOT NULL, "corridor_id" varchar(36) NOT NULL, "starts_at" bigint NOT NULL, "ends_at" bigint NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, "next_evaluation_at" bigint, "evaluated_at" bigint, CONSTRAINT "FK_707ce58b641a02251976004fbe7" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_f29445134bb43f94fe55e321421" FOREIGN KEY ("corridor_id") REFERENCES "corridor" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_corridor_window"("id", "corridor_id", "starts_at", "ends_at", "created_by_id", "created_at") SELECT "id", "corridor_id", "starts_at", "ends_at", "created_by_id", "created_at" FROM "corridor_window"',
    );
    await queryRunner.query('DROP TABLE "corridor_window"');
    await queryRunner.query('ALTER TABLE "temporary_corridor_window" RENAME TO "corridor_window"');
    await queryRunner.query(
      'CREATE INDEX "ix_corridor_window_corridor" ON "corridor_window" ("corridor_id", "starts_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_corridor_window_span" ON "corridor_window" ("starts_at", "ends_at") ',
    );
    await queryRunner.query('CREATE INDEX "ix_corridor_window_ends" ON "corridor_window" ("ends_at") ');
    await queryRunner.query('DROP INDEX "ix_user_session_user"');
    await queryRunner.query('DROP INDEX "ux_user_session_token"');
    await queryRunner.query(
      'CREATE TABLE "temporary_user_session" ("id" varchar(36) PRIMARY KEY NOT NULL, "token_hash" varchar(64) NOT NULL, "user_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, "expires_at" bigint NOT NULL, "revoked_at" bigint, "last_seen_at" bigint NOT NULL, CONSTRAINT "FK_13275383dcdf095ee29f2b3455a" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_user_session"("id", "token_hash", "user_id", "created_at", "expires_at", "revoked_at", "last_seen_at") SELECT "id", "token_hash", "user_id", "created_at", "expires_at", "revoked_at", "created_at" FROM "user_session"',
    );
    await queryRunner.query('DROP TABLE "user_session"');
    await queryRunner.query('ALTER TABLE "temporary_user_session" RENAME TO "user_session"');
    await queryRunner.query('CREATE INDEX "ix_user_session_user" ON "user_session" ("user_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "ux_user_session_token" ON "user_session" ("token_hash") ');
    await queryRunner.query('CREATE UNIQUE INDEX "ux_app_user_invite" ON "app_user" ("invite_token_hash") ');
    await queryRunner.query(
      'CREATE INDEX "ix_corridor_window_next_evaluation" ON "corridor_window" ("next_evaluation_at") ',
    );
    await queryRunner.query('DROP INDEX "ix_flag_corridor"');
    await queryRunner.query('DROP INDEX "ix_flag_open"');
    await queryRunner.query('DROP INDEX "ux_flag_window_rule"');
    await queryRunner.query(
      'CREATE TABLE "temporary_flag" ("id" varchar(36) PRIMARY KEY NOT NULL, "corridor_id" varchar(36) NOT NULL, "window_id" varchar(36) NOT NULL, "rule" varchar(32) NOT NULL, "severity" varchar(16) NOT NULL, "raised_at" bigint NOT NULL, "resolved_at" bigint, "acknowledged_at" bigint, "acknowledged_by_id" varchar(36), "acknowledge_note" text, CONSTRAINT "FK_4eef7e9155ef78fa9ba93e7d0bb" FOREIGN KEY ("corridor_id") REFERENCES "corridor" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_195a34bba8fd5da5feb569f3165" FOREIGN KEY ("window_id") REFERENCES "corridor_window" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_0576e7ba2f976931266abc288d1" FOREIGN KEY ("acknowledged_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_flag"("id", "corridor_id", "window_id", "rule", "severity", "raised_at", "resolved_at", "acknowledged_at", "acknowledged_by_id", "acknowledge_note") SELECT "id", "corridor_id", "window_id", "rule", "severity", "raised_at", "resolved_at", "acknowledged_at", "acknowledged_by_id", "acknowledge_note" FROM "flag"',
    );
    await queryRunner.query('DROP TABLE "flag"');
    await queryRunner.query('ALTER TABLE "temporary_flag" RENAME TO "flag"');
    await queryRunner.query('CREATE INDEX "ix_flag_corridor" ON "flag" ("corridor_id", "raised_at") ');
    await queryRunner.query('CREATE INDEX "ix_flag_open" ON "flag" ("resolved_at", "raised_at") ');
    await queryRunner.query('CREATE UNIQUE INDEX "ux_flag_window_rule" ON "flag" ("window_id", "rule") ');
    await queryRunner.query('DROP INDEX "ix_flag_event_flag"');
    await queryRunner.query('DROP INDEX "ix_flag_event_corridor"');
    await queryRunner.query(
      'CREATE TABLE "temporary_flag_event" ("seq" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "flag_id" varchar(36) NOT NULL, "corridor_id" varchar(36) NOT NULL, "window_id" varchar(36) NOT NULL, "rule" varchar(32) NOT NULL, "severity" varchar(16) NOT NULL, "kind" varchar(16) NOT NULL, "at" bigint NOT NULL, "actor_user_id" varchar(36), CONSTRAINT "FK_bd78d617269b5e6f3d39d864eae" FOREIGN KEY ("flag_id") REFERENCES "flag" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_flag_event"("seq", "flag_id", "corridor_id", "window_id", "rule", "severity", "kind", "at", "actor_user_id") SELECT "seq", "flag_id", "corridor_id", "window_id", "rule", "severity", "kind", "at", "actor_user_id" FROM "flag_event"',
    );
    await queryRunner.query('DROP TABLE "flag_event"');
    await queryRunner.query('ALTER TABLE "temporary_flag_event" RENAME TO "flag_event"');
    await queryRunner.query('CREATE INDEX "ix_flag_event_flag" ON "flag_event" ("flag_id", "seq") ');
    await queryRunner.query('CREATE INDEX "ix_flag_event_corridor" ON "flag_event" ("corridor_id", "seq") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_flag_event_corridor"');
    await queryRunner.query('DROP INDEX "ix_flag_event_flag"');
    await queryRunner.query('ALTER TABLE "flag_event" RENAME TO "temporary_flag_event"');
    await queryRunner.query(
      'CREATE TABLE "flag_event" ("seq" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "flag_id" varchar(36) NOT NULL, "corridor_id" varchar(36) NOT NULL, "window_id" varchar(36) NOT NULL, "rule" varchar(32) NOT NULL, "severity" varchar(16) NOT NULL, "kind" varchar(16) NOT NULL, "at" bigint NOT NULL, "actor_user_id" varchar(36))',
    );
    await queryRunner.query(
      'INSERT INTO "flag_event"("seq", "flag_id", "corridor_id", "window_id", "rule", "severity", "kind", "at", "actor_user_id") SELECT "seq", "flag_id", "corridor_id", "window_id", "rule", "severity", "kind", "at", "actor_user_id" FROM "temporary_flag_event"',
    );
    await queryRunner.query('DROP TABLE "temporary_flag_event"');
    await queryRunner.query('CREATE INDEX "ix_flag_event_corridor" ON "flag_event" ("corridor_id", "seq") ');
    await queryRunner.query('CREATE INDEX "ix_flag_event_flag" ON "flag_event" ("flag_id", "seq") ');
    await queryRunner.query('DROP INDEX "ux_flag_window_rule"');
    await queryRunner.query('DROP INDEX "ix_flag_open"');
    await queryRunner.query('DROP INDEX "ix_flag_corridor"');
    await queryRunner.query('ALTER TABLE "flag" RENAME TO "temporary_flag"');
    await queryRunner.query(
      'CREATE TABLE "flag" ("id" varchar(36) PRIMARY KEY NOT NULL, "corridor_id" varchar(36) NOT NULL, "window_id" varchar(36) NOT NULL, "rule" varchar(32) NOT NULL, "severity" varchar(16) NOT NULL, "raised_at" bigint NOT NULL, "resolved_at" bigint, "acknowledged_at" bigint, "acknowledged_by_id" varchar(36), "acknowledge_note" text)',
    );
    await queryRunner.query(
      'INSERT INTO "flag"("id", "corridor_id", "window_id", "rule", "severity", "raised_at", "resolved_at", "acknowledged_at", "acknowledged_by_id", "acknowledge_note") SELECT "id", "corridor_id", "window_id", "rule", "severity", "raised_at", "resolved_at", "acknowledged_at", "acknowledged_by_id", "acknowledge_note" FROM "temporary_flag"',
    );
    await queryRunner.query('DROP TABLE "temporary_flag"');
    await queryRunner.query('CREATE UNIQUE INDEX "ux_flag_window_rule" ON "flag" ("window_id", "rule") ');
    await queryRunner.query('CREATE INDEX "ix_flag_open" ON "flag" ("resolved_at", "raised_at") ');
    await queryRunner.query('CREATE INDEX "ix_flag_corridor" ON "flag" ("corridor_id", "raised_at") ');
    await queryRunner.query('DROP INDEX "ix_corridor_window_next_evaluation"');
    await queryRunner.query('DROP INDEX "ux_app_user_invite"');
    await queryRunner.query('DROP INDEX "ux_user_session_token"');
    await queryRunner.query('DROP INDEX "ix_user_session_user"');
    await queryRunner.query('ALTER TABLE "user_session" RENAME TO "temporary_user_session"');
    await queryRunner.query(
      'CREATE TABLE "user_session" ("id" varchar(36) PRIMARY KEY NOT NULL, "token_hash" varchar(64) NOT NULL, "user_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, "expires_at" bigint NOT NULL, "revoked_at" bigint, CONSTRAINT "FK_13275383dcdf095ee29f2b3455a" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "user_session"("id", "token_hash", "user_id", "created_at", "expires_at", "revoked_at") SELECT "id", "token_hash", "user_id", "created_at", "expires_at", "revoked_at" FROM "temporary_user_session"',
    );
    await queryRunner.query('DROP TABLE "temporary_user_session"');
    await queryRunner.query('CREATE UNIQUE INDEX "ux_user_session_token" ON "user_session" ("token_hash") ');
    await queryRunner.query('CREATE INDEX "ix_user_session_user" ON "user_session" ("user_id") ');
    await queryRunner.query('DROP INDEX "ix_corridor_window_ends"');
    await queryRunner.query('DROP INDEX "ix_corridor_window_span"');
    await queryRunner.query('DROP INDEX "ix_corridor_window_corridor"');
    await queryRunner.query('ALTER TABLE "corridor_window" RENAME TO "temporary_corridor_window"');
    await queryRunner.query(
      'CREATE TABLE "corridor_window" ("id" varchar(36) PRIMARY KEY NOT NULL, "corridor_id" varchar(36) NOT NULL, "starts_at" bigint NOT NULL, "ends_at" bigint NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, CONSTRAINT "FK_707ce58b641a02251976004fbe7" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_f29445134bb43f94fe55e321421" FOREIGN KEY ("corridor_id") REFERENCES "corridor" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "corridor_window"("id", "corridor_id", "starts_at", "ends_at", "created_by_id", "created_at") SELECT "id", "corridor_id", "starts_at", "ends_at", "created_by_id", "created_at" FROM "temporary_corridor_window"',
    );
    await queryRunner.query('DROP TABLE "temporary_corridor_window"');
    await queryRunner.query('CREATE INDEX "ix_corridor_window_ends" ON "corridor_window" ("ends_at") ');
    await queryRunner.query(
      'CREATE INDEX "ix_corridor_window_span" ON "corridor_window" ("starts_at", "ends_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_corridor_window_corridor" ON "corridor_window" ("corridor_id", "starts_at") ',
    );
    await queryRunner.query('DROP INDEX "ux_app_user_email"');
    await queryRunner.query('DROP INDEX "ix_app_user_organisation"');
    await queryRunner.query('ALTER TABLE "app_user" RENAME TO "temporary_app_user"');
    await queryRunner.query(
      'CREATE TABLE "app_user" ("id" varchar(36) PRIMARY KEY NOT NULL, "email" varchar(320) NOT NULL, "display_name" varchar(200) NOT NULL, "organisation_id" varchar(36) NOT NULL, "role" varchar(16) NOT NULL, "password_hash" text, "disabled_at" bigint, "created_at" bigint NOT NULL, "updated_at" bigint NOT NULL, CONSTRAINT "FK_6fa42e978fa7d7adc32736e26fd" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "app_user"("id", "email", "display_name", "organisation_id", "role", "password_hash", "disabled_at", "created_at", "updated_at") SELECT "id", "email", "display_name", "organisation_id", "role", "password_hash", "disabled_at", "created_at", "updated_at" FROM "temporary_app_user"',
    );
    await queryRunner.query('DROP TABLE "temporary_app_user"');
    await queryRunner.query('CREATE UNIQUE INDEX "ux_app_user_email" ON "app_user" ("email") ');
    await queryRunner.query('CREATE INDEX "ix_app_user_organisation" ON "app_user" ("organisation_id") ');
    await queryRunner.query('DROP INDEX "ix_evaluation_outbox_pending"');
    await queryRunner.query('DROP TABLE "evaluation_outbox"');
    await queryRunner.query('DROP INDEX "ix_flag_event_corridor"');
    await queryRunner.query('DROP INDEX "ix_flag_event_flag"');
    await queryRunner.query('DROP TABLE "flag_event"');
    await queryRunner.query('DROP INDEX "ux_flag_window_rule"');
    await queryRunner.query('DROP INDEX "ix_flag_open"');
    await queryRunner.query('DROP INDEX "ix_flag_corridor"');
    await queryRunner.query('DROP TABLE "flag"');
    await queryRunner.query('DROP INDEX "ix_audit_entry_record"');
    await queryRunner.query('DROP INDEX "ix_audit_entry_actor"');
    await queryRunner.query('DROP INDEX "ix_audit_entry_corridor"');
    await queryRunner.query('DROP INDEX "ix_audit_entry_at"');
    await queryRunner.query('DROP TABLE "audit_entry"');
  }
}
