import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuild, withColumns } from './table-rebuild.js';

// Issue 15: where an incident happened (optional), for the map. The table is rebuilt from its own stored
// definition (SQLite adds a foreign key only that way), so every column and every stored incident stays.
const COLUMN = '"place_id" varchar(36)';
const CONSTRAINT =
  'CONSTRAINT "FK_4252e0596ac0cd9b6ac93e27269" FOREIGN KEY ("place_id") REFERENCES "location" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION';

export class IncidentPlace1797720000000 implements MigrationInterface {
  name = 'IncidentPlace1797720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await rebuild(queryRunner, 'incident', (sql) => withColumns(sql, COLUMN, CONSTRAINT));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await rebuild(
      queryRunner,
      'incident',
      (sql) => sql.replace(`, ${COLUMN}`, '').replace(`, ${CONSTRAINT}`, ''),
      ['place_id'],
    );
  }
}
