import type { MigrationInterface, QueryRunner } from 'typeorm';

// Existing keys were minted by people (or their minting key is unknown): no parent, as null says.
export class ApiKeyParent1797400000000 implements MigrationInterface {
  name = 'ApiKeyParent1797400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "api_key" ADD "parent_key_id" varchar(36)');
    await queryRunner.query('CREATE INDEX "ix_api_key_parent" ON "api_key" ("parent_key_id") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_api_key_parent"');
    await queryRunner.query('ALTER TABLE "api_key" DROP COLUMN "parent_key_id"');
  }
}
