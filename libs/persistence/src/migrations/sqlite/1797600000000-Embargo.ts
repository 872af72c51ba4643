import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Embargo1797600000000 implements MigrationInterface {
  name = 'Embargo1797600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "embargo_hold" ("record_kind" varchar(16) NOT NULL, "record_id" varchar(36) NOT NULL, "corridor_id" varchar(36) NOT NULL, "embargoed_until" bigint, "created_at" bigint NOT NULL, PRIMARY KEY ("record_kind", "record_id"))',
    );
    await queryRunner.query('DROP INDEX "ix_corridor_origin"');
    await queryRunner.query('DROP INDEX "ix_corridor_destination"');
    await queryRunner.query('DROP INDEX "ix_corridor_announced_by"');
    await queryRunner.query('DROP INDEX "ix_corridor_organisation"');
    await queryRunner.query('DROP INDEX "ix_corridor_announced"');
    await queryRunner.query(
      'CREATE TABLE "temporary_corridor" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(300) NOT NULL, "origin_id" varchar(36) NOT NULL, "destination_id" varchar(36), "announced_by_id" varchar(36) NOT NULL, "announced_at" bigint NOT NULL, "timezone" varchar(64) NOT NULL, "source_url" varchar(2048), "source_note" text, "route" text, "cancelled_at" bigint, "cancel_reason" text, "confirmation_state" varchar(16) NOT NULL, "first_starts_at" bigint, "last_ends_at" bigint, "evacuation_report_count" integer NOT NULL DEFAULT (0), "evacuation_low" integer, "evacuation_high" integer, "version" integer NOT NULL DEFAULT (1), "organisation_id" varchar(36) NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, "updated_at" bigint NOT NULL, "cancelled_by_id" varchar(36), "embargoed_until" bigint, "embargo_until_windows_end" boolean NOT NULL DEFAULT (0), "embargo_lifted_at" bigint, CONSTRAINT "FK_3a4c775e0e102ff7cb70c97a184" FOREIGN KEY ("cancelled_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_fbe13a85a97baac37b09880c315" FOREIGN KEY ("origin_id") REFERENCES "location" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_b206b4d8f4416588ce5a21a2425" FOREIGN KEY ("destination_id") REFERENCES "location" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_93927fde799595a06e13670b3a4" FOREIGN KEY ("announced_by_id") REFERENCES "party" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_77453a8e881b7bb38488d263ab0" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_74dfdd740ed1fd8e5794d205fa2" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_corridor"("id", "name", "origin_id", "destination_id", "announced_by_id", "announced_at", "timezone", "source_url", "source_note", "route", "cancelled_at", "cancel_reason", "confirmation_state", "first_starts_at", "last_ends_at", "evacuation_report_count", "evacuation_low", "evacuation_high", "version", "organisation_id", "created_by_id", "created_at", "updated_at", "cancelled_by_id") SELECT "id", "name", "origin_id", "destination_id", "announced_by_id", "announced_at", "timezone", "source_url", "source_note", "route", "cancelled_at", "cancel_reason", "confirmation_state", "first_starts_at", "last_ends_at", "evacuation_report_count", "evacuation_low", "evacuation_high", "version", "organisation_id", "created_by_id", "created_at", "updated_at", "cancelled_by_id" FROM "corridor"',
    );
    await queryRunner.query('DROP TABLE "corridor"');
    await queryRunner.query('ALTER TABLE "temporary_corridor" RENAME TO "corridor"');
    await queryRunner.query('CREATE INDEX "ix_corridor_origin" ON "corridor" ("origin_id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_destination" ON "corridor" ("destination_id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_announced_by" ON "corridor" ("announced_by_id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_organisation" ON "corridor" ("organisation_id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_announced" ON "corridor" ("announced_at", "id") ');
    await queryRunner.query('DROP INDEX "ix_confirmation_corridor"');
    await queryRunner.query('DROP INDEX "ux_confirmation_fingerprint"');
    await queryRunner.query('DROP INDEX "ix_confirmation_party"');
    await queryRunner.query(
      'CREATE TABLE "temporary_confirmation" ("id" varchar(36) PRIMARY KEY NOT NULL, "corridor_id" varchar(36) NOT NULL, "party_id" varchar(36) NOT NULL, "stance" varchar(16) NOT NULL, "stated_at" bigint NOT NULL, "source_url" varchar(2048), "note" text, "fingerprint" varchar(64) NOT NULL, "organisation_id" varchar(36) NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, "version" integer NOT NULL DEFAULT (1), "embargoed_until" bigint, "embargo_until_windows_end" boolean NOT NULL DEFAULT (0), "embargo_lifted_at" bigint, CONSTRAINT "FK_15fa699e009548b74736e5d2313" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_a6e614e8a02cae0f2d453fa7581" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_caaa47f22ca1373803ac7a1efff" FOREIGN KEY ("party_id") REFERENCES "party" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_d9497a5e2b470172037ae318ae0" FOREIGN KEY ("corridor_id") REFERENCES "corridor" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
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
    await queryRunner.query('DROP INDEX "ix_evacuation_report_corridor"');
    await queryRunner.query('DROP INDEX "ux_evacuation_report_fingerprint"');
    await queryRunner.query(
      'CREATE TABLE "temporary_evacuation_report" ("id" varchar(36) PRIMARY KEY NOT NULL, "corridor_id" varchar(36) NOT NULL, "window_id" varchar(36), "source_party_id" varchar(36) NOT NULL, "reported_at" bigint NOT NULL, "qualifier" varchar(16) NOT NULL, "value" integer NOT NULL, "max" integer, "category" varchar(16) NOT NULL, "arrived_at_id" varchar(36), "source_url" varchar(2048), "note" text, "fingerprint" varchar(64) NOT NULL, "organisation_id" varchar(36) NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, "version" integer NOT NULL DEFAULT (1), "embargoed_until" bigint, "embargo_until_windows_end" boolean NOT NULL DEFAULT (0), "embargo_lifted_at" bigint, CONSTRAINT "FK_362c7e320f183dbcfe5f57def25" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_253ca11fb8ada9321fcc89e1a2e" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_f1f946a6d4ddc8e50e6ce09e120" FOREIGN KEY ("arrived_at_id") REFERENCES "location" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_af1096c4c01383e3733911b2731" FOREIGN KEY ("source_party_id") REFERENCES "party" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_83de16a1038bb4b27db1f2deeb8" FOREIGN KEY ("window_id") REFERENCES "corridor_window" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_e514b00f1f74303a3d705480b8c" FOREIGN KEY ("corridor_id") REFERENCES "corridor" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_evacuation_report"("id", "corridor_id", "window_id", "source_party_id", "reported_at", "qualifier", "value", "max", "category", "arrived_at_id", "source_url", "note", "fingerprint", "organisation_id", "created_by_id", "created_at", "version") SELECT "id", "corridor_id", "window_id", "source_party_id", "reported_at", "qualifier", "value", "max", "category", "arrived_at_id", "source_url", "note", "fingerprint", "organisation_id", "created_by_id", "created_at", "version" FROM "evacuation_report"',
    );
    await queryRunner.query('DROP TABLE "evacuation_report"');
    await queryRunner.query('ALTER TABLE "temporary_evacuation_report" RENAME TO "evacuation_report"');
    await queryRunner.query(
      'CREATE INDEX "ix_evacuation_report_corridor" ON "evacuation_report" ("corridor_id", "window_id", "value", "max") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_evacuation_report_fingerprint" ON "evacuation_report" ("fingerprint") ',
    );
    await queryRunner.query('DROP INDEX "ix_incident_corridor"');
    await queryRunner.query('DROP INDEX "ux_incident_fingerprint"');
    await queryRunner.query(
      'CREATE TABLE "temporary_incident" ("id" varchar(36) PRIMARY KEY NOT NULL, "corridor_id" varchar(36) NOT NULL, "kind" varchar(16) NOT NULL, "occurred_at" bigint NOT NULL, "description" text NOT NULL, "source_party_id" varchar(36), "source_url" varchar(2048), "fingerprint" varchar(64) NOT NULL, "organisation_id" varchar(36) NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, "version" integer NOT NULL DEFAULT (1), "embargoed_until" bigint, "embargo_until_windows_end" boolean NOT NULL DEFAULT (0), "embargo_lifted_at" bigint, CONSTRAINT "FK_e680ed2677952578169d56306f1" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_e67036ccb6aaea116efe6279ac5" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_b628e3b8da345a0177147a66a5d" FOREIGN KEY ("source_party_id") REFERENCES "party" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_793a3bd5c5d01b9fb7e1c95ce58" FOREIGN KEY ("corridor_id") REFERENCES "corridor" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_incident"("id", "corridor_id", "kind", "occurred_at", "description", "source_party_id", "source_url", "fingerprint", "organisation_id", "created_by_id", "created_at", "version") SELECT "id", "corridor_id", "kind", "occurred_at", "description", "source_party_id", "source_url", "fingerprint", "organisation_id", "created_by_id", "created_at", "version" FROM "incident"',
    );
    await queryRunner.query('DROP TABLE "incident"');
    await queryRunner.query('ALTER TABLE "temporary_incident" RENAME TO "incident"');
    await queryRunner.query(
      'CREATE INDEX "ix_incident_corridor" ON "incident" ("corridor_id", "occurred_at") ',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "ux_incident_fingerprint" ON "incident" ("fingerprint") ');
    await queryRunner.query('DROP INDEX "ix_remaining_report_corridor"');
    await queryRunner.query('DROP INDEX "ux_remaining_report_fingerprint"');
    await queryRunner.query(
      'CREATE TABLE "temporary_remaining_report" ("id" varchar(36) PRIMARY KEY NOT NULL, "corridor_id" varchar(36) NOT NULL, "source_party_id" varchar(36) NOT NULL, "reported_at" bigint NOT NULL, "qualifier" varchar(16) NOT NULL, "value" integer NOT NULL, "max" integer, "source_url" varchar(2048), "note" text, "fingerprint" varchar(64) NOT NULL, "organisation_id" varchar(36) NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, "version" integer NOT NULL DEFAULT (1), "embargoed_until" bigint, "embargo_until_windows_end" boolean NOT NULL DEFAULT (0), "embargo_lifted_at" bigint, CONSTRAINT "FK_745208edfcd47f9e92f0b83b180" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_4c751047d0060ec78b525acfa3f" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_1501ecbb80111ca34a62ed2593e" FOREIGN KEY ("source_party_id") REFERENCES "party" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_57f2a5a90638b943f0f54e73503" FOREIGN KEY ("corridor_id") REFERENCES "corridor" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_remaining_report"("id", "corridor_id", "source_party_id", "reported_at", "qualifier", "value", "max", "source_url", "note", "fingerprint", "organisation_id", "created_by_id", "created_at", "version") SELECT "id", "corridor_id", "source_party_id", "reported_at", "qualifier", "value", "max", "source_url", "note", "fingerprint", "organisation_id", "created_by_id", "created_at", "version" FROM "remaining_report"',
    );
    await queryRunner.query('DROP TABLE "remaining_report"');
    await queryRunner.query('ALTER TABLE "temporary_remaining_report" RENAME TO "remaining_report"');
    await queryRunner.query(
      'CREATE INDEX "ix_remaining_report_corridor" ON "remaining_report" ("corridor_id", "reported_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_remaining_report_fingerprint" ON "remaining_report" ("fingerprint") ',
    );
    await queryRunner.query('DROP INDEX "ix_webhook_event_pending"');
    await queryRunner.query('DROP INDEX "ux_webhook_event_source"');
    await queryRunner.query(
      'CREATE TABLE "temporary_webhook_event" ("id" varchar(36) PRIMARY KEY NOT NULL, "type" varchar(40) NOT NULL, "occurred_at" bigint NOT NULL, "corridor_id" varchar(36), "data" text NOT NULL, "source_key" varchar(80), "fanned_out_at" bigint, "held_by" varchar(60))',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_webhook_event"("id", "type", "occurred_at", "corridor_id", "data", "source_key", "fanned_out_at") SELECT "id", "type", "occurred_at", "corridor_id", "data", "source_key", "fanned_out_at" FROM "webhook_event"',
    );
    await queryRunner.query('DROP TABLE "webhook_event"');
    await queryRunner.query('ALTER TABLE "temporary_webhook_event" RENAME TO "webhook_event"');
    await queryRunner.query(
      'CREATE INDEX "ix_webhook_event_pending" ON "webhook_event" ("fanned_out_at", "occurred_at", "id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_webhook_event_source" ON "webhook_event" ("source_key") ',
    );
    await queryRunner.query('CREATE INDEX "ix_webhook_event_held" ON "webhook_event" ("held_by") ');
    await queryRunner.query(
      'CREATE TABLE "temporary_embargo_hold" ("record_kind" varchar(16) NOT NULL, "record_id" varchar(36) NOT NULL, "corridor_id" varchar(36) NOT NULL, "embargoed_until" bigint, "created_at" bigint NOT NULL, CONSTRAINT "FK_00007118fe4c1c2773ceee6f4ff" FOREIGN KEY ("corridor_id") REFERENCES "corridor" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("record_kind", "record_id"))',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_embargo_hold"("record_kind", "record_id", "corridor_id", "embargoed_until", "created_at") SELECT "record_kind", "record_id", "corridor_id", "embargoed_until", "created_at" FROM "embargo_hold"',
    );
    await queryRunner.query('DROP TABLE "embargo_hold"');
    await queryRunner.query('ALTER TABLE "temporary_embargo_hold" RENAME TO "embargo_hold"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "embargo_hold" RENAME TO "temporary_embargo_hold"');
    await queryRunner.query(
      'CREATE TABLE "embargo_hold" ("record_kind" varchar(16) NOT NULL, "record_id" varchar(36) NOT NULL, "corridor_id" varchar(36) NOT NULL, "embargoed_until" bigint, "created_at" bigint NOT NULL, PRIMARY KEY ("record_kind", "record_id"))',
    );
    await queryRunner.query(
      'INSERT INTO "embargo_hold"("record_kind", "record_id", "corridor_id", "embargoed_until", "created_at") SELECT "record_kind", "record_id", "corridor_id", "embargoed_until", "created_at" FROM "temporary_embargo_hold"',
    );
    await queryRunner.query('DROP TABLE "temporary_embargo_hold"');
    await queryRunner.query('DROP INDEX "ix_webhook_event_held"');
    await queryRunner.query('DROP INDEX "ux_webhook_event_source"');
    await queryRunner.query('DROP INDEX "ix_webhook_event_pending"');
    await queryRunner.query('ALTER TABLE "webhook_event" RENAME TO "temporary_webhook_event"');
    await queryRunner.query(
      'CREATE TABLE "webhook_event" ("id" varchar(36) PRIMARY KEY NOT NULL, "type" varchar(40) NOT NULL, "occurred_at" bigint NOT NULL, "corridor_id" varchar(36), "data" text NOT NULL, "source_key" varchar(80), "fanned_out_at" bigint)',
    );
    await queryRunner.query(
      'INSERT INTO "webhook_event"("id", "type", "occurred_at", "corridor_id", "data", "source_key", "fanned_out_at") SELECT "id", "type", "occurred_at", "corridor_id", "data", "source_key", "fanned_out_at" FROM "temporary_webhook_event"',
    );
    await queryRunner.query('DROP TABLE "temporary_webhook_event"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_webhook_event_source" ON "webhook_event" ("source_key") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_webhook_event_pending" ON "webhook_event" ("fanned_out_at", "occurred_at", "id") ',
    );
    await queryRunner.query('DROP INDEX "ux_remaining_report_fingerprint"');
    await queryRunner.query('DROP INDEX "ix_remaining_report_corridor"');
    await queryRunner.query('ALTER TABLE "remaining_report" RENAME TO "temporary_remaining_report"');
    await queryRunner.query(
      'CREATE TABLE "remaining_report" ("id" varchar(36) PRIMARY KEY NOT NULL, "corridor_id" varchar(36) NOT NULL, "source_party_id" varchar(36) NOT NULL, "reported_at" bigint NOT NULL, "qualifier" varchar(16) NOT NULL, "value" integer NOT NULL, "max" integer, "source_url" varchar(2048), "note" text, "fingerprint" varchar(64) NOT NULL, "organisation_id" varchar(36) NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "FK_745208edfcd47f9e92f0b83b180" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_4c751047d0060ec78b525acfa3f" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_1501ecbb80111ca34a62ed2593e" FOREIGN KEY ("source_party_id") REFERENCES "party" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_57f2a5a90638b943f0f54e73503" FOREIGN KEY ("corridor_id") REFERENCES "corridor" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "remaining_report"("id", "corridor_id", "source_party_id", "reported_at", "qualifier", "value", "max", "source_url", "note", "fingerprint", "organisation_id", "created_by_id", "created_at", "version") SELECT "id", "corridor_id", "source_party_id", "reported_at", "qualifier", "value", "max", "source_url", "note", "fingerprint", "organisation_id", "created_by_id", "created_at", "version" FROM "temporary_remaining_report"',
    );
    await queryRunner.query('DROP TABLE "temporary_remaining_report"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_remaining_report_fingerprint" ON "remaining_report" ("fingerprint") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_remaining_report_corridor" ON "remaining_report" ("corridor_id", "reported_at") ',
    );
    await queryRunner.query('DROP INDEX "ux_incident_fingerprint"');
    await queryRunner.query('DROP INDEX "ix_incident_corridor"');
    await queryRunner.query('ALTER TABLE "incident" RENAME TO "temporary_incident"');
    await queryRunner.query(
      'CREATE TABLE "incident" ("id" varchar(36) PRIMARY KEY NOT NULL, "corridor_id" varchar(36) NOT NULL, "kind" varchar(16) NOT NULL, "occurred_at" bigint NOT NULL, "description" text NOT NULL, "source_party_id" varchar(36), "source_url" varchar(2048), "fingerprint" varchar(64) NOT NULL, "organisation_id" varchar(36) NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "FK_e680ed2677952578169d56306f1" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_e67036ccb6aaea116efe6279ac5" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_b628e3b8da345a0177147a66a5d" FOREIGN KEY ("source_party_id") REFERENCES "party" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_793a3bd5c5d01b9fb7e1c95ce58" FOREIGN KEY ("corridor_id") REFERENCES "corridor" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "incident"("id", "corridor_id", "kind", "occurred_at", "description", "source_party_id", "source_url", "fingerprint", "organisation_id", "created_by_id", "created_at", "version") SELECT "id", "corridor_id", "kind", "occurred_at", "description", "source_party_id", "source_url", "fingerprint", "organisation_id", "created_by_id", "created_at", "version" FROM "temporary_incident"',
    );
    await queryRunner.query('DROP TABLE "temporary_incident"');
    await queryRunner.query('CREATE UNIQUE INDEX "ux_incident_fingerprint" ON "incident" ("fingerprint") ');
    await queryRunner.query(
      'CREATE INDEX "ix_incident_corridor" ON "incident" ("corridor_id", "occurred_at") ',
    );
    await queryRunner.query('DROP INDEX "ux_evacuation_report_fingerprint"');
    await queryRunner.query('DROP INDEX "ix_evacuation_report_corridor"');
    await queryRunner.query('ALTER TABLE "evacuation_report" RENAME TO "temporary_evacuation_report"');
    await queryRunner.query(
      'CREATE TABLE "evacuation_report" ("id" varchar(36) PRIMARY KEY NOT NULL, "corridor_id" varchar(36) NOT NULL, "window_id" varchar(36), "source_party_id" varchar(36) NOT NULL, "reported_at" bigint NOT NULL, "qualifier" varchar(16) NOT NULL, "value" integer NOT NULL, "max" integer, "category" varchar(16) NOT NULL, "arrived_at_id" varchar(36), "source_url" varchar(2048), "note" text, "fingerprint" varchar(64) NOT NULL, "organisation_id" varchar(36) NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "FK_362c7e320f183dbcfe5f57def25" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_253ca11fb8ada9321fcc89e1a2e" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_f1f946a6d4ddc8e50e6ce09e120" FOREIGN KEY ("arrived_at_id") REFERENCES "location" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_af1096c4c01383e3733911b2731" FOREIGN KEY ("source_party_id") REFERENCES "party" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_83de16a1038bb4b27db1f2deeb8" FOREIGN KEY ("window_id") REFERENCES "corridor_window" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_e514b00f1f74303a3d705480b8c" FOREIGN KEY ("corridor_id") REFERENCES "corridor" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "evacuation_report"("id", "corridor_id", "window_id", "source_party_id", "reported_at", "qualifier", "value", "max", "category", "arrived_at_id", "source_url", "note", "fingerprint", "organisation_id", "created_by_id", "created_at", "version") SELECT "id", "corridor_id", "window_id", "source_party_id", "reported_at", "qualifier", "value", "max", "category", "arrived_at_id", "source_url", "note", "fingerprint", "organisation_id", "created_by_id", "created_at", "version" FROM "temporary_evacuation_report"',
    );
    await queryRunner.query('DROP TABLE "temporary_evacuation_report"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_evacuation_report_fingerprint" ON "evacuation_report" ("fingerprint") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_evacuation_report_corridor" ON "evacuation_report" ("corridor_id", "window_id", "value", "max") ',
    );
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
    await queryRunner.query('DROP INDEX "ix_corridor_announced"');
    await queryRunner.query('DROP INDEX "ix_corridor_organisation"');
    await queryRunner.query('DROP INDEX "ix_corridor_announced_by"');
    await queryRunner.query('DROP INDEX "ix_corridor_destination"');
    await queryRunner.query('DROP INDEX "ix_corridor_origin"');
    await queryRunner.query('ALTER TABLE "corridor" RENAME TO "temporary_corridor"');
    await queryRunner.query(
      'CREATE TABLE "corridor" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(300) NOT NULL, "origin_id" varchar(36) NOT NULL, "destination_id" varchar(36), "announced_by_id" varchar(36) NOT NULL, "announced_at" bigint NOT NULL, "timezone" varchar(64) NOT NULL, "source_url" varchar(2048), "source_note" text, "route" text, "cancelled_at" bigint, "cancel_reason" text, "confirmation_state" varchar(16) NOT NULL, "first_starts_at" bigint, "last_ends_at" bigint, "evacuation_report_count" integer NOT NULL DEFAULT (0), "evacuation_low" integer, "evacuation_high" integer, "version" integer NOT NULL DEFAULT (1), "organisation_id" varchar(36) NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, "updated_at" bigint NOT NULL, "cancelled_by_id" varchar(36), CONSTRAINT "FK_3a4c775e0e102ff7cb70c97a184" FOREIGN KEY ("cancelled_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_fbe13a85a97baac37b09880c315" FOREIGN KEY ("origin_id") REFERENCES "location" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_b206b4d8f4416588ce5a21a2425" FOREIGN KEY ("destination_id") REFERENCES "location" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_93927fde799595a06e13670b3a4" FOREIGN KEY ("announced_by_id") REFERENCES "party" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_77453a8e881b7bb38488d263ab0" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_74dfdd740ed1fd8e5794d205fa2" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "corridor"("id", "name", "origin_id", "destination_id", "announced_by_id", "announced_at", "timezone", "source_url", "source_note", "route", "cancelled_at", "cancel_reason", "confirmation_state", "first_starts_at", "last_ends_at", "evacuation_report_count", "evacuation_low", "evacuation_high", "version", "organisation_id", "created_by_id", "created_at", "updated_at", "cancelled_by_id") SELECT "id", "name", "origin_id", "destination_id", "announced_by_id", "announced_at", "timezone", "source_url", "source_note", "route", "cancelled_at", "cancel_reason", "confirmation_state", "first_starts_at", "last_ends_at", "evacuation_report_count", "evacuation_low", "evacuation_high", "version", "organisation_id", "created_by_id", "created_at", "updated_at", "cancelled_by_id" FROM "temporary_corridor"',
    );
    await queryRunner.query('DROP TABLE "temporary_corridor"');
    await queryRunner.query('CREATE INDEX "ix_corridor_announced" ON "corridor" ("announced_at", "id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_organisation" ON "corridor" ("organisation_id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_announced_by" ON "corridor" ("announced_by_id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_destination" ON "corridor" ("destination_id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_origin" ON "corridor" ("origin_id") ');
    await queryRunner.query('DROP TABLE "embargo_hold"');
  }
}
