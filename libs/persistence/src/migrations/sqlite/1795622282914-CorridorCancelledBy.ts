import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CorridorCancelledBy1795622282914 implements MigrationInterface {
  name = 'CorridorCancelledBy1795622282914';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_corridor_announced"');
    await queryRunner.query('DROP INDEX "ix_corridor_organisation"');
    await queryRunner.query('DROP INDEX "ix_corridor_announced_by"');
    await queryRunner.query('DROP INDEX "ix_corridor_destination"');
    await queryRunner.query('DROP INDEX "ix_corridor_origin"');
    await queryRunner.query(
      'CREATE TABLE "temporary_corridor" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(300) NOT NULL, "origin_id" varchar(36) NOT NULL, "destination_id" varchar(36), "announced_by_id" varchar(36) NOT NULL, "announced_at" bigint NOT NULL, "timezone" varchar(64) NOT NULL, "source_url" varchar(2048), "source_note" text, "route" text, "cancelled_at" bigint, "cancel_reason" text, "confirmation_state" varchar(16) NOT NULL, "first_starts_at" bigint, "last_ends_at" bigint, "evacuation_report_count" integer NOT NULL DEFAULT (0), "evacuation_low" integer, "evacuation_high" integer, "version" integer NOT NULL DEFAULT (1), "organisation_id" varchar(36) NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, "updated_at" bigint NOT NULL, "cancelled_by_id" varchar(36), CONSTRAINT "FK_74dfdd740ed1fd8e5794d205fa2" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_77453a8e881b7bb38488d263ab0" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_93927fde799595a06e13670b3a4" FOREIGN KEY ("announced_by_id") REFERENCES "party" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_b206b4d8f4416588ce5a21a2425" FOREIGN KEY ("destination_id") REFERENCES "location" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_fbe13a85a97baac37b09880c315" FOREIGN KEY ("origin_id") REFERENCES "location" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_corridor"("id", "name", "origin_id", "destination_id", "announced_by_id", "announced_at", "timezone", "source_url", "source_note", "route", "cancelled_at", "cancel_reason", "confirmation_state", "first_starts_at", "last_ends_at", "evacuation_report_count", "evacuation_low", "evacuation_high", "version", "organisation_id", "created_by_id", "created_at", "updated_at") SELECT "id", "name", "origin_id", "destination_id", "announced_by_id", "announced_at", "timezone", "source_url", "source_note", "route", "cancelled_at", "cancel_reason", "confirmation_state", "first_starts_at", "last_ends_at", "evacuation_report_count", "evacuation_low", "evacuation_high", "version", "organisation_id", "created_by_id", "created_at", "updated_at" FROM "corridor"',
    );
    await queryRunner.query('DROP TABLE "corridor"');
    await queryRunner.query('ALTER TABLE "temporary_corridor" RENAME TO "corridor"');
    await queryRunner.query('CREATE INDEX "ix_corridor_announced" ON "corridor" ("announced_at", "id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_organisation" ON "corridor" ("organisation_id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_announced_by" ON "corridor" ("announced_by_id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_destination" ON "corridor" ("destination_id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_origin" ON "corridor" ("origin_id") ');
    await queryRunner.query('DROP INDEX "ix_corridor_announced"');
    await queryRunner.query('DROP INDEX "ix_corridor_organisation"');
    await queryRunner.query('DROP INDEX "ix_corridor_announced_by"');
    await queryRunner.query('DROP INDEX "ix_corridor_destination"');
    await queryRunner.query('DROP INDEX "ix_corridor_origin"');
    await queryRunner.query(
      'CREATE TABLE "temporary_corridor" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(300) NOT NULL, "origin_id" varchar(36) NOT NULL, "destination_id" varchar(36), "announced_by_id" varchar(36) NOT NULL, "announced_at" bigint NOT NULL, "timezone" varchar(64) NOT NULL, "source_url" varchar(2048), "source_note" text, "route" text, "cancelled_at" bigint, "cancel_reason" text, "confirmation_state" varchar(16) NOT NULL, "first_starts_at" bigint, "last_ends_at" bigint, "evacuation_report_count" integer NOT NULL DEFAULT (0), "evacuation_low" integer, "evacuation_high" integer, "version" integer NOT NULL DEFAULT (1), "organisation_id" varchar(36) NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, "updated_at" bigint NOT NULL, "cancelled_by_id" varchar(36), CONSTRAINT "FK_74dfdd740ed1fd8e5794d205fa2" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_77453a8e881b7bb38488d263ab0" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_93927fde799595a06e13670b3a4" FOREIGN KEY ("announced_by_id") REFERENCES "party" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_b206b4d8f4416588ce5a21a2425" FOREIGN KEY ("destination_id") REFERENCES "location" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_fbe13a85a97baac37b09880c315" FOREIGN KEY ("origin_id") REFERENCES "location" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_3a4c775e0e102ff7cb70c97a184" FOREIGN KEY ("cancelled_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_corridor"("id", "name", "origin_id", "destination_id", "announced_by_id", "announced_at", "timezone", "source_url", "source_note", "route", "cancelled_at", "cancel_reason", "confirmation_state", "first_starts_at", "last_ends_at", "evacuation_report_count", "evacuation_low", "evacuation_high", "version", "organisation_id", "created_by_id", "created_at", "updated_at", "cancelled_by_id") SELECT "id", "name", "origin_id", "destination_id", "announced_by_id", "announced_at", "timezone", "source_url", "source_note", "route", "cancelled_at", "cancel_reason", "confirmation_state", "first_starts_at", "last_ends_at", "evacuation_report_count", "evacuation_low", "evacuation_high", "version", "organisation_id", "created_by_id", "created_at", "updated_at", "cancelled_by_id" FROM "corridor"',
    );
    await queryRunner.query('DROP TABLE "corridor"');
    await queryRunner.query('ALTER TABLE "temporary_corridor" RENAME TO "corridor"');
    await queryRunner.query('CREATE INDEX "ix_corridor_announced" ON "corridor" ("announced_at", "id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_organisation" ON "corridor" ("organisation_id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_announced_by" ON "corridor" ("announced_by_id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_destination" ON "corridor" ("destination_id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_origin" ON "corridor" ("origin_id") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_corridor_origin"');
    await queryRunner.query('DROP INDEX "ix_corridor_destination"');
    await queryRunner.query('DROP INDEX "ix_corridor_announced_by"');
    await queryRunner.query('DROP INDEX "ix_corridor_organisation"');
    await queryRunner.query('DROP INDEX "ix_corridor_announced"');
    await queryRunner.query('ALTER TABLE "corridor" RENAME TO "temporary_corridor"');
    await queryRunner.query(
      'CREATE TABLE "corridor" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(300) NOT NULL, "origin_id" varchar(36) NOT NULL, "destination_id" varchar(36), "announced_by_id" varchar(36) NOT NULL, "announced_at" bigint NOT NULL, "timezone" varchar(64) NOT NULL, "source_url" varchar(2048), "source_note" text, "route" text, "cancelled_at" bigint, "cancel_reason" text, "confirmation_state" varchar(16) NOT NULL, "first_starts_at" bigint, "last_ends_at" bigint, "evacuation_report_count" integer NOT NULL DEFAULT (0), "evacuation_low" integer, "evacuation_high" integer, "version" integer NOT NULL DEFAULT (1), "organisation_id" varchar(36) NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, "updated_at" bigint NOT NULL, "cancelled_by_id" varchar(36), CONSTRAINT "FK_74dfdd740ed1fd8e5794d205fa2" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_77453a8e881b7bb38488d263ab0" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_93927fde799595a06e13670b3a4" FOREIGN KEY ("announced_by_id") REFERENCES "party" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_b206b4d8f4416588ce5a21a2425" FOREIGN KEY ("destination_id") REFERENCES "location" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_fbe13a85a97baac37b09880c315" FOREIGN KEY ("origin_id") REFERENCES "location" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "corridor"("id", "name", "origin_id", "destination_id", "announced_by_id", "announced_at", "timezone", "source_url", "source_note", "route", "cancelled_at", "cancel_reason", "confirmation_state", "first_starts_at", "last_ends_at", "evacuation_report_count", "evacuation_low", "evacuation_high", "version", "organisation_id", "created_by_id", "created_at", "updated_at", "cancelled_by_id") SELECT "id", "name", "origin_id", "destination_id", "announced_by_id", "announced_at", "timezone", "source_url", "source_note", "route", "cancelled_at", "cancel_reason", "confirmation_state", "first_starts_at", "last_ends_at", "evacuation_report_count", "evacuation_low", "evacuation_high", "version", "organisation_id", "created_by_id", "created_at", "updated_at", "cancelled_by_id" FROM "temporary_corridor"',
    );
    await queryRunner.query('DROP TABLE "temporary_corridor"');
    await queryRunner.query('CREATE INDEX "ix_corridor_origin" ON "corridor" ("origin_id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_destination" ON "corridor" ("destination_id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_announced_by" ON "corridor" ("announced_by_id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_organisation" ON "corridor" ("organisation_id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_announced" ON "corridor" ("announced_at", "id") ');
    await queryRunner.query('DROP INDEX "ix_corridor_origin"');
    await queryRunner.query('DROP INDEX "ix_corridor_destination"');
    await queryRunner.query('DROP INDEX "ix_corridor_announced_by"');
    await queryRunner.query('DROP INDEX "ix_corridor_organisation"');
    await queryRunner.query('DROP INDEX "ix_corridor_announced"');
    await queryRunner.query('ALTER TABLE "corridor" RENAME TO "temporary_corridor"');
    await queryRunner.query(
      'CREATE TABLE "corridor" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(300) NOT NULL, "origin_id" varchar(36) NOT NULL, "destination_id" varchar(36), "announced_by_id" varchar(36) NOT NULL, "announced_at" bigint NOT NULL, "timezone" varchar(64) NOT NULL, "source_url" varchar(2048), "source_note" text, "route" text, "cancelled_at" bigint, "cancel_reason" text, "confirmation_state" varchar(16) NOT NULL, "first_starts_at" bigint, "last_ends_at" bigint, "evacuation_report_count" integer NOT NULL DEFAULT (0), "evacuation_low" integer, "evacuation_high" integer, "version" integer NOT NULL DEFAULT (1), "organisation_id" varchar(36) NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, "updated_at" bigint NOT NULL, CONSTRAINT "FK_74dfdd740ed1fd8e5794d205fa2" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_77453a8e881b7bb38488d263ab0" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_93927fde799595a06e13670b3a4" FOREIGN KEY ("announced_by_id") REFERENCES "party" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_b206b4d8f4416588ce5a21a2425" FOREIGN KEY ("destination_id") REFERENCES "location" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_fbe13a85a97baac37b09880c315" FOREIGN KEY ("origin_id") REFERENCES "location" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "corridor"("id", "name", "origin_id", "destination_id", "announced_by_id", "announced_at", "timezone", "source_url", "source_note", "route", "cancelled_at", "cancel_reason", "confirmation_state", "first_starts_at", "last_ends_at", "evacuation_report_count", "evacuation_low", "evacuation_high", "version", "organisation_id", "created_by_id", "created_at", "updated_at") SELECT "id", "name", "origin_id", "destination_id", "announced_by_id", "announced_at", "timezone", "source_url", "source_note", "route", "cancelled_at", "cancel_reason", "confirmation_state", "first_starts_at", "last_ends_at", "evacuation_report_count", "evacuation_low", "evacuation_high", "version", "organisation_id", "created_by_id", "created_at", "updated_at" FROM "temporary_corridor"',
    );
    await queryRunner.query('DROP TABLE "temporary_corridor"');
    await queryRunner.query('CREATE INDEX "ix_corridor_origin" ON "corridor" ("origin_id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_destination" ON "corridor" ("destination_id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_announced_by" ON "corridor" ("announced_by_id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_organisation" ON "corridor" ("organisation_id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_announced" ON "corridor" ("announced_at", "id") ');
  }
}
