import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795620003717 implements MigrationInterface {
  name = 'Initial1795620003717';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "organisation" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "created_at" bigint NOT NULL)',
    );
    await queryRunner.query(
      'CREATE TABLE "idempotency_record" ("principal_id" varchar(36) NOT NULL, "idempotency_key" varchar(255) NOT NULL, "request_hash" varchar(64) NOT NULL, "status_code" integer NOT NULL, "response_body" text NOT NULL, "created_at" bigint NOT NULL, PRIMARY KEY ("principal_id", "idempotency_key"))',
    );
    await queryRunner.query(
      'CREATE TABLE "app_user" ("id" varchar(36) PRIMARY KEY NOT NULL, "email" varchar(320) NOT NULL, "display_name" varchar(200) NOT NULL, "organisation_id" varchar(36) NOT NULL, "role" varchar(16) NOT NULL, "password_hash" text, "disabled_at" bigint, "created_at" bigint NOT NULL, "updated_at" bigint NOT NULL, CONSTRAINT "FK_6fa42e978fa7d7adc32736e26fd" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE TABLE "api_key" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "organisation_id" varchar(36) NOT NULL, "user_id" varchar(36) NOT NULL, "key_hash" varchar(64) NOT NULL, "key_prefix" varchar(16) NOT NULL, "scopes" varchar(32) NOT NULL, "created_at" bigint NOT NULL, "last_used_at" bigint, "revoked_at" bigint, CONSTRAINT "FK_656bf45bf240ad0a5aced63ae53" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_6a0830f03e537b239a53269b27d" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE TABLE "party" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "short_name" varchar(64), "kind" varchar(16) NOT NULL, "organisation_id" varchar(36) NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, CONSTRAINT "FK_24c0c079cad6611283141e57484" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_2f23fa1fd26979a58a8440a36e0" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE TABLE "location" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "lat" double precision NOT NULL, "lon" double precision NOT NULL, "admin_area" varchar(200), "country_code" varchar(2), "organisation_id" varchar(36) NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, CONSTRAINT "FK_99dbeb4287fe269acc52b4fa5e9" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_b44b611e489d51b6efae302fbba" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE TABLE "corridor" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(300) NOT NULL, "origin_id" varchar(36) NOT NULL, "destination_id" varchar(36), "announced_by_id" varchar(36) NOT NULL, "announced_at" bigint NOT NULL, "timezone" varchar(64) NOT NULL, "source_url" varchar(2048), "source_note" text, "route" text, "cancelled_at" bigint, "cancel_reason" text, "confirmation_state" varchar(16) NOT NULL, "first_starts_at" bigint, "last_ends_at" bigint, "evacuation_report_count" integer NOT NULL DEFAULT (0), "evacuation_low" integer, "evacuation_high" integer, "version" integer NOT NULL DEFAULT (1), "organisation_id" varchar(36) NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, "updated_at" bigint NOT NULL, CONSTRAINT "FK_fbe13a85a97baac37b09880c315" FOREIGN KEY ("origin_id") REFERENCES "location" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_b206b4d8f4416588ce5a21a2425" FOREIGN KEY ("destination_id") REFERENCES "location" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_93927fde799595a06e13670b3a4" FOREIGN KEY ("announced_by_id") REFERENCES "party" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_77453a8e881b7bb38488d263ab0" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_74dfdd740ed1fd8e5794d205fa2" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE TABLE "corridor_required_party" ("corridor_id" varchar(36) NOT NULL, "party_id" varchar(36) NOT NULL, CONSTRAINT "FK_3a3e4715cf4918504cc2231fc82" FOREIGN KEY ("corridor_id") REFERENCES "corridor" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_f8f2952b9d04b87275b126af361" FOREIGN KEY ("party_id") REFERENCES "party" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, PRIMARY KEY ("corridor_id", "party_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "corridor_window" ("id" varchar(36) PRIMARY KEY NOT NULL, "corridor_id" varchar(36) NOT NULL, "starts_at" bigint NOT NULL, "ends_at" bigint NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, CONSTRAINT "FK_f29445134bb43f94fe55e321421" FOREIGN KEY ("corridor_id") REFERENCES "corridor" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_707ce58b641a02251976004fbe7" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE TABLE "confirmation" ("id" varchar(36) PRIMARY KEY NOT NULL, "corridor_id" varchar(36) NOT NULL, "party_id" varchar(36) NOT NULL, "stance" varchar(16) NOT NULL, "stated_at" bigint NOT NULL, "source_url" varchar(2048), "note" text, "fingerprint" varchar(64) NOT NULL, "organisation_id" varchar(36) NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, CONSTRAINT "FK_d9497a5e2b470172037ae318ae0" FOREIGN KEY ("corridor_id") REFERENCES "corridor" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_caaa47f22ca1373803ac7a1efff" FOREIGN KEY ("party_id") REFERENCES "party" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_a6e614e8a02cae0f2d453fa7581" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_15fa699e009548b74736e5d2313" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE TABLE "evacuation_report" ("id" varchar(36) PRIMARY KEY NOT NULL, "corridor_id" varchar(36) NOT NULL, "window_id" varchar(36), "source_party_id" varchar(36) NOT NULL, "reported_at" bigint NOT NULL, "qualifier" varchar(16) NOT NULL, "value" integer NOT NULL, "max" integer, "category" varchar(16) NOT NULL, "arrived_at_id" varchar(36), "source_url" varchar(2048), "note" text, "fingerprint" varchar(64) NOT NULL, "organisation_id" varchar(36) NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, CONSTRAINT "FK_e514b00f1f74303a3d705480b8c" FOREIGN KEY ("corridor_id") REFERENCES "corridor" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_83de16a1038bb4b27db1f2deeb8" FOREIGN KEY ("window_id") REFERENCES "corridor_window" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_af1096c4c01383e3733911b2731" FOREIGN KEY ("source_party_id") REFERENCES "party" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_f1f946a6d4ddc8e50e6ce09e120" FOREIGN KEY ("arrived_at_id") REFERENCES "location" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_253ca11fb8ada9321fcc89e1a2e" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_362c7e320f183dbcfe5f57def25" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE TABLE "incident" ("id" varchar(36) PRIMARY KEY NOT NULL, "corridor_id" varchar(36) NOT NULL, "kind" varchar(16) NOT NULL, "occurred_at" bigint NOT NULL, "description" text NOT NULL, "source_party_id" varchar(36), "source_url" varchar(2048), "fingerprint" varchar(64) NOT NULL, "organisation_id" varchar(36) NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, CONSTRAINT "FK_793a3bd5c5d01b9fb7e1c95ce58" FOREIGN KEY ("corridor_id") REFERENCES "corridor" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_b628e3b8da345a0177147a66a5d" FOREIGN KEY ("source_party_id") REFERENCES "party" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_e67036ccb6aaea116efe6279ac5" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_e680ed2677952578169d56306f1" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE TABLE "remaining_report" ("id" varchar(36) PRIMARY KEY NOT NULL, "corridor_id" varchar(36) NOT NULL, "source_party_id" varchar(36) NOT NULL, "reported_at" bigint NOT NULL, "qualifier" varchar(16) NOT NULL, "value" integer NOT NULL, "max" integer, "source_url" varchar(2048), "note" text, "fingerprint" varchar(64) NOT NULL, "organisation_id" varchar(36) NOT NULL, "created_by_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, CONSTRAINT "FK_57f2a5a90638b943f0f54e73503" FOREIGN KEY ("corridor_id") REFERENCES "corridor" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_1501ecbb80111ca34a62ed2593e" FOREIGN KEY ("source_party_id") REFERENCES "party" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_4c751047d0060ec78b525acfa3f" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_745208edfcd47f9e92f0b83b180" FOREIGN KEY ("created_by_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE TABLE "user_session" ("id" varchar(36) PRIMARY KEY NOT NULL, "token_hash" varchar(64) NOT NULL, "user_id" varchar(36) NOT NULL, "created_at" bigint NOT NULL, "expires_at" bigint NOT NULL, "revoked_at" bigint, CONSTRAINT "FK_13275383dcdf095ee29f2b3455a" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "ux_organisation_name" ON "organisation" ("name") ');
    await queryRunner.query(
      'CREATE INDEX "ix_idempotency_record_created" ON "idempotency_record" ("created_at") ',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "ux_app_user_email" ON "app_user" ("email") ');
    await queryRunner.query('CREATE INDEX "ix_app_user_organisation" ON "app_user" ("organisation_id") ');
    await queryRunner.query('CREATE INDEX "ix_api_key_organisation" ON "api_key" ("organisation_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "ux_api_key_hash" ON "api_key" ("key_hash") ');
    await queryRunner.query('CREATE UNIQUE INDEX "ux_party_name" ON "party" ("name") ');
    await queryRunner.query('CREATE INDEX "ix_party_kind" ON "party" ("kind") ');
    await queryRunner.query('CREATE INDEX "ix_location_name" ON "location" ("name") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_origin" ON "corridor" ("origin_id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_destination" ON "corridor" ("destination_id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_announced_by" ON "corridor" ("announced_by_id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_organisation" ON "corridor" ("organisation_id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_announced" ON "corridor" ("announced_at", "id") ');
    await queryRunner.query(
      'CREATE INDEX "ix_corridor_required_party_party" ON "corridor_required_party" ("party_id") ',
    );
    await queryRunner.query('CREATE INDEX "ix_corridor_window_ends" ON "corridor_window" ("ends_at") ');
    await queryRunner.query(
      'CREATE INDEX "ix_corridor_window_span" ON "corridor_window" ("starts_at", "ends_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_corridor_window_corridor" ON "corridor_window" ("corridor_id", "starts_at") ',
    );
    await queryRunner.query('CREATE INDEX "ix_confirmation_party" ON "confirmation" ("party_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_confirmation_fingerprint" ON "confirmation" ("fingerprint") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_confirmation_corridor" ON "confirmation" ("corridor_id", "stated_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_evacuation_report_window" ON "evacuation_report" ("window_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_evacuation_report_source" ON "evacuation_report" ("source_party_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_evacuation_report_fingerprint" ON "evacuation_report" ("fingerprint") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_evacuation_report_corridor" ON "evacuation_report" ("corridor_id", "window_id", "value", "max") ',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "ux_incident_fingerprint" ON "incident" ("fingerprint") ');
    await queryRunner.query(
      'CREATE INDEX "ix_incident_corridor" ON "incident" ("corridor_id", "occurred_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_remaining_report_fingerprint" ON "remaining_report" ("fingerprint") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_remaining_report_corridor" ON "remaining_report" ("corridor_id", "reported_at") ',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "ux_user_session_token" ON "user_session" ("token_hash") ');
    await queryRunner.query('CREATE INDEX "ix_user_session_user" ON "user_session" ("user_id") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "user_session"');
    await queryRunner.query('DROP TABLE "remaining_report"');
    await queryRunner.query('DROP TABLE "incident"');
    await queryRunner.query('DROP TABLE "evacuation_report"');
    await queryRunner.query('DROP TABLE "confirmation"');
    await queryRunner.query('DROP TABLE "corridor_window"');
    await queryRunner.query('DROP TABLE "corridor_required_party"');
    await queryRunner.query('DROP TABLE "corridor"');
    await queryRunner.query('DROP TABLE "location"');
    await queryRunner.query('DROP TABLE "party"');
    await queryRunner.query('DROP TABLE "api_key"');
    await queryRunner.query('DROP TABLE "app_user"');
    await queryRunner.query('DROP TABLE "idempotency_record"');
    await queryRunner.query('DROP TABLE "organisation"');
  }
}
