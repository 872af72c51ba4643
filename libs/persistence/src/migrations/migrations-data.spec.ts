import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../data-source-options.js';
import {
  createEmptyDatabase,
  mediumDialects,
  type EmptyDatabase,
} from '../../test-support/medium-database.js';

const AT = 1_651_700_000_000;

/** The records storeRecordsOfTheFirstSchema writes, each with a fresh id; `extra` names a test's own. */
const FIRST_SCHEMA_RECORDS = [
  'org',
  'user',
  'session',
  'party',
  'otherParty',
  'location',
  'corridor',
  'window',
  'report',
  'remaining',
  'rejection',
  'confirmation',
  'incident',
];
function recordIds(...extra: string[]): Record<string, string> {
  return Object.fromEntries([...FIRST_SCHEMA_RECORDS, ...extra].map((k) => [k, randomUUID()]));
}

/** Inserts, in the first schema, a corridor with a window and a report naming it, and a live session. */
async function storeRecordsOfTheFirstSchema(
  dataSource: DataSource,
  ids: Record<string, string>,
): Promise<void> {
  const q = (sql: string, values: unknown[]) => dataSource.query(sql, values);
  const p = (n: number) =>
    Array.from({ length: n }, (_, i) => (dataSource.options.type === 'postgres' ? `$${i + 1}` : '?')).join(
      ', ',
    );
  await q(`INSERT INTO organisation (id, name, created_at) VALUES (${p(3)})`, [ids.org, 'Org', AT]);
  await q(
    `INSERT INTO app_user (id, email, display_name, organisation_id, role, password_hash, disabled_at, created_at, updated_at) VALUES (${p(9)})`,
    [ids.user, 'a@b.c', 'A', ids.org, 'admin', null, null, AT, AT],
  );
  await q(
    `INSERT INTO user_session (id, token_hash, user_id, created_at, expires_at, revoked_at) VALUES (${p(6)})`,
    [ids.session, 'h'.repeat(64), ids.user, AT, AT + 3_600_000, null],
  );
  await q(
    `INSERT INTO party (id, name, short_name, kind, organisation_id, created_by_id, created_at) VALUES (${p(7)})`,
    [ids.party, 'P', null, 'belligerent', ids.org, ids.user, AT],
  );
  // The side whose confirmation the corridor needs: it only ever stated a conditional stance.
  await q(
    `INSERT INTO party (id, name, short_name, kind, organisation_id, created_by_id, created_at) VALUES (${p(7)})`,
    [ids.otherParty, 'Q', null, 'belligerent', ids.org, ids.user, AT],
  );
  await q(
    `INSERT INTO location (id, name, lat, lon, admin_area, country_code, organisation_id, created_by_id, created_at) VALUES (${p(9)})`,
    [ids.location, 'Запоріжжя', 47.838, 35.139, null, 'UA', ids.org, ids.user, AT],
  );
  await q(
    `INSERT INTO corridor (id, name, origin_id, destination_id, announced_by_id, announced_at, timezone, source_url, source_note, route,
       cancelled_at, cancel_reason, confirmation_state, first_starts_at, last_ends_at, evacuation_report_count, evacuation_low,
       evacuation_high, version, organisation_id, created_by_id, created_at, updated_at) VALUES (${p(23)})`,
    [
      ids.corridor,
      'C',
      ids.location,
      null,
      ids.party,
      AT,
      'Europe/Kyiv',
      null,
      null,
      null,
      null,
      null,
      'pending',
      AT,
      AT + 1,
      1,
      5,
      5,
      1,
      ids.org,
      ids.user,
      AT,
      AT,
    ],
  );
  await q(`INSERT INTO corridor_required_party (corridor_id, party_id) VALUES (${p(2)})`, [
    ids.corridor,
    ids.otherParty,
  ]);
  await q(
    `INSERT INTO confirmation (id, corridor_id, party_id, stance, stated_at, source_url, note, fingerprint, organisation_id,
       created_by_id, created_at) VALUES (${p(11)})`,
    [
      ids.confirmation,
      ids.corridor,
      ids.otherParty,
      'conditional',
      AT - 1,
      null,
      null,
      'c'.repeat(64),
      ids.org,
      ids.user,
      AT,
    ],
  );
  await q(
    `INSERT INTO corridor_window (id, corridor_id, starts_at, ends_at, created_by_id, created_at) VALUES (${p(6)})`,
    [ids.window, ids.corridor, AT, AT + 1, ids.user, AT],
  );
  await q(
    `INSERT INTO evacuation_report (id, corridor_id, window_id, source_party_id, reported_at, qualifier, value, max, category, arrived_at_id,
       source_url, note, fingerprint, organisation_id, created_by_id, created_at) VALUES (${p(16)})`,
    [
      ids.report,
      ids.corridor,
      ids.window,
      ids.party,
      AT,
      'exact',
      5,
      null,
      'civilians',
      null,
      null,
      null,
      'f'.repeat(64),
      ids.org,
      ids.user,
      AT,
    ],
  );
  await q(
    `INSERT INTO remaining_report (id, corridor_id, source_party_id, reported_at, qualifier, value, max, source_url, note,
       fingerprint, organisation_id, created_by_id, created_at) VALUES (${p(13)})`,
    [
      ids.remaining,
      ids.corridor,
      ids.party,
      AT,
      'about',
      300,
      null,
      null,
      'a few hundred',
      'r'.repeat(64),
      ids.org,
      ids.user,
      AT,
    ],
  );
  await q(
    `INSERT INTO incident (id, corridor_id, kind, occurred_at, description, source_party_id, source_url, fingerprint,
       organisation_id, created_by_id, created_at) VALUES (${p(11)})`,
    [
      ids.incident,
      ids.corridor,
      'blocked',
      AT,
      'Convoy held at the checkpoint',
      ids.party,
      null,
      'i'.repeat(64),
      ids.org,
      ids.user,
      AT,
    ],
  );
  await q(
    `INSERT INTO confirmation (id, corridor_id, party_id, stance, stated_at, source_url, note, fingerprint, organisation_id,
       created_by_id, created_at) VALUES (${p(11)})`,
    [
      ids.rejection,
      ids.corridor,
      ids.party,
      'rejected',
      AT,
      null,
      null,
      'd'.repeat(64),
      ids.org,
      ids.user,
      AT,
    ],
  );
}

describe.each(mediumDialects())('migrating a database that holds records (%s)', (dialect) => {
  let empty: EmptyDatabase;
  let dataSource: DataSource;
  const ids = recordIds();

  beforeAll(async () => {
    empty = await createEmptyDatabase(dialect);
    const options = buildDataSourceOptions(empty.url);
    const firstMigration = [(options.migrations as (new () => unknown)[])[0]];
    const first = await new DataSource({ ...options, migrations: firstMigration }).initialize();
    await first.runMigrations();
    await storeRecordsOfTheFirstSchema(first, ids);
    await first.destroy();
    dataSource = await new DataSource(options).initialize();
    await dataSource.runMigrations();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await empty?.drop();
  });

  it('keeps every record and every reference: a report still names its window', async () => {
    const [report] = await dataSource.query(
      `SELECT window_id FROM evacuation_report WHERE id = '${ids.report}'`,
    );
    expect(report.window_id).toBe(ids.window);
    const expected: Record<string, number> = {
      corridor: 1,
      corridor_window: 1,
      evacuation_report: 1,
      remaining_report: 1,
      app_user: 1,
      user_session: 1,
      party: 2,
      location: 1,
      corridor_required_party: 1,
      confirmation: 2,
      incident: 1,
    };
    for (const [table, n] of Object.entries(expected)) {
      const [row] = await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`);
      expect([table, Number(row.n)]).toEqual([table, n]);
    }
    const [confirmation] = await dataSource.query(
      `SELECT party_id, stance, stated_at, fingerprint FROM confirmation WHERE id = '${ids.confirmation}'`,
    );
    expect({ ...confirmation, stated_at: Number(confirmation.stated_at) }).toEqual({
      party_id: ids.otherParty,
      stance: 'conditional',
      stated_at: AT - 1,
      fingerprint: 'c'.repeat(64),
    });
    if (dialect === 'sqlite') expect(await dataSource.query('PRAGMA foreign_key_check')).toEqual([]);
  });

  it('gives the new columns their starting values', async () => {
    const [session] = await dataSource.query(
      `SELECT last_seen_at FROM user_session WHERE id = '${ids.session}'`,
    );
    expect(session.last_seen_at).not.toBeNull();
    const [window] = await dataSource.query(
      `SELECT next_evaluation_at FROM corridor_window WHERE id = '${ids.window}'`,
    );
    expect(window.next_evaluation_at).toBeNull();
    const [windowV] = await dataSource.query(
      `SELECT is_open_ended, version FROM corridor_window WHERE id = '${ids.window}'`,
    );
    expect([Boolean(windowV.is_open_ended), Number(windowV.version)]).toEqual([false, 1]);
    const parties = await dataSource.query('SELECT side FROM party');
    expect(parties.map((party: { side: unknown }) => party.side)).toEqual([null, null]);
    const [confirmation] = await dataSource.query('SELECT reported_by_id FROM confirmation');
    expect(confirmation.reported_by_id).toBeNull();
  });

  it('leaves every promise to be computed (the api computes it at start: corridor-promise-backfill.spec)', async () => {
    const [corridor] = await dataSource.query(
      `SELECT stance_promise, settled_promise FROM corridor WHERE id = '${ids.corridor}'`,
    );
    expect(corridor).toEqual({ stance_promise: null, settled_promise: 'broken' });
  });

  it('puts no record held before embargoes under one, and keeps the figures on the corridor row', async () => {
    const [corridor] = await dataSource.query(
      `SELECT embargoed_until, embargo_until_windows_end, embargo_lifted_at, evacuation_report_count, evacuation_low
       FROM corridor WHERE id = '${ids.corridor}'`,
    );
    const [report] = await dataSource.query(
      `SELECT embargoed_until, embargo_until_windows_end, embargo_lifted_at, value FROM evacuation_report
       WHERE id = '${ids.report}'`,
    );
    for (const row of [corridor, report]) {
      expect(row.embargoed_until).toBeNull();
      expect(row.embargo_lifted_at).toBeNull();
      expect([false, 0]).toContain(row.embargo_until_windows_end);
    }
    expect([Number(corridor.evacuation_report_count), Number(corridor.evacuation_low)]).toEqual([1, 5]);
    expect(Number(report.value)).toBe(5);
    const [holds] = await dataSource.query('SELECT COUNT(*) AS n FROM embargo_hold');
    expect(Number(holds.n)).toBe(0);
  });

  it('marks every corridor recorded before webhooks to be read once, without an announcement', async () => {
    const states = await dataSource.query(
      'SELECT corridor_id, status, next_check_at FROM webhook_corridor_state',
    );
    expect(
      states.map((s: Record<string, unknown>) => [s.corridor_id, s.status, Number(s.next_check_at)]),
    ).toEqual([[ids.corridor, null, 0]]);
  });

  it('gives the places stored before their name as search text, folded in every script, and keeps their position', async () => {
    const [place] = await dataSource.query(
      `SELECT name, names, aliases, search_text, lat, lon FROM location WHERE id = '${ids.location}'`,
    );
    expect({ ...place, lat: Number(place.lat), lon: Number(place.lon) }).toEqual({
      name: 'Запоріжжя',
      names: null,
      aliases: null,
      search_text: 'запоріжжя',
      lat: 47.838,
      lon: 35.139,
    });
  });

  it('leaves every corridor in no operation and with no stops', async () => {
    for (const table of ['operation', 'operation_corridor', 'operation_facilitator', 'corridor_stop']) {
      const [row] = await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`);
      expect([table, Number(row.n)]).toEqual([table, 0]);
    }
  });
});

describe.each(mediumDialects())('migrating claims stored before measures and grades (%s)', (dialect) => {
  let empty: EmptyDatabase;
  let dataSource: DataSource;
  const ids = recordIds();

  beforeAll(async () => {
    empty = await createEmptyDatabase(dialect);
    const options = buildDataSourceOptions(empty.url);
    const first = await new DataSource({
      ...options,
      migrations: [(options.migrations as (new () => unknown)[])[0]],
    }).initialize();
    await first.runMigrations();
    await storeRecordsOfTheFirstSchema(first, ids);
    await first.destroy();
    dataSource = await new DataSource(options).initialize();
    await dataSource.runMigrations();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await empty?.drop();
  });

  it('keeps what each claim said, and reads it as an ungraded count of people evacuated, civilians', async () => {
    const [report] = await dataSource.query(
      `SELECT window_id, qualifier, value, category, fingerprint, measure, counted_at_id, breakdown, source_reliability,
              credibility FROM evacuation_report WHERE id = '${ids.report}'`,
    );
    expect({ ...report, credibility: Number(report.credibility) }).toEqual({
      window_id: ids.window,
      qualifier: 'exact',
      value: 5,
      category: 'civilians',
      fingerprint: 'f'.repeat(64),
      measure: 'evacuated',
      counted_at_id: null,
      breakdown: null,
      source_reliability: 'F',
      credibility: 6,
    });
    const [remaining] = await dataSource.query(
      `SELECT qualifier, value, note, category, place_id, source_reliability, credibility FROM remaining_report
       WHERE id = '${ids.remaining}'`,
    );
    expect({
      ...remaining,
      value: Number(remaining.value),
      credibility: Number(remaining.credibility),
    }).toEqual({
      qualifier: 'about',
      value: 300,
      note: 'a few hundred',
      category: 'civilians',
      place_id: null,
      source_reliability: 'F',
      credibility: 6,
    });
    const [confirmation] = await dataSource.query(
      `SELECT stance, source_reliability, credibility FROM confirmation WHERE id = '${ids.rejection}'`,
    );
    expect([confirmation.stance, confirmation.source_reliability, Number(confirmation.credibility)]).toEqual([
      'rejected',
      'F',
      6,
    ]);
    const [party] = await dataSource.query(`SELECT reliability FROM party WHERE id = '${ids.party}'`);
    expect(party.reliability).toBe('F');
    if (dialect === 'sqlite') expect(await dataSource.query('PRAGMA foreign_key_check')).toEqual([]);
  });

  it("says what the corridor's stored figures count: the claims' headline, people evacuated", async () => {
    const [corridor] = await dataSource.query(
      `SELECT headline_measure, evacuation_low, evacuation_high FROM corridor WHERE id = '${ids.corridor}'`,
    );
    expect([
      corridor.headline_measure,
      Number(corridor.evacuation_low),
      Number(corridor.evacuation_high),
    ]).toEqual(['evacuated', 5, 5]);
  });

  it('keeps every incident as it was said, at no place, and refuses a place that does not exist', async () => {
    const [incident] = await dataSource.query(
      `SELECT kind, description, source_party_id, fingerprint, place_id FROM incident WHERE id = '${ids.incident}'`,
    );
    expect(incident).toEqual({
      kind: 'blocked',
      description: 'Convoy held at the checkpoint',
      source_party_id: ids.party,
      fingerprint: 'i'.repeat(64),
      place_id: null,
    });
    await dataSource.query(`UPDATE incident SET place_id = '${ids.location}' WHERE id = '${ids.incident}'`);
    if (dialect === 'sqlite') {
      expect(await dataSource.query('PRAGMA foreign_key_check')).toEqual([]);
      await dataSource.query('PRAGMA foreign_keys = ON');
    }
    await expect(
      dataSource.query(`UPDATE incident SET place_id = '${randomUUID()}' WHERE id = '${ids.incident}'`),
    ).rejects.toThrow();
  });

  it('still refuses a place that does not exist for a claim, now that claims name places', async () => {
    if (dialect === 'sqlite') await dataSource.query('PRAGMA foreign_keys = ON');
    await expect(
      dataSource.query(
        `UPDATE evacuation_report SET counted_at_id = '${randomUUID()}' WHERE id = '${ids.report}'`,
      ),
    ).rejects.toThrow();
  });
});

describe.each(mediumDialects())('migrating flags stored before the list counted them (%s)', (dialect) => {
  let empty: EmptyDatabase;
  let dataSource: DataSource;
  const ids = recordIds();
  const flags = { awaiting: randomUUID(), acknowledged: randomUUID(), resolved: randomUUID() };

  beforeAll(async () => {
    empty = await createEmptyDatabase(dialect);
    const options = buildDataSourceOptions(empty.url);
    const migrations = options.migrations as (new () => { name?: string })[];
    const awaiting = migrations.findIndex((m) => new m().name === 'AwaitingFlags1797700000000');
    expect(awaiting).toBeGreaterThan(0);
    const first = await new DataSource({ ...options, migrations: migrations.slice(0, 1) }).initialize();
    await first.runMigrations();
    await storeRecordsOfTheFirstSchema(first, ids);
    await first.destroy();
    const before = await new DataSource({
      ...options,
      migrations: migrations.slice(0, awaiting),
    }).initialize();
    await before.runMigrations();
    const p = (n: number) =>
      Array.from({ length: n }, (_, i) => (dialect === 'postgres' ? `$${i + 1}` : '?')).join(', ');
    for (const [id, rule, severity, resolvedAt, acknowledgedAt] of [
      [flags.awaiting, 'never_confirmed', 'critical', null, null],
      [flags.acknowledged, 'rejected', 'critical', null, AT + 2],
      [flags.resolved, 'unconfirmed_at_deadline', 'warning', AT + 1, null],
    ] as const) {
      await before.query(
        `INSERT INTO flag (id, corridor_id, window_id, rule, severity, raised_at, resolved_at, acknowledged_at,
           acknowledged_by_id) VALUES (${p(9)})`,
        [
          id,
          ids.corridor,
          ids.window,
          rule,
          severity,
          AT,
          resolvedAt,
          acknowledgedAt,
          acknowledgedAt && ids.user,
        ],
      );
    }
    await before.destroy();
    dataSource = await new DataSource(options).initialize();
    await dataSource.runMigrations();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await empty?.drop();
  });

  it('keeps every flag, and the index of those awaiting a coordinator holds the one neither resolved nor acknowledged', async () => {
    const kept = await dataSource.query('SELECT id FROM flag ORDER BY id');
    expect(kept.map((row: { id: string }) => row.id)).toEqual(Object.values(flags).sort());
    // SQLite's INDEXED BY fails unless the index can answer the query: it holds the flags stored before it.
    const index = dialect === 'sqlite' ? 'INDEXED BY ix_flag_awaiting' : '';
    const awaiting = await dataSource.query(
      `SELECT id FROM flag ${index} WHERE corridor_id = '${ids.corridor}' AND severity = 'critical'
         AND resolved_at IS NULL AND acknowledged_at IS NULL`,
    );
    expect(awaiting.map((row: { id: string }) => row.id)).toEqual([flags.awaiting]);
  });
});

describe.each(mediumDialects())(
  'migrating places, zones and subscriptions stored before place zones (%s)',
  (dialect) => {
    let empty: EmptyDatabase;
    let dataSource: DataSource;
    const ids = recordIds('belgorod', 'sevastopol', 'nowhere', 'fromBelgorod', 'fromNowhere', 'subscription');

    beforeAll(async () => {
      empty = await createEmptyDatabase(dialect);
      const options = buildDataSourceOptions(empty.url);
      const migrations = options.migrations as (new () => { name: string })[];
      const before = migrations.filter((M) => !/^(PlaceTimeZones|Languages)17977/.test(new M().name));
      expect(migrations.length - before.length).toBe(2);
      const first = await new DataSource({ ...options, migrations: [before[0]] }).initialize();
      await first.runMigrations();
      await storeRecordsOfTheFirstSchema(first, ids);
      await first.destroy();
      const earlier = await new DataSource({ ...options, migrations: before }).initialize();
      await earlier.runMigrations();
      const p = (n: number) =>
        Array.from({ length: n }, (_, i) => (dialect === 'postgres' ? `$${i + 1}` : '?')).join(', ');
      const place = (id: string, name: string, country: string | null, area: string | null) =>
        earlier.query(
          `INSERT INTO location (id, name, lat, lon, admin_area, country_code, organisation_id, created_by_id, created_at)
         VALUES (${p(9)})`,
          [id, name, null, null, area, country, ids.org, ids.user, AT],
        );
      await place(ids.belgorod, 'Belgorod', 'RU', null);
      await place(ids.sevastopol, 'Sevastopol', 'UA', 'Sevastopol');
      await place(ids.nowhere, 'Lunacharske ring', null, null);
      const corridor = (id: string, origin: string, zone: string, createdAt: number) =>
        earlier.query(
          `INSERT INTO corridor (id, name, origin_id, destination_id, announced_by_id, announced_at, timezone, confirmation_state,
           evacuation_report_count, version, organisation_id, created_by_id, created_at, updated_at) VALUES (${p(14)})`,
          [
            id,
            id,
            origin,
            null,
            ids.party,
            AT,
            zone,
            'pending',
            0,
            1,
            ids.org,
            ids.user,
            createdAt,
            createdAt,
          ],
        );
      await corridor(ids.fromBelgorod, ids.belgorod, 'Europe/Moscow', AT);
      // A later corridor from the same place in another zone: the first one recorded gives the place its zone.
      await corridor(randomUUID(), ids.belgorod, 'America/New_York', AT + 1);
      await corridor(ids.fromNowhere, ids.nowhere, 'Europe/Kiev', AT);
      await earlier.query(
        `INSERT INTO subscription (id, organisation_id, email, mode, digest_hour, timezone, min_severity, created_at)
       VALUES (${p(8)})`,
        [ids.subscription, ids.org, 's@b.c', 'daily', 7, 'Europe/Kiev', 'warning', AT],
      );
      await earlier.destroy();
      dataSource = await new DataSource(options).initialize();
      await dataSource.runMigrations();
    });

    afterAll(async () => {
      await dataSource?.destroy();
      await empty?.drop();
    });

    it('stores every zone under its current name: a corridor and a subscription sent as Europe/Kiev are in Europe/Kyiv', async () => {
      const [corridor] = await dataSource.query(
        `SELECT timezone FROM corridor WHERE id = '${ids.fromNowhere}'`,
      );
      const [subscription] = await dataSource.query(
        `SELECT timezone, digest_hour FROM subscription WHERE id = '${ids.subscription}'`,
      );
      expect([corridor.timezone, subscription.timezone, Number(subscription.digest_hour)]).toEqual([
        'Europe/Kyiv',
        'Europe/Kyiv',
        7,
      ]);
      const [moscow] = await dataSource.query(
        `SELECT timezone FROM corridor WHERE id = '${ids.fromBelgorod}'`,
      );
      expect(moscow.timezone).toBe('Europe/Moscow');
    });

    it("gives a Ukrainian place outside Crimea Kyiv's zone, others the zone of the first corridor from them, else none", async () => {
      const rows: { id: string; timezone: string | null }[] = await dataSource.query(
        'SELECT id, timezone FROM location',
      );
      const zoneOf = Object.fromEntries(rows.map((row) => [row.id, row.timezone]));
      expect(zoneOf).toEqual({
        [ids.location]: 'Europe/Kyiv',
        [ids.belgorod]: 'Europe/Moscow',
        [ids.nowhere]: 'Europe/Kyiv',
        [ids.sevastopol]: null,
      });
    });

    it('says everything stored before was in English: each organisation and each subscription', async () => {
      const [organisation] = await dataSource.query(
        `SELECT language FROM organisation WHERE id = '${ids.org}'`,
      );
      const [subscription] = await dataSource.query(
        `SELECT language FROM subscription WHERE id = '${ids.subscription}'`,
      );
      expect([organisation.language, subscription.language]).toEqual(['en', 'en']);
    });

    it('can be undone, leaving places and subscriptions as they were but for the zone names', async () => {
      await dataSource.undoLastMigration();
      await dataSource.undoLastMigration();
      const [place] = await dataSource.query(`SELECT * FROM location WHERE id = '${ids.belgorod}'`);
      expect(place).not.toHaveProperty('timezone');
      expect(place.name).toBe('Belgorod');
      const [subscription] = await dataSource.query(
        `SELECT * FROM subscription WHERE id = '${ids.subscription}'`,
      );
      expect(subscription).not.toHaveProperty('language');
      expect(subscription.email).toBe('s@b.c');
      await dataSource.runMigrations();
    });
  },
);
