import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795620003717 implements MigrationInterface {
  name = 'Initial1795620003717';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "organisation" ("id" character varying(36) NOT NULL, "name" character varying(200) NOT NULL, "created_at" bigint NOT NULL, CONSTRAINT "PK_c725ae234ef1b74cce43d2d00c1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "ux_organisation_name" ON "organisation"  ("name") ');
    await queryRunner.query(
      'CREATE TABLE "app_user" ("id" character varying(36) NOT NULL, "email" character varying(320) NOT NULL, "display_name" character varying(200) NOT NULL, "organisation_id" character varying(36) NOT NULL, "role" character varying(16) NOT NULL, "password_hash" text, "disabled_at" bigint, "created_at" bigint NOT NULL, "updated_at" bigint NOT NULL, CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "ux_app_user_email" ON "app_user"  ("email") ');
    await queryRunner.query('CREATE INDEX "ix_app_user_organisation" ON "app_user"  ("organisation_id") ');
    await queryRunner.query(
      'CREATE TABLE "api_key" ("id" character varying(36) NOT NULL, "name" character varying(200) NOT NULL, "organisation_id" character varying(36) NOT NULL, "user_id" character varying(36) NOT NULL, "key_hash" character varying(64) NOT NULL, "key_prefix" character varying(16) NOT NULL, "scopes" character varying(32) NOT NULL, "created_at" bigint NOT NULL, "last_used_at" bigint, "revoked_at" bigint, CONSTRAINT "PK_b1bd840641b8acbaad89c3d8d11" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_api_key_organisation" ON "api_key"  ("organisation_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "ux_api_key_hash" ON "api_key"  ("key_hash") ');
    await queryRunner.query(
      'CREATE TABLE "party" ("id" character varying(36) NOT NULL, "name" character varying(200) NOT NULL, "short_name" character varying(64), "kind" character varying(16) NOT NULL, "organisation_id" character varying(36) NOT NULL, "created_by_id" character varying(36) NOT NULL, "created_at" bigint NOT NULL, CONSTRAINT "PK_e6189b3d533e140bb33a6d2cec1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "ux_party_name" ON "party"  ("name") ');
    await queryRunner.query('CREATE INDEX "ix_party_kind" ON "party"  ("kind") ');
    await queryRunner.query(
      'CREATE TABLE "location" ("id" character varying(36) NOT NULL, "name" character varying(200) NOT NULL, "lat" double precision NOT NULL, "lon" double precision NOT NULL, "admin_area" character varying(200), "country_code" character varying(2), "organisation_id" character varying(36) NOT NULL, "created_by_id" character varying(36) NOT NULL, "created_at" bigint NOT NULL, CONSTRAINT "PK_876d7bdba03c72251ec4c2dc827" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_location_name" ON "location"  ("name") ');
    await queryRunner.query(
      'CREATE TABLE "corridor" ("id" character varying(36) NOT NULL, "name" character varying(300) NOT NULL, "origin_id" character varying(36) NOT NULL, "destination_id" character varying(36), "announced_by_id" character varying(36) NOT NULL, "announced_at" bigint NOT NULL, "timezone" character varying(64) NOT NULL, "source_url" character varying(2048), "source_note" text, "route" text, "cancelled_at" bigint, "cancel_reason" text, "confirmation_state" character varying(16) NOT NULL, "first_starts_at" bigint, "last_ends_at" bigint, "evacuation_report_count" integer NOT NULL DEFAULT \'0\', "evacuation_low" integer, "evacuation_high" integer, "version" integer NOT NULL DEFAULT \'1\', "organisation_id" character varying(36) NOT NULL, "created_by_id" character varying(36) NOT NULL, "created_at" bigint NOT NULL, "updated_at" bigint NOT NULL, CONSTRAINT "PK_45c8cfd9abb8cef061b52066639" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_corridor_origin" ON "corridor"  ("origin_id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_destination" ON "corridor"  ("destination_id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_announced_by" ON "corridor"  ("announced_by_id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_organisation" ON "corridor"  ("organisation_id") ');
    await queryRunner.query('CREATE INDEX "ix_corridor_announced" ON "corridor"  ("announced_at", "id") ');
    await queryRunner.query(
      'CREATE TABLE "corridor_required_party" ("corridor_id" character varying(36) NOT NULL, "party_id" character varying(36) NOT NULL, CONSTRAINT "PK_ac00960322f9cf33f423c05aa7f" PRIMARY KEY ("corridor_id", "party_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_corridor_required_party_party" ON "corridor_required_party"  ("party_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "corridor_window" ("id" character varying(36) NOT NULL, "corridor_id" character varying(36) NOT NULL, "starts_at" bigint NOT NULL, "ends_at" bigint NOT NULL, "created_by_id" character varying(36) NOT NULL, "created_at" bigint NOT NULL, CONSTRAINT "PK_0408c7e3691098c4295b86a512b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_corridor_window_ends" ON "corridor_window"  ("ends_at") ');
    await queryRunner.query(
      'CREATE INDEX "ix_corridor_window_span" ON "corridor_window"  ("starts_at", "ends_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_corridor_window_corridor" ON "corridor_window"  ("corridor_id", "starts_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "idempotency_record" ("principal_id" character varying(36) NOT NULL, "idempotency_key" character varying(255) NOT NULL, "request_hash" character varying(64) NOT NULL, "status_code" integer NOT NULL, "response_body" text NOT NULL, "created_at" bigint NOT NULL, CONSTRAINT "PK_dd57e6fc651a030f71dce42d3af" PRIMARY KEY ("principal_id", "idempotency_key"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_idempotency_record_created" ON "idempotency_record"  ("created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "confirmation" ("id" character varying(36) NOT NULL, "corridor_id" character varying(36) NOT NULL, "party_id" character varying(36) NOT NULL, "stance" character varying(16) NOT NULL, "stated_at" bigint NOT NULL, "source_url" character varying(2048), "note" text, "fingerprint" character varying(64) NOT NULL, "organisation_id" character varying(36) NOT NULL, "created_by_id" character varying(36) NOT NULL, "created_at" bigint NOT NULL, CONSTRAINT "PK_3eee17867bc79b59e68f5f879fe" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_confirmation_party" ON "confirmation"  ("party_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_confirmation_fingerprint" ON "confirmation"  ("fingerprint") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_confirmation_corridor" ON "confirmation"  ("corridor_id", "stated_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "evacuation_report" ("id" character varying(36) NOT NULL, "corridor_id" character varying(36) NOT NULL, "window_id" character varying(36), "source_party_id" character varying(36) NOT NULL, "reported_at" bigint NOT NULL, "qualifier" character varying(16) NOT NULL, "value" integer NOT NULL, "max" integer, "category" character varying(16) NOT NULL, "arrived_at_id" character varying(36), "source_url" character varying(2048), "note" text, "fingerprint" character varying(64) NOT NULL, "organisation_id" character varying(36) NOT NULL, "created_by_id" character varying(36) NOT NULL, "created_at" bigint NOT NULL, CONSTRAINT "PK_57eec3930fb01c9ae0455fb300d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_evacuation_report_window" ON "evacuation_report"  ("window_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_evacuation_report_source" ON "evacuation_report"  ("source_party_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_evacuation_report_fingerprint" ON "evacuation_report"  ("fingerprint") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_evacuation_report_corridor" ON "evacuation_report"  ("corridor_id", "window_id", "value", "max") ',
    );
    await queryRunner.query(
      'CREATE TABLE "incident" ("id" character varying(36) NOT NULL, "corridor_id" character varying(36) NOT NULL, "kind" character varying(16) NOT NULL, "occurred_at" bigint NOT NULL, "description" text NOT NULL, "source_party_id" character varying(36), "source_url" character varying(2048), "fingerprint" character varying(64) NOT NULL, "organisation_id" character varying(36) NOT NULL, "created_by_id" character varying(36) NOT NULL, "created_at" bigint NOT NULL, CONSTRAINT "PK_5f90b28b0b8238d89ee8edcf96e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "ux_incident_fingerprint" ON "incident"  ("fingerprint") ');
    await queryRunner.query(
      'CREATE INDEX "ix_incident_corridor" ON "incident"  ("corridor_id", "occurred_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "remaining_report" ("id" character varying(36) NOT NULL, "corridor_id" character varying(36) NOT NULL, "source_party_id" character varying(36) NOT NULL, "reported_at" bigint NOT NULL, "qualifier" character varying(16) NOT NULL, "value" integer NOT NULL, "max" integer, "source_url" character varying(2048), "note" text, "fingerprint" character varying(64) NOT NULL, "organisation_id" character varying(36) NOT NULL, "created_by_id" character varying(36) NOT NULL, "created_at" bigint NOT NULL, CONSTRAINT "PK_c98cda604d6f7e69e45509de8cd" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ux_remaining_report_fingerprint" ON "remaining_report"  ("fingerprint") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_remaining_report_corridor" ON "remaining_report"  ("corridor_id", "reported_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "user_session" ("id" character varying(36) NOT NULL, "token_hash" character varying(64) NOT NULL, "user_id" character varying(36) NOT NULL, "created_at" bigint NOT NULL, "expires_at" bigint NOT NULL, "revoked_at" bigint, CONSTRAINT "PK_adf3b49590842ac3cf54cac451a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "ux_user_session_token" ON "user_session"  ("token_hash") ');
    await queryRunner.query('CREATE INDEX "ix_user_session_user" ON "user_session"  ("user_id") ');
    await queryRunner.query(
      'ALTER TABLE "app_user" ADD CONSTRAINT "FK_6fa42e978fa7d7adc32736e26fd" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "api_key" ADD CONSTRAINT "FK_656bf45bf240ad0a5aced63ae53" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "api_key" ADD CONSTRAINT "FK_6a0830f03e537b239a53269b27d" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "party" ADD CONSTRAINT "FK_24c0c079cad6611283141e57484" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "party" ADD CONSTRAINT "FK_2f23fa1fd26979a58a8440a36e0" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "location" ADD CONSTRAINT "FK_99dbeb4287fe269acc52b4fa5e9" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "location" ADD CONSTRAINT "FK_b44b611e489d51b6efae302fbba" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "corridor" ADD CONSTRAINT "FK_fbe13a85a97baac37b09880c315" FOREIGN KEY ("origin_id") REFERENCES "location"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "corridor" ADD CONSTRAINT "FK_b206b4d8f4416588ce5a21a2425" FOREIGN KEY ("destination_id") REFERENCES "location"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "corridor" ADD CONSTRAINT "FK_93927fde799595a06e13670b3a4" FOREIGN KEY ("announced_by_id") REFERENCES "party"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "corridor" ADD CONSTRAINT "FK_77453a8e881b7bb38488d263ab0" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "corridor" ADD CONSTRAINT "FK_74dfdd740ed1fd8e5794d205fa2" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "corridor_required_party" ADD CONSTRAINT "FK_3a3e4715cf4918504cc2231fc82" FOREIGN KEY ("corridor_id") REFERENCES "corridor"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "corridor_required_party" ADD CONSTRAINT "FK_f8f2952b9d04b87275b126af361" FOREIGN KEY ("party_id") REFERENCES "party"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "corridor_window" ADD CONSTRAINT "FK_f29445134bb43f94fe55e321421" FOREIGN KEY ("corridor_id") REFERENCES "corridor"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "corridor_window" ADD CONSTRAINT "FK_707ce58b641a02251976004fbe7" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "confirmation" ADD CONSTRAINT "FK_d9497a5e2b470172037ae318ae0" FOREIGN KEY ("corridor_id") REFERENCES "corridor"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "confirmation" ADD CONSTRAINT "FK_caaa47f22ca1373803ac7a1efff" FOREIGN KEY ("party_id") REFERENCES "party"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "confirmation" ADD CONSTRAINT "FK_a6e614e8a02cae0f2d453fa7581" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "confirmation" ADD CONSTRAINT "FK_15fa699e009548b74736e5d2313" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "evacuation_report" ADD CONSTRAINT "FK_e514b00f1f74303a3d705480b8c" FOREIGN KEY ("corridor_id") REFERENCES "corridor"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "evacuation_report" ADD CONSTRAINT "FK_83de16a1038bb4b27db1f2deeb8" FOREIGN KEY ("window_id") REFERENCES "corridor_window"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "evacuation_report" ADD CONSTRAINT "FK_af1096c4c01383e3733911b2731" FOREIGN KEY ("source_party_id") REFERENCES "party"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "evacuation_report" ADD CONSTRAINT "FK_f1f946a6d4ddc8e50e6ce09e120" FOREIGN KEY ("arrived_at_id") REFERENCES "location"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "evacuation_report" ADD CONSTRAINT "FK_253ca11fb8ada9321fcc89e1a2e" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "evacuation_report" ADD CONSTRAINT "FK_362c7e320f183dbcfe5f57def25" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "incident" ADD CONSTRAINT "FK_793a3bd5c5d01b9fb7e1c95ce58" FOREIGN KEY ("corridor_id") REFERENCES "corridor"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "incident" ADD CONSTRAINT "FK_b628e3b8da345a0177147a66a5d" FOREIGN KEY ("source_party_id") REFERENCES "party"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "incident" ADD CONSTRAINT "FK_e67036ccb6aaea116efe6279ac5" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "incident" ADD CONSTRAINT "FK_e680ed2677952578169d56306f1" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "remaining_report" ADD CONSTRAINT "FK_57f2a5a90638b943f0f54e73503" FOREIGN KEY ("corridor_id") REFERENCES "corridor"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "remaining_report" ADD CONSTRAINT "FK_1501ecbb80111ca34a62ed2593e" FOREIGN KEY ("source_party_id") REFERENCES "party"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "remaining_report" ADD CONSTRAINT "FK_4c751047d0060ec78b525acfa3f" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "remaining_report" ADD CONSTRAINT "FK_745208edfcd47f9e92f0b83b180" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "user_session" ADD CONSTRAINT "FK_13275383dcdf095ee29f2b3455a" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "user_session" DROP CONSTRAINT "FK_13275383dcdf095ee29f2b3455a"');
    await queryRunner.query(
      'ALTER TABLE "remaining_report" DROP CONSTRAINT "FK_745208edfcd47f9e92f0b83b180"',
    );
    await queryRunner.query(
      'ALTER TABLE "remaining_report" DROP CONSTRAINT "FK_4c751047d0060ec78b525acfa3f"',
    );
    await queryRunner.query(
      'ALTER TABLE "remaining_report" DROP CONSTRAINT "FK_1501ecbb80111ca34a62ed2593e"',
    );
    await queryRunner.query(
      'ALTER TABLE "remaining_report" DROP CONSTRAINT "FK_57f2a5a90638b943f0f54e73503"',
    );
    await queryRunner.query('ALTER TABLE "incident" DROP CONSTRAINT "FK_e680ed2677952578169d56306f1"');
    await queryRunner.query('ALTER TABLE "incident" DROP CONSTRAINT "FK_e67036ccb6aaea116efe6279ac5"');
    await queryRunner.query('ALTER TABLE "incident" DROP CONSTRAINT "FK_b628e3b8da345a0177147a66a5d"');
    await queryRunner.query('ALTER TABLE "incident" DROP CONSTRAINT "FK_793a3bd5c5d01b9fb7e1c95ce58"');
    await queryRunner.query(
      'ALTER TABLE "evacuation_report" DROP CONSTRAINT "FK_362c7e320f183dbcfe5f57def25"',
    );
    await queryRunner.query(
      'ALTER TABLE "evacuation_report" DROP CONSTRAINT "FK_253ca11fb8ada9321fcc89e1a2e"',
    );
    await queryRunner.query(
      'ALTER TABLE "evacuation_report" DROP CONSTRAINT "FK_f1f946a6d4ddc8e50e6ce09e120"',
    );
    await queryRunner.query(
      'ALTER TABLE "evacuation_report" DROP CONSTRAINT "FK_af1096c4c01383e3733911b2731"',
    );
    await queryRunner.query(
      'ALTER TABLE "evacuation_report" DROP CONSTRAINT "FK_83de16a1038bb4b27db1f2deeb8"',
    );
    await queryRunner.query(
      'ALTER TABLE "evacuation_report" DROP CONSTRAINT "FK_e514b00f1f74303a3d705480b8c"',
    );
    await queryRunner.query('ALTER TABLE "confirmation" DROP CONSTRAINT "FK_15fa699e009548b74736e5d2313"');
    await queryRunner.query('ALTER TABLE "confirmation" DROP CONSTRAINT "FK_a6e614e8a02cae0f2d453fa7581"');
    await queryRunner.query('ALTER TABLE "confirmation" DROP CONSTRAINT "FK_caaa47f22ca1373803ac7a1efff"');
    await queryRunner.query('ALTER TABLE "confirmation" DROP CONSTRAINT "FK_d9497a5e2b470172037ae318ae0"');
    await queryRunner.query('ALTER TABLE "corridor_window" DROP CONSTRAINT "FK_707ce58b641a02251976004fbe7"');
    await queryRunner.query('ALTER TABLE "corridor_window" DROP CONSTRAINT "FK_f29445134bb43f94fe55e321421"');
    await queryRunner.query(
      'ALTER TABLE "corridor_required_party" DROP CONSTRAINT "FK_f8f2952b9d04b87275b126af361"',
    );
    await queryRunner.query(
      'ALTER TABLE "corridor_required_party" DROP CONSTRAINT "FK_3a3e4715cf4918504cc2231fc82"',
    );
    await queryRunner.query('ALTER TABLE "corridor" DROP CONSTRAINT "FK_74dfdd740ed1fd8e5794d205fa2"');
    await queryRunner.query('ALTER TABLE "corridor" DROP CONSTRAINT "FK_77453a8e881b7bb38488d263ab0"');
    await queryRunner.query('ALTER TABLE "corridor" DROP CONSTRAINT "FK_93927fde799595a06e13670b3a4"');
    await queryRunner.query('ALTER TABLE "corridor" DROP CONSTRAINT "FK_b206b4d8f4416588ce5a21a2425"');
    await queryRunner.query('ALTER TABLE "corridor" DROP CONSTRAINT "FK_fbe13a85a97baac37b09880c315"');
    await queryRunner.query('ALTER TABLE "location" DROP CONSTRAINT "FK_b44b611e489d51b6efae302fbba"');
    await queryRunner.query('ALTER TABLE "location" DROP CONSTRAINT "FK_99dbeb4287fe269acc52b4fa5e9"');
    await queryRunner.query('ALTER TABLE "party" DROP CONSTRAINT "FK_2f23fa1fd26979a58a8440a36e0"');
    await queryRunner.query('ALTER TABLE "party" DROP CONSTRAINT "FK_24c0c079cad6611283141e57484"');
    await queryRunner.query('ALTER TABLE "api_key" DROP CONSTRAINT "FK_6a0830f03e537b239a53269b27d"');
    await queryRunner.query('ALTER TABLE "api_key" DROP CONSTRAINT "FK_656bf45bf240ad0a5aced63ae53"');
    await queryRunner.query('ALTER TABLE "app_user" DROP CONSTRAINT "FK_6fa42e978fa7d7adc32736e26fd"');
    await queryRunner.query('DROP INDEX "public"."ix_user_session_user"');
    await queryRunner.query('DROP INDEX "public"."ux_user_session_token"');
    await queryRunner.query('DROP TABLE "user_session"');
    await queryRunner.query('DROP INDEX "public"."ix_remaining_report_corridor"');
    await queryRunner.query('DROP INDEX "public"."ux_remaining_report_fingerprint"');
    await queryRunner.query('DROP TABLE "remaining_report"');
    await queryRunner.query('DROP INDEX "public"."ix_incident_corridor"');
    await queryRunner.query('DROP INDEX "public"."ux_incident_fingerprint"');
    await queryRunner.query('DROP TABLE "incident"');
    await queryRunner.query('DROP INDEX "public"."ix_evacuation_report_corridor"');
    await queryRunner.query('DROP INDEX "public"."ux_evacuation_report_fingerprint"');
    await queryRunner.query('DROP INDEX "public"."ix_evacuation_report_source"');
    await queryRunner.query('DROP INDEX "public"."ix_evacuation_report_window"');
    await queryRunner.query('DROP TABLE "evacuation_report"');
    await queryRunner.query('DROP INDEX "public"."ix_confirmation_corridor"');
    await queryRunner.query('DROP INDEX "public"."ux_confirmation_fingerprint"');
    await queryRunner.query('DROP INDEX "public"."ix_confirmation_party"');
    await queryRunner.query('DROP TABLE "confirmation"');
    await queryRunner.query('DROP INDEX "public"."ix_idempotency_record_created"');
    await queryRunner.query('DROP TABLE "idempotency_record"');
    await queryRunner.query('DROP INDEX "public"."ix_corridor_window_corridor"');
    await queryRunner.query('DROP INDEX "public"."ix_corridor_window_span"');
    await queryRunner.query('DROP INDEX "public"."ix_corridor_window_ends"');
    await queryRunner.query('DROP TABLE "corridor_window"');
    await queryRunner.query('DROP INDEX "public"."ix_corridor_required_party_party"');
    await queryRunner.query('DROP TABLE "corridor_required_party"');
    await queryRunner.query('DROP INDEX "public"."ix_corridor_announced"');
    await queryRunner.query('DROP INDEX "public"."ix_corridor_organisation"');
    await queryRunner.query('DROP INDEX "public"."ix_corridor_announced_by"');
    await queryRunner.query('DROP INDEX "public"."ix_corridor_destination"');
    await queryRunner.query('DROP INDEX "public"."ix_corridor_origin"');
    await queryRunner.query('DROP TABLE "corridor"');
    await queryRunner.query('DROP INDEX "public"."ix_location_name"');
    await queryRunner.query('DROP TABLE "location"');
    await queryRunner.query('DROP INDEX "public"."ix_party_kind"');
    await queryRunner.query('DROP INDEX "public"."ux_party_name"');
    await queryRunner.query('DROP TABLE "party"');
    await queryRunner.query('DROP INDEX "public"."ux_api_key_hash"');
    await queryRunner.query('DROP INDEX "public"."ix_api_key_organisation"');
    await queryRunner.query('DROP TABLE "api_key"');
    await queryRunner.query('DROP INDEX "public"."ix_app_user_organisation"');
    await queryRunner.query('DROP INDEX "public"."ux_app_user_email"');
    await queryRunner.query('DROP TABLE "app_user"');
    await queryRunner.query('DROP INDEX "public"."ux_organisation_name"');
    await queryRunner.query('DROP TABLE "organisation"');
  }
}
