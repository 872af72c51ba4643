import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillPlaceSearchText } from '../place-search-backfill.js';

export class PlacesOperations1797300000000 implements MigrationInterface {
  name = 'PlacesOperations1797300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "corridor_stop" ("corridor_id" character varying(36) NOT NULL, "position" integer NOT NULL, "location_id" character varying(36) NOT NULL, CONSTRAINT "PK_11f3cc941784c5c5370068f06b8" PRIMARY KEY ("corridor_id", "position"))',
    );
    await queryRunner.query('CREATE INDEX "ix_corridor_stop_location" ON "corridor_stop"  ("location_id") ');
    await queryRunner.query(
      'CREATE TABLE "operation" ("id" character varying(36) NOT NULL, "name" character varying(300) NOT NULL, "source_url" character varying(2048), "note" text, "version" integer NOT NULL DEFAULT \'1\', "organisation_id" character varying(36) NOT NULL, "created_by_id" character varying(36) NOT NULL, "created_at" bigint NOT NULL, "updated_at" bigint NOT NULL, CONSTRAINT "PK_18556ee6e49c005fc108078f3ab" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_operation_organisation" ON "operation"  ("organisation_id") ');
    await queryRunner.query('CREATE INDEX "ix_operation_created" ON "operation"  ("created_at", "id") ');
    await queryRunner.query(
      'CREATE TABLE "operation_corridor" ("corridor_id" character varying(36) NOT NULL, "operation_id" character varying(36) NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_92c2e6a00fe75efd4fe7531b0e1" PRIMARY KEY ("corridor_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_operation_corridor_operation" ON "operation_corridor"  ("operation_id", "position") ',
    );
    await queryRunner.query(
      'CREATE TABLE "operation_facilitator" ("operation_id" character varying(36) NOT NULL, "party_id" character varying(36) NOT NULL, CONSTRAINT "PK_1627a7e0ad8357175f4aada5d02" PRIMARY KEY ("operation_id", "party_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_operation_facilitator_party" ON "operation_facilitator"  ("party_id") ',
    );
    await queryRunner.query('ALTER TABLE "location" ADD "names" text');
    await queryRunner.query('ALTER TABLE "location" ADD "aliases" text');
    await queryRunner.query('ALTER TABLE "location" ADD "search_text" text NOT NULL DEFAULT \'\'');
    await queryRunner.query('ALTER TABLE "location" ALTER COLUMN "lat" DROP NOT NULL');
    await queryRunner.query('ALTER TABLE "location" ALTER COLUMN "lon" DROP NOT NULL');
    await backfillPlaceSearchText(queryRunner, '$');
    await queryRunner.query(
      'ALTER TABLE "corridor_stop" ADD CONSTRAINT "FK_4423349a688c9f29fe203ab0a8e" FOREIGN KEY ("corridor_id") REFERENCES "corridor"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "corridor_stop" ADD CONSTRAINT "FK_3c73ff08fb096905121defaae16" FOREIGN KEY ("location_id") REFERENCES "location"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "operation" ADD CONSTRAINT "FK_b4d26df8f40bd47dffddff9e478" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "operation" ADD CONSTRAINT "FK_b76a3279e4684de212b14d59d95" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "operation_corridor" ADD CONSTRAINT "FK_92c2e6a00fe75efd4fe7531b0e1" FOREIGN KEY ("corridor_id") REFERENCES "corridor"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "operation_corridor" ADD CONSTRAINT "FK_6770035e70d045302aad3298540" FOREIGN KEY ("operation_id") REFERENCES "operation"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "operation_facilitator" ADD CONSTRAINT "FK_502ed9b432b3f50fc640498912d" FOREIGN KEY ("operation_id") REFERENCES "operation"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "operation_facilitator" ADD CONSTRAINT "FK_3b83adb18c07d4b41311d08e84d" FOREIGN KEY ("party_id") REFERENCES "party"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "operation_facilitator" DROP CONSTRAINT "FK_3b83adb18c07d4b41311d08e84d"',
    );
    await queryRunner.query(
      'ALTER TABLE "operation_facilitator" DROP CONSTRAINT "FK_502ed9b432b3f50fc640498912d"',
    );
    await queryRunner.query(
      'ALTER TABLE "operation_corridor" DROP CONSTRAINT "FK_6770035e70d045302aad3298540"',
    );
    await queryRunner.query(
      'ALTER TABLE "operation_corridor" DROP CONSTRAINT "FK_92c2e6a00fe75efd4fe7531b0e1"',
    );
    await queryRunner.query('ALTER TABLE "operation" DROP CONSTRAINT "FK_b76a3279e4684de212b14d59d95"');
    await queryRunner.query('ALTER TABLE "operation" DROP CONSTRAINT "FK_b4d26df8f40bd47dffddff9e478"');
    await queryRunner.query('ALTER TABLE "corridor_stop" DROP CONSTRAINT "FK_3c73ff08fb096905121defaae16"');
    await queryRunner.query('ALTER TABLE "corridor_stop" DROP CONSTRAINT "FK_4423349a688c9f29fe203ab0a8e"');
    await queryRunner.query('ALTER TABLE "location" ALTER COLUMN "lon" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "location" ALTER COLUMN "lat" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "location" DROP COLUMN "search_text"');
    await queryRunner.query('ALTER TABLE "location" DROP COLUMN "aliases"');
    await queryRunner.query('ALTER TABLE "location" DROP COLUMN "names"');
    await queryRunner.query('DROP INDEX "public"."ix_operation_facilitator_party"');
    await queryRunner.query('DROP TABLE "operation_facilitator"');
    await queryRunner.query('DROP INDEX "public"."ix_operation_corridor_operation"');
    await queryRunner.query('DROP TABLE "operation_corridor"');
    await queryRunner.query('DROP INDEX "public"."ix_operation_created"');
    await queryRunner.query('DROP INDEX "public"."ix_operation_organisation"');
    await queryRunner.query('DROP TABLE "operation"');
    await queryRunner.query('DROP INDEX "public"."ix_corridor_stop_location"');
    await queryRunner.query('DROP TABLE "corridor_stop"');
  }
}
