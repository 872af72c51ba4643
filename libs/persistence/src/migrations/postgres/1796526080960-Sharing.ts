import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Sharing1796526080960 implements MigrationInterface {
  name = 'Sharing1796526080960';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "calendar_event" ("window_id" character varying(36) NOT NULL, "sequence" integer NOT NULL, "content_hash" character varying(64) NOT NULL, "changed_at" bigint NOT NULL, CONSTRAINT "PK_da7ba4a683624244e996754052a" PRIMARY KEY ("window_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "calendar_feed" ("id" character varying(36) NOT NULL, "name" character varying(200) NOT NULL, "filter" text NOT NULL, "token_hash" character varying(64) NOT NULL, "user_id" character varying(36) NOT NULL, "organisation_id" character varying(36) NOT NULL, "created_at" bigint NOT NULL, "revoked_at" bigint, CONSTRAINT "PK_24c0b9c80e4a4ac8752d854bc2e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_calendar_feed_token_hash" ON "calendar_feed"  ("token_hash") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_calendar_feed_user" ON "calendar_feed"  ("user_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "import_row" ("kind" character varying(16) NOT NULL, "row_key" character varying(64) NOT NULL, "record_id" character varying(36) NOT NULL, "organisation_id" character varying(36) NOT NULL, "created_by_id" character varying(36) NOT NULL, "created_at" bigint NOT NULL, CONSTRAINT "PK_840795078c70300e73a28e58ef5" PRIMARY KEY ("kind", "row_key"))',
    );
    await queryRunner.query(
      'ALTER TABLE "calendar_event" ADD CONSTRAINT "FK_da7ba4a683624244e996754052a" FOREIGN KEY ("window_id") REFERENCES "corridor_window"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "calendar_feed" ADD CONSTRAINT "FK_29b8f216ae4f5fdd5bcc8de8112" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "calendar_feed" ADD CONSTRAINT "FK_801d4d7a71b4c5fbdca18c8fd28" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "import_row" ADD CONSTRAINT "FK_a5a40c27122f7a48eda4b5fe7da" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "import_row" ADD CONSTRAINT "FK_12c928b423add990af0551f032e" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "import_row" DROP CONSTRAINT "FK_12c928b423add990af0551f032e"');
    await queryRunner.query('ALTER TABLE "import_row" DROP CONSTRAINT "FK_a5a40c27122f7a48eda4b5fe7da"');
    await queryRunner.query('ALTER TABLE "calendar_feed" DROP CONSTRAINT "FK_801d4d7a71b4c5fbdca18c8fd28"');
    await queryRunner.query('ALTER TABLE "calendar_feed" DROP CONSTRAINT "FK_29b8f216ae4f5fdd5bcc8de8112"');
    await queryRunner.query('ALTER TABLE "calendar_event" DROP CONSTRAINT "FK_da7ba4a683624244e996754052a"');
    await queryRunner.query('DROP TABLE "import_row"');
    await queryRunner.query('DROP INDEX "public"."ix_calendar_feed_user"');
    await queryRunner.query('DROP INDEX "public"."ux_calendar_feed_token_hash"');
    await queryRunner.query('DROP TABLE "calendar_feed"');
    await queryRunner.query('DROP TABLE "calendar_event"');
  }
}
