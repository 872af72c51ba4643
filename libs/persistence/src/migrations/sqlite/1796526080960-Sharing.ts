import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Sharing1796526080960 implements MigrationInterface {
  name = 'Sharing1796526080960';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "calendar_event" ("window_id" varchar(36) PRIMARY KEY NOT NULL, "sequence" integer NOT NULL, "content_hash" varchar(64) NOT NULL, "changed_at" bigint NOT NULL)',
    );
    await queryRunner.query(
      'CREATE TABLE "calendar_feed" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "filter" text NOT NULL, "token_hash" varchar(64) NOT NULL, "user_id" varchar(36) NOT NULL, "organisation_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, "revoked_at" bigint)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_calendar_feed_token_hash" ON "calendar_feed" ("token_hash") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_calendar_feed_user" ON "calendar_feed" ("user_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "import_row" ("kind" varchar(16) NOT NULL, "row_key" varchar(64) NOT NULL, "record_id" varchar(36) NOT NULL, "organisation_id" varchar(36) NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, PRIMARY KEY ("kind", "row_key"))',
    );
    await queryRunner.query(
      'CREATE TABLE "temporary_calendar_event" ("window_id" varchar(36) PRIMARY KEY NOT NULL, "sequence" integer NOT NULL, "content_hash" varchar(64) NOT NULL, "changed_at" bigint NOT NULL, CONSTRAINT "FK_da7ba4a683624244e996754052a" FOREIGN KEY ("window_id") REFERENCES "corridor_window" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_calendar_event"("window_id", "sequence", "content_hash", "changed_at") SELECT "window_id", "sequence", "content_hash", "changed_at" FROM "calendar_event"',
    );
    await queryRunner.query('DROP TABLE "calendar_event"');
    await queryRunner.query('ALTER TABLE "temporary_calendar_event" RENAME TO "calendar_event"');
    await queryRunner.query('DROP INDEX "ux_calendar_feed_token_hash"');
    await queryRunner.query('DROP INDEX "ix_calendar_feed_user"');
    await queryRunner.query(
      'CREATE TABLE "temporary_calendar_feed" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "filter" text NOT NULL, "token_hash" varchar(64) NOT NULL, "user_id" varchar(36) NOT NULL, "organisation_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, "revoked_at" bigint, CONSTRAINT "FK_29b8f216ae4f5fdd5bcc8de8112" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_801d4d7a71b4c5fbdca18c8fd28" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_calendar_feed"("id", "name", "filter", "token_hash", "user_id", "organisation_id", "created_at", "revoked_at") SELECT "id", "name", "filter", "token_hash", "user_id", "organisation_id", "created_at", "revoked_at" FROM "calendar_feed"',
    );
    await queryRunner.query('DROP TABLE "calendar_feed"');
    await queryRunner.query('ALTER TABLE "temporary_calendar_feed" RENAME TO "calendar_feed"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_calendar_feed_token_hash" ON "calendar_feed" ("token_hash") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_calendar_feed_user" ON "calendar_feed" ("user_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "temporary_import_row" ("kind" varchar(16) NOT NULL, "row_key" varchar(64) NOT NULL, "record_id" varchar(36) NOT NULL, "organisation_id" varchar(36) NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, CONSTRAINT "FK_a5a40c27122f7a48eda4b5fe7da" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_12c928b423add990af0551f032e" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, PRIMARY KEY ("kind", "row_key"))',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_import_row"("kind", "row_key", "record_id", "organisation_id", "created_by_id", "created_at") SELECT "kind", "row_key", "record_id", "organisation_id", "created_by_id", "created_at" FROM "import_row"',
    );
    await queryRunner.query('DROP TABLE "import_row"');
    await queryRunner.query('ALTER TABLE "temporary_import_row" RENAME TO "import_row"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "import_row" RENAME TO "temporary_import_row"');
    await queryRunner.query(
      'CREATE TABLE "import_row" ("kind" varchar(16) NOT NULL, "row_key" varchar(64) NOT NULL, "record_id" varchar(36) NOT NULL, "organisation_id" varchar(36) NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, PRIMARY KEY ("kind", "row_key"))',
    );
    await queryRunner.query(
      'INSERT INTO "import_row"("kind", "row_key", "record_id", "organisation_id", "created_by_id", "created_at") SELECT "kind", "row_key", "record_id", "organisation_id", "created_by_id", "created_at" FROM "temporary_import_row"',
    );
    await queryRunner.query('DROP TABLE "temporary_import_row"');
    await queryRunner.query('DROP INDEX "ix_calendar_feed_user"');
    await queryRunner.query('DROP INDEX "ux_calendar_feed_token_hash"');
    await queryRunner.query('ALTER TABLE "calendar_feed" RENAME TO "temporary_calendar_feed"');
    await queryRunner.query(
      'CREATE TABLE "calendar_feed" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "filter" text NOT NULL, "token_hash" varchar(64) NOT NULL, "user_id" varchar(36) NOT NULL, "organisation_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, "revoked_at" bigint)',
    );
    await queryRunner.query(
      'INSERT INTO "calendar_feed"("id", "name", "filter", "token_hash", "user_id", "organisation_id", "created_at", "revoked_at") SELECT "id", "name", "filter", "token_hash", "user_id", "organisation_id", "created_at", "revoked_at" FROM "temporary_calendar_feed"',
    );
    await queryRunner.query('DROP TABLE "temporary_calendar_feed"');
    await queryRunner.query(
      'CREATE INDEX "ix_calendar_feed_user" ON "calendar_feed" ("user_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_calendar_feed_token_hash" ON "calendar_feed" ("token_hash") ',
    );
    await queryRunner.query('ALTER TABLE "calendar_event" RENAME TO "temporary_calendar_event"');
    await queryRunner.query(
      'CREATE TABLE "calendar_event" ("window_id" varchar(36) PRIMARY KEY NOT NULL, "sequence" integer NOT NULL, "content_hash" varchar(64) NOT NULL, "changed_at" bigint NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "calendar_event"("window_id", "sequence", "content_hash", "changed_at") SELECT "window_id", "sequence", "content_hash", "changed_at" FROM "temporary_calendar_event"',
    );
    await queryRunner.query('DROP TABLE "temporary_calendar_event"');
    await queryRunner.query('DROP TABLE "import_row"');
    await queryRunner.query('DROP INDEX "ix_calendar_feed_user"');
    await queryRunner.query('DROP INDEX "ux_calendar_feed_token_hash"');
    await queryRunner.query('DROP TABLE "calendar_feed"');
    await queryRunner.query('DROP TABLE "calendar_event"');
  }
}
