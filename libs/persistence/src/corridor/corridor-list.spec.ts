import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  corridorConfirmationState,
  deriveCorridorStatus,
  derivePromise,
  CORRIDOR_PROMISES,
  CORRIDOR_STATUSES,
  SETTLED_PROMISES,
  type CorridorPromise,
  type CorridorStatus,
  type FlagSeverity,
} from '#cw/domain';
import {
  aCorridor,
  aWindow,
  repositoriesOf,
  seedWorld,
  type Repositories,
  type World,
} from '../../test-support/fixtures.js';
import {
  mediumDialects,
  openMigratedDatabase,
  type MediumDatabase,
} from '../../test-support/medium-database.js';
import { bindNamed, type SqlParams } from '../database/named-parameters.js';
import { FlagRepository } from '../flag/flag.repository.js';
import { OperationRepository } from '../operation/operation.repository.js';
import { InvalidCursor } from '../shared/page.js';
import type { CorridorEntity } from './corridor.entity.js';
import type { CorridorWindowEntity } from './corridor-window.entity.js';
import type { CorridorListFilter } from './corridor.repository.js';

const NOW = new Date('2022-05-05T12:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (offset: number) => new Date(NOW.getTime() + offset);

interface Seeded {
  corridor: CorridorEntity;
  windows: CorridorWindowEntity[];
  requiredPartyIds: string[];
  /** Every sixth passes through the third town on its way. */
  stopIds: string[];
  /** Every ninth is a stage of the one operation. */
  isStage: boolean;
  /** Raised on its first window; some resolved or acknowledged since. */
  flags: SeededFlag[];
}

interface SeededFlag {
  rule: string;
  severity: FlagSeverity;
  isResolved?: boolean;
  isAcknowledged?: boolean;
}

// Only flags neither resolved nor acknowledged await a coordinator: the list's openFlags counts those.
const FLAG_PATTERNS: SeededFlag[][] = [
  [],
  [{ rule: 'never_confirmed', severity: 'critical' }],
  [
    { rule: 'never_confirmed', severity: 'critical' },
    { rule: 'no_evacuation_reported', severity: 'warning', isAcknowledged: true },
    { rule: 'count_discrepancy', severity: 'info' },
    { rule: 'unconfirmed_at_deadline', severity: 'warning' },
  ],
  [
    { rule: 'unconfirmed_at_deadline', severity: 'warning', isResolved: true },
    { rule: 'rejected', severity: 'critical', isAcknowledged: true, isResolved: true },
  ],
];

function nameOf(i: number): string {
  if (i % 10 === 0) return `Mariupol – Zaporizhzhia #${i}`;
  if (i % 25 === 1) return `Route 100% agreed ${i}`;
  if (i % 25 === 2) return `north_route ${i}`;
  return `Corridor ${i}`;
}

/** Corridor i of the list fixture: every third shares its announcement instant with two others. */
function corridorNumber(world: World, i: number): Seeded {
  const requiredPartyIds =
    i % 7 === 0 ? [world.partyIds[2]] : i % 7 === 1 ? [world.partyIds[3], world.partyIds[0]] : [];
  const corridor = aCorridor(world, {
    name: nameOf(i),
    originId: world.locationIds[i % 3],
    destinationId: i % 5 === 0 ? null : world.locationIds[(i + 1) % 3],
    announcedById: world.partyIds[i % 2],
    announcedAt: at(-72 * HOUR + Math.floor(i / 3) * MINUTE),
    cancelledAt: i % 11 === 0 ? at(-HOUR) : null,
    cancelReason: i % 11 === 0 ? 'route shelled' : null,
    confirmationState: corridorConfirmationState(requiredPartyIds, new Map()),
    evacuationReportCount: i % 4 === 1 ? 1 : 0,
    evacuationLow: i % 4 === 1 ? 100 + i : null,
    evacuationHigh: i % 4 === 1 ? 150 + i : null,
    // Each span of windows (i % 6) meets each settled promise.
    settledPromise: SETTLED_PROMISES[Math.floor(i / 6) % SETTLED_PROMISES.length],
  });
  const spans: [number, number][][] = [
    [],
    [[-30 * HOUR, -20 * HOUR]],
    [[-2 * HOUR, 2 * HOUR]],
    [[10 * HOUR, 14 * HOUR]],
    [
      [-30 * HOUR, -26 * HOUR],
      [20 * HOUR, 24 * HOUR],
    ],
    [[-4 * HOUR, 0]],
  ];
  const windows = spans[i % spans.length].map(([start, end]) =>
    aWindow(world, corridor.id, at(start), at(end)),
  );
  corridor.firstStartsAt = windows.length ? windows[0].startsAt : null;
  corridor.lastEndsAt = windows.length ? windows[windows.length - 1].endsAt : null;
  const stopIds = i % 6 === 3 ? [world.locationIds[(i + 2) % 3]] : [];
  const flags = windows.length ? FLAG_PATTERNS[i % FLAG_PATTERNS.length] : [];
  return { corridor, windows, requiredPartyIds, stopIds, isStage: i % 9 === 4, flags };
}

function openFlagsOf(s: Seeded): Record<FlagSeverity, number> {
  const open = s.flags.filter((f) => !f.isResolved && !f.isAcknowledged);
  return {
    critical: open.filter((f) => f.severity === 'critical').length,
    warning: open.filter((f) => f.severity === 'warning').length,
    info: open.filter((f) => f.severity === 'info').length,
  };
}

/** Where a corridor passes: its origin, its destination, or a stop. */
function passes(s: Seeded, locationId: string): boolean {
  return (
    s.corridor.originId === locationId ||
    s.corridor.destinationId === locationId ||
    s.stopIds.includes(locationId)
  );
}

function statusOf(s: Seeded): CorridorStatus {
  return deriveCorridorStatus(
    {
      isCancelled: s.corridor.cancelledAt !== null,
      windows: s.windows,
      requiredPartyIds: s.requiredPartyIds,
      confirmations: [],
      hasEvacuationReports: s.corridor.evacuationReportCount > 0,
    },
    NOW,
  );
}

function promiseOf(s: Seeded): CorridorPromise {
  return derivePromise(
    {
      isCancelled: s.corridor.cancelledAt !== null,
      windows: s.windows,
      settled: s.corridor.settledPromise as (typeof SETTLED_PROMISES)[number],
    },
    NOW,
  );
}

/** Newest announcement first, ties broken by the larger id: the order the list promises. */
function listOrder(a: CorridorEntity, b: CorridorEntity): number {
  return b.announcedAt.getTime() - a.announcedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

describe.each(mediumDialects())('the corridor list on %s', (dialect) => {
  let medium: MediumDatabase;
  let world: World;
  let repos: Repositories;
  let seeded: Seeded[];
  const OPERATION_ID = '0b8e7f7c-1d2a-4e55-9c3e-5a1f4b6d7e80';

  beforeAll(async () => {
    medium = await openMigratedDatabase(dialect);
    world = await seedWorld(medium);
    repos = repositoriesOf(medium);
    seeded = Array.from({ length: 250 }, (_, i) => corridorNumber(world, i));
    // Stored in an order unrelated to the list order.
    const storing = [...seeded].sort(
      (a, b) => a.corridor.name.length - b.corridor.name.length || (a.corridor.id < b.corridor.id ? -1 : 1),
    );
    await medium.db.transaction(async (tx) => {
      for (const s of storing) {
        await repos.corridors.insert(s.corridor, s.requiredPartyIds, tx);
        await repos.corridors.replaceStops(s.corridor.id, s.stopIds, tx);
        await repos.corridors.insertWindows(s.windows, tx);
      }
      const operations = new OperationRepository(medium.db, medium.dataSource);
      await operations.insert(
        {
          id: OPERATION_ID,
          name: 'Safe passage operation',
          sourceUrl: null,
          note: null,
          version: 1,
          organisationId: world.organisationId,
          createdById: world.coordinatorId,
          createdAt: NOW,
          updatedAt: NOW,
        },
        tx,
      );
      const stages = seeded.filter((s) => s.isStage).map((s) => s.corridor.id);
      await operations.replaceCorridors(OPERATION_ID, stages, tx);
      const flags = new FlagRepository(medium.db, medium.dataSource);
      const raised = seeded.flatMap((s) =>
        s.flags.map((f) => ({
          ...f,
          id: randomUUID(),
          corridorId: s.corridor.id,
          windowId: s.windows[0].id,
        })),
      );
      await flags.raise(raised, NOW, tx);
      await flags.resolve(
        raised.filter((f) => f.isResolved).map((f) => f.id),
        NOW,
        tx,
      );
      await flags.acknowledge(
        raised.filter((f) => f.isAcknowledged).map((f) => f.id),
        world.coordinatorId,
        null,
        NOW,
        tx,
      );
    });
  }, 30_000);

  afterAll(() => medium?.close());

  /** A member of the organisation: the list then carries the embargo rule, as for every non-admin. */
  const member = () => ({ organisationId: world.organisationId, seesEverything: false });

  /** Follows the cursors to the end; the ids in the order served, and how many pages it took. */
  async function listAll(
    filter: Omit<CorridorListFilter, 'limit' | 'cursor' | 'viewer'>,
    limit = 40,
  ): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let pages = 1; pages <= 300; pages++) {
      const page = await repos.corridors.list({ ...filter, viewer: member(), limit, cursor }, NOW);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      ids.push(...page.items.map((row) => row.id));
      if (page.nextCursor === null) return { ids, pages };
      expect(page.items).toHaveLength(limit);
      cursor = page.nextCursor;
    }
    throw new Error('the list never stopped handing out cursors');
  }

  const expectedIds = (keep: (s: Seeded) => boolean) =>
    seeded
      .filter(keep)
      .map((s) => s.corridor)
      .sort(listOrder)
      .map((c) => c.id);

  it('serves every corridor exactly once, newest announcement first, across pages with tied announcement times', async () => {
    const { ids, pages } = await listAll({});

    expect(pages).toBe(7);
    expect(new Set(ids).size).toBe(250);
    expect(ids).toEqual(expectedIds(() => true));
  });

  it('pages the same whatever the page size', async () => {
    const expected = expectedIds(() => true);
    for (const limit of [1, 3, 249, 250, 251]) {
      const { ids, pages } = await listAll({}, limit);
      expect({ limit, same: ids.join() === expected.join() }).toEqual({ limit, same: true });
      expect(pages).toBe(Math.max(1, Math.ceil(250 / limit)));
    }
  }, 20_000);

  it('gives each row its status, place and party names and stored figures', async () => {
    const page = await repos.corridors.list({ viewer: member(), limit: 250 }, NOW);
    const byId = new Map(page.items.map((row) => [row.id, row]));

    for (const s of seeded) {
      const row = byId.get(s.corridor.id);
      // What the list shows of the stored corridor: not its source, note, route or who entered it.
      const c = s.corridor;
      expect(row).toEqual({
        id: c.id,
        name: c.name,
        originId: c.originId,
        destinationId: c.destinationId,
        announcedById: c.announcedById,
        announcedAt: c.announcedAt,
        timezone: c.timezone,
        cancelledAt: c.cancelledAt,
        firstStartsAt: c.firstStartsAt,
        lastEndsAt: c.lastEndsAt,
        evacuationReportCount: c.evacuationReportCount,
        evacuationLow: c.evacuationLow,
        evacuationHigh: c.evacuationHigh,
        headlineMeasure: c.headlineMeasure,
        version: c.version,
        embargoedUntil: c.embargoedUntil,
        embargoUntilWindowsEnd: c.embargoUntilWindowsEnd,
        embargoLiftedAt: c.embargoLiftedAt,
        status: statusOf(s),
        promise: promiseOf(s),
        originName: world.locationNames[world.locationIds.indexOf(s.corridor.originId)],
        destinationName: s.corridor.destinationId
          ? world.locationNames[world.locationIds.indexOf(s.corridor.destinationId)]
          : null,
        announcedByName: world.partyNames[world.partyIds.indexOf(s.corridor.announcedById)],
        operationId: s.isStage ? OPERATION_ID : null,
        // Every seeded place keeps Kyiv's zone, whatever zone its corridors were announced in.
        placeTimezone: 'Europe/Kyiv',
        openFlags: openFlagsOf(s),
      });
    }
  });

  it('filters on the status, for every status', async () => {
    const counts: Record<string, number> = {};
    for (const status of CORRIDOR_STATUSES) {
      const { ids } = await listAll({ status }, 25);
      const expected = expectedIds((s) => statusOf(s) === status);
      expect({ status, ids }).toEqual({ status, ids: expected });
      counts[status] = ids.length;
    }
    // Every status but 'disputed', which needs a rejection, and the fixture has no confirmations.
    expect(Object.entries(counts).filter(([, n]) => n === 0)).toEqual([['disputed', 0]]);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(250);
  });

  it('filters on the promise, for every promise', async () => {
    const counts: Record<string, number> = {};
    for (const promise of CORRIDOR_PROMISES) {
      const { ids } = await listAll({ promise }, 25);
      expect({ promise, ids }).toEqual({ promise, ids: expectedIds((s) => promiseOf(s) === promise) });
      counts[promise] = ids.length;
    }
    expect(Object.entries(counts).filter(([, n]) => n === 0)).toEqual([]);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(250);
  });

  it('filters on a party: the one that announced, or one whose confirmation is required', async () => {
    for (const party of [0, 1, 2, 3]) {
      const partyId = world.partyIds[party];
      const { ids } = await listAll({ partyId });
      const expected = expectedIds(
        (s) => s.corridor.announcedById === partyId || s.requiredPartyIds.includes(partyId),
      );
      expect({ party: world.partyNames[party], ids }).toEqual({
        party: world.partyNames[party],
        ids: expected,
      });
      expect(ids.length).toBeGreaterThan(0);
    }
  });

  it('filters on a town: where the corridor starts, where it leads or where it stops on the way', async () => {
    for (const locationId of world.locationIds) {
      const { ids } = await listAll({ locationId });
      expect(ids).toEqual(expectedIds((s) => passes(s, locationId)));
    }
    // The stops matter: some corridors pass a town only as a stop.
    expect(
      seeded.some((s) =>
        s.stopIds.some((stop) => stop !== s.corridor.originId && stop !== s.corridor.destinationId),
      ),
    ).toBe(true);
  });

  it('filters on a period: corridors with a window overlapping it, ends exclusive', async () => {
    const overlaps = (s: Seeded, from?: Date, to?: Date) =>
      s.windows.some((w) => (!from || w.endsAt > from) && (!to || w.startsAt < to));
    const periods: { from?: Date; to?: Date }[] = [
      { from: NOW },
      { to: at(-20 * HOUR) },
      { from: at(-20 * HOUR), to: at(10 * HOUR) },
      { from: at(2 * HOUR), to: at(10 * HOUR) },
    ];
    for (const period of periods) {
      const { ids } = await listAll(period);
      expect({ period, ids }).toEqual({
        period,
        ids: expectedIds((s) => overlaps(s, period.from, period.to)),
      });
    }
    // The boundaries themselves: a window ending at NOW is not in a period from NOW, one starting at 10 h is not in one to 10 h.
    expect((await listAll({ from: at(2 * HOUR), to: at(10 * HOUR) })).ids).toEqual([]);
  });

  it('filters on words of the name, ignoring case and taking % and _ literally', async () => {
    const cases: [string, (name: string) => boolean][] = [
      ['mariupol', (name) => name.startsWith('Mariupol')],
      ['100%', (name) => name.includes('100%')],
      ['%', (name) => name.includes('%')],
      ['_', (name) => name.includes('_')],
      ['NORTH_R', (name) => name.includes('north_r')],
      ['\\', () => false],
    ];
    for (const [q, matches] of cases) {
      const { ids } = await listAll({ q });
      expect({ q, ids }).toEqual({ q, ids: expectedIds((s) => matches(s.corridor.name)) });
    }
  });

  it('combines filters with AND and still pages', async () => {
    const partyId = world.partyIds[0];
    const locationId = world.locationIds[1];
    const { ids } = await listAll({ partyId, locationId, status: 'failed' }, 2);
    const expected = expectedIds(
      (s) =>
        (s.corridor.announcedById === partyId || s.requiredPartyIds.includes(partyId)) &&
        passes(s, locationId) &&
        statusOf(s) === 'failed',
    );
    expect(expected.length).toBeGreaterThan(2);
    expect(ids).toEqual(expected);
  });

  it('refuses a cursor it never issued', async () => {
    await expect(
      repos.corridors.list({ viewer: member(), limit: 10, cursor: 'bm90IGEgY3Vyc29y' }, NOW),
    ).rejects.toBeInstanceOf(InvalidCursor);
  });

  /** The SQL the repository sent for one list call, with its parameters. */
  async function listSql(
    filter: Omit<CorridorListFilter, 'viewer'>,
  ): Promise<{ sql: string; params: SqlParams }> {
    const db = medium.db;
    const all = db.all.bind(db);
    let recorded: { sql: string; params: SqlParams } | undefined;
    db.all = (<T>(sql: string, params?: SqlParams) => {
      recorded = { sql, params: params ?? {} };
      return all<T>(sql, params);
    }) as typeof db.all;
    try {
      await repos.corridors.list({ ...filter, viewer: member() }, NOW);
    } finally {
      db.all = all;
    }
    if (!recorded) throw new Error('list sent no query');
    return recorded;
  }

  if (dialect === 'sqlite') {
    it('walks ix_corridor_announced backwards instead of sorting, on the first page and after a cursor', async () => {
      const first = await repos.corridors.list({ viewer: member(), limit: 20 }, NOW);
      for (const filter of [{ limit: 20 }, { limit: 20, cursor: first.nextCursor ?? undefined }]) {
        const { sql, params } = await listSql(filter);
        const { text, values } = bindNamed(sql, params, () => '?');
        const plan: string[] = (await medium.dataSource.query(`EXPLAIN QUERY PLAN ${text}`, values)).map(
          (row: { detail: string }) => row.detail,
        );
        expect({
          plan,
          usesIndex: plan.some((step) => /\bc USING (COVERING )?INDEX ix_corridor_announced\b/.test(step)),
        }).toEqual({
          plan,
          usesIndex: true,
        });
        expect(plan.filter((step) => step.includes('USE TEMP B-TREE FOR ORDER BY'))).toEqual([]);
        // The open flags of the page's rows only, each count one search of the partial index, never the table.
        expect(
          plan.filter((step) => /^SEARCH f USING (COVERING )?INDEX ix_flag_awaiting\b/.test(step)),
        ).toHaveLength(3);
        expect(plan.filter((step) => /\bSCAN f\b/.test(step))).toEqual([]);
      }
    });
  }

  if (dialect === 'postgres') {
    it('walks ix_corridor_announced backwards on 5,000 corridors instead of sorting them', async () => {
      await medium.db.run(
        `INSERT INTO corridor (id, name, origin_id, destination_id, announced_by_id, announced_at, timezone, confirmation_state,
           evacuation_report_count, version, organisation_id, created_by_id, created_at, updated_at)
         SELECT gen_random_uuid()::text, 'Bulk corridor ' || g, :origin, :destination, :party, CAST(:announcedAt AS bigint) - g * 60000, 'Europe/Kyiv',
           'pending', 0, 1, :organisation, :user, :announcedAt, :announcedAt
         FROM generate_series(1, 4750) AS g`,
        {
          origin: world.locationIds[0],
          destination: world.locationIds[1],
          party: world.partyIds[1],
          announcedAt: NOW,
          organisation: world.organisationId,
          user: world.coordinatorId,
        },
      );
      await medium.db.run('ANALYZE');
      expect(Number((await medium.db.get<{ n: string }>('SELECT COUNT(*) AS n FROM corridor'))?.n)).toBe(
        5000,
      );

      const { sql, params } = await listSql({ limit: 50 });
      const { text, values } = bindNamed(sql, params, (index) => `$${index}`);
      const plan = (await medium.dataSource.query(`EXPLAIN ${text}`, values)).map(
        (row: Record<string, string>) => row['QUERY PLAN'],
      );

      expect({
        plan,
        backward: plan.some((line: string) =>
          /Index Scan Backward using ix_corridor_announced on corridor c\b/.test(line),
        ),
      }).toEqual({
        plan,
        backward: true,
      });
      expect(plan.filter((line: string) => /\bSort\b/.test(line))).toEqual([]);
      // The open flags of the page's rows only, each count through the partial index.
      expect(
        plan.filter((line: string) => /Index (Only )?Scan (on|using) ix_flag_awaiting\b/.test(line)),
      ).toHaveLength(3);
      expect(plan.filter((line: string) => /Seq Scan on flag\b/.test(line))).toEqual([]);
    }, 20_000);
  }
});
