import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 13: party sides, open-ended windows, reported stances and the promise kept on the corridor row.
// Columns without a foreign key are added in place (SQLite adds a column with a constant default without
// rewriting the table: windows may be millions of rows); confirmation is rebuilt for its new foreign key.
// Every corridor's stance_promise starts null: the api computes it at start (CorridorStateService).
export class CorridorPromise1797200000000 implements MigrationInterface {
  name = 'CorridorPromise1797200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "party" ADD "side" varchar(64)');
    await queryRunner.query('ALTER TABLE "corridor" ADD "stance_promise" varchar(16)');
    await queryRunner.query(
      `ALTER TABLE "corridor" ADD "settled_promise" varchar(16) NOT NULL DEFAULT ('broken')`,
    );
    await queryRunner.query('ALTER TABLE "corridor_window" ADD "is_open_ended" boolean NOT NULL DEFAULT (0)');
    await queryRunner.query('ALTER TABLE "corridor_window" ADD "version" integer NOT NULL DEFAULT (1)');
    await queryRunner.query('DROP INDEX "ix_confirmation_corridor"');
    await queryRunner.query('DROP INDEX "ux_confirmation_fingerprint"');
    await queryRunner.query('DROP INDEX "ix_confirmation_party"');
    await queryRunner.query(
      'CREATE TABLE "temporary_confirmation" ("id" varchar(36) PRIMARY KEY NOT NULL, "corridor_id" varchar(36) NOT NULL, "party_id" varchar(36) NOT NULL, "stance" varchar(16) NOT NULL, "stated_at" bigint NOT NULL, "source_url" varchar(2048), "note" text, "fingerprint" varchar(64) NOT NULL, "organisation_id" varchar(36) NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, "version" integer NOT NULL DEFAULT (1), "reported_by_id" varchar(36), CONSTRAINT "FK_15fa699e009548b74736e5d2313" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_a6e614e8a02cae0f2d453fa7581" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_caaa47f22ca1373803ac7a1efff" FOREIGN KEY ("party_id") REFERENCES "party" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_d9497a5e2b470172037ae318ae0" FOREIGN KEY ("corridor_id") REFERENCES "corridor" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_9416abd4bd219b3d9d8a75bd239" FOREIGN KEY ("reported_by_id") REFERENCES "party" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_confirmation"("id", "corridor_id", "party_id", "stance", "stated_at", "source_url", "note", "fingerprint", "organisation_id", "created_by_id", "created_at", "version") SELECT "id", "corridor_id", "party_id", "stance", "stated_at", "source_url", "note", "fingerprint", "organisation_id", "created_by_id", "created_at", "version" FROM "confirmation"',
    );
    await queryRunner.query('DROP TABLE "confirmation"');
    await queryRunner.query('ALTER TABLE "temporary_confirmation" RENAME TO "confirmation"');
    await queryRunner.query(
      'CREATE INDEX "ix_confirmation_corridor" ON "confirmation" ("corridor_id", "stated_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_confirmation_fingerprint" ON "confirmation" ("fingerprint") ',
    );
    await queryRunner.query('CREATE INDEX "ix_confirmation_party" ON "confirmation" ("party_id") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_confirmation_party"');
    await queryRunner.query('DROP INDEX "ux_confirmation_fingerprint"');
    await queryRunner.query('DROP INDEX "ix_confirmation_corridor"');
    await queryRunner.query('ALTER TABLE "confirmation" RENAME TO "temporary_confirmation"');
    await queryRunner.query(
      'CREATE TABLE "confirmation" ("id" varchar(36) PRIMARY KEY NOT NULL, "corridor_id" varchar(36) NOT NULL, "party_id" varchar(36) NOT NULL, "stance" varchar(16) NOT NULL, "stated_at" bigint NOT NULL, "source_url" varchar(2048), "note" text, "fingerprint" varchar(64) NOT NULL, "organisation_id" varchar(36) NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "FK_15fa699e009548b74736e5d2313" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_a6e614e8a02cae0f2d453fa7581" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_caaa47f22ca1373803ac7a1efff" FOREIGN KEY ("party_id") REFERENCES "party" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_d9497a5e2b470172037ae318ae0" FOREIGN KEY ("corridor_id") REFERENCES "corridor" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "confirmation"("id", "corridor_id", "party_id", "stance", "stated_at", "source_url", "note", "fingerprint", "organisation_id", "created_by_id", "created_at", "version") SELECT "id", "corridor_id", "party_id", "stance", "stated_at", "source_url", "note", "fingerprint", "organisation_id", "created_by_id", "created_at", "version" FROM "temporary_confirmation"',
    );
    await queryRunner.query('DROP TABLE "temporary_confirmation"');
    await queryRunner.query('CREATE INDEX "ix_confirmation_party" ON "confirmation" ("party_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_confirmation_fingerprint" ON "confirmation" ("fingerprint") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_confirmation_corridor" ON "confirmation" ("corridor_id", "stated_at") ',
    );
    await queryRunner.query('ALTER TABLE "corridor_window" DROP COLUMN "version"');
    await queryRunner.query('ALTER TABLE "corridor_window" DROP COLUMN "is_open_ended"');
    await queryRunner.query('ALTER TABLE "corridor" DROP COLUMN "settled_promise"');
    await queryRunner.query('ALTER TABLE "corridor" DROP COLUMN "stance_promise"');
    await queryRunner.query('ALTER TABLE "party" DROP COLUMN "side"');
  }
}
