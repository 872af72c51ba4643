import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PLACE_ZONE_BACKFILL, ZONE_RENAMES } from '../zone-renames.js';

// Issue 15: a place keeps its time zone, and stored zones take their current IANA name (Europe/Kyiv).
export class PlaceTimeZones1797711000000 implements MigrationInterface {
  name = 'PlaceTimeZones1797711000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "location" ADD "timezone" character varying(64)');
    for (const table of ['corridor', 'subscription']) {
      for (const [old, current] of ZONE_RENAMES) {
        await queryRunner.query(
          `UPDATE "${table}" SET "timezone" = '${current}' WHERE "timezone" = '${old}'`,
        );
      }
    }
    for (const statement of PLACE_ZONE_BACKFILL) await queryRunner.query(statement);
  }

  // The renamed zones keep their new names: the old ones name the same zones.
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "location" DROP COLUMN "timezone"');
  }
}
