import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillPlaceSearchText } from '../place-search-backfill.js';

// Written by hand from the generator's output: the new tables are created once in their final form (the generator
// creates each twice), and `location` is copied once, as SQLite cannot make a column nullable in place.
const LOCATION_COLUMNS =
  '"id", "name", "lat", "lon", "admin_area", "country_code", "organisation_id", "created_by_id", "created_at"';

export class PlacesOperations1797300000000 implements MigrationInterface {
  name = 'PlacesOperations1797300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_location_name"');
    await queryRunner.query(
      'CREATE TABLE "temporary_location" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "lat" double precision, "lon" double precision, "admin_area" varchar(200), "country_code" varchar(2), "organisation_id" varchar(36) NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, "names" text, "aliases" text, "search_text" text NOT NULL DEFAULT (\'\'), CONSTRAINT "FK_b44b611e489d51b6efae302fbba" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_99dbeb4287fe269acc52b4fa5e9" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      `INSERT INTO "temporary_location"(${LOCATION_COLUMNS}) SELECT ${LOCATION_COLUMNS} FROM "location"`,
    );
    await queryRunner.query('DROP TABLE "location"');
    await queryRunner.query('ALTER TABLE "temporary_location" RENAME TO "location"');
    await queryRunner.query('CREATE INDEX "ix_location_name" ON "location" ("name") ');
    await backfillPlaceSearchText(queryRunner, '?');

    await queryRunner.query(
      'CREATE TABLE "corridor_stop" ("corridor_id" varchar(36) NOT NULL, "position" integer NOT NULL, "location_id" varchar(36) NOT NULL, CONSTRAINT "FK_4423349a688c9f29fe203ab0a8e" FOREIGN KEY ("corridor_id") REFERENCES "corridor" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_3c73ff08fb096905121defaae16" FOREIGN KEY ("location_id") REFERENCES "location" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, PRIMARY KEY ("corridor_id", "position"))',
    );
    await queryRunner.query('CREATE INDEX "ix_corridor_stop_location" ON "corridor_stop" ("location_id") ');
    await queryRunner.query(
      'CREATE TABLE "operation" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(300) NOT NULL, "source_url" varchar(2048), "note" text, "version" integer NOT NULL DEFAULT (1), "organisation_id" varchar(36) NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, "updated_at" bigint NOT NULL, CONSTRAINT "FK_b4d26df8f40bd47dffddff9e478" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_b76a3279e4684de212b14d59d95" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
    );
    await queryRunner.query('CREATE INDEX "ix_operation_organisation" ON "operation" ("organisation_id") ');
    await queryRunner.query('CREATE INDEX "ix_operation_created" ON "operation" ("created_at", "id") ');
    await queryRunner.query(
      'CREATE TABLE "operation_corridor" ("corridor_id" varchar(36) PRIMARY KEY NOT NULL, "operation_id" varchar(36) NOT NULL, "position" integer NOT NULL, CONSTRAINT "FK_92c2e6a00fe75efd4fe7531b0e1" FOREIGN KEY ("corridor_id") REFERENCES "corridor" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_6770035e70d045302aad3298540" FOREIGN KEY ("operation_id") REFERENCES "operation" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_operation_corridor_operation" ON "operation_corridor" ("operation_id", "position") ',
    );
    await queryRunner.query(
      'CREATE TABLE "operation_facilitator" ("operation_id" varchar(36) NOT NULL, "party_id" varchar(36) NOT NULL, CONSTRAINT "FK_502ed9b432b3f50fc640498912d" FOREIGN KEY ("operation_id") REFERENCES "operation" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_3b83adb18c07d4b41311d08e84d" FOREIGN KEY ("party_id") REFERENCES "party" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, PRIMARY KEY ("operation_id", "party_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_operation_facilitator_party" ON "operation_facilitator" ("party_id") ',
    );
  }

  /** Fails, changing nothing, while a place is known by name alone: the old schema cannot hold it. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_operation_facilitator_party"');
    await queryRunner.query('DROP TABLE "operation_facilitator"');
    await queryRunner.query('DROP INDEX "ix_operation_corridor_operation"');
    await queryRunner.query('DROP TABLE "operation_corridor"');
    await queryRunner.query('DROP INDEX "ix_operation_created"');
    await queryRunner.query('DROP INDEX "ix_operation_organisation"');
    await queryRunner.query('DROP TABLE "operation"');
    await queryRunner.query('DROP INDEX "ix_corridor_stop_location"');
    await queryRunner.query('DROP TABLE "corridor_stop"');
    await queryRunner.query('DROP INDEX "ix_location_name"');
    // Copied into a new table renamed after: renaming `location` itself would rename every reference to it.
    await queryRunner.query(
      'CREATE TABLE "temporary_location" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "lat" double precision NOT NULL, "lon" double precision NOT NULL, "admin_area" varchar(200), "country_code" varchar(2), "organisation_id" varchar(36) NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, CONSTRAINT "FK_b44b611e489d51b6efae302fbba" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_99dbeb4287fe269acc52b4fa5e9" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      `INSERT INTO "temporary_location"(${LOCATION_COLUMNS}) SELECT ${LOCATION_COLUMNS} FROM "location"`,
    );
    await queryRunner.query('DROP TABLE "location"');
    await queryRunner.query('ALTER TABLE "temporary_location" RENAME TO "location"');
    await queryRunner.query('CREATE INDEX "ix_location_name" ON "location" ("name") ');
  }
}
