import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { PUBLIC_VIEWER } from '#cw/domain';
import {
  aConfirmation,
  aCorridor,
  anEvacuationReport,
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
import type { CorridorWindowEntity } from '../corridor/corridor-window.entity.js';
import { EvaluationOutboxRepository } from '../outbox/evaluation-outbox.repository.js';
import { FlagFactsRepository } from './flag-facts.repository.js';
import { InvalidCursor } from '../shared/page.js';
import { FlagRepository, type NewFlag } from './flag.repository.js';
import { TrackRecordRepository } from './track-record.repository.js';

const HOUR = 3_600_000;
const MAY_5 = new Date('2022-05-05T05:00:00Z');

// Medium tests: the flag, facts, outbox and track-record repositories on a real SQLite file and PostgreSQL.
describe.each(mediumDialects())('flag repositories on %s', (dialect) => {
  let medium: MediumDatabase;
  let world: World;
  let repos: Repositories;
  let flags: FlagRepository;
  let facts: FlagFactsRepository;
  let outbox: EvaluationOutboxRepository;
  let corridorId: string;
  let windows: CorridorWindowEntity[];

  const aFlag = (windowId: string, rule: string, severity = 'warning'): NewFlag => ({
    id: randomUUID(),
    corridorId,
    windowId,
    rule,
    severity,
  });
  const events = () =>
    medium.db.all<{ kind: string; rule: string; window_id: string }>(
      'SELECT kind, rule, window_id FROM flag_event ORDER BY seq',
    );

  beforeAll(async () => {
    medium = await openMigratedDatabase(dialect);
    world = await seedWorld(medium);
    repos = repositoriesOf(medium);
    flags = new FlagRepository(medium.db, medium.dataSource);
    facts = new FlagFactsRepository(medium.db);
    outbox = new EvaluationOutboxRepository(medium.db);
    const corridor = aCorridor(world);
    corridorId = corridor.id;
    windows = [0, 1, 2].map((day) => ({
      ...aWindow(
        world,
        corridorId,
        new Date(MAY_5.getTime() + day * 24 * HOUR),
        new Date(MAY_5.getTime() + day * 24 * HOUR + 10 * HOUR),
      ),
      nextEvaluationAt: new Date(MAY_5.getTime() + day * 24 * HOUR - 2 * HOUR),
    }));
    await medium.db.transaction(async (tx) => {
      await repos.corridors.insert(corridor, [world.partyIds[0]], tx);
      await repos.corridors.insertWindows(windows, tx);
      await repos.reports.insertConfirmation(aConfirmation(world, { corridorId, stance: 'rejected' }), tx);
      await repos.reports.insertEvacuation(
        anEvacuationReport(world, { corridorId, windowId: windows[0].id }),
        tx,
      );
    });
  });

  afterAll(async () => {
    await medium?.close();
  });

  it('raises a flag once per window and rule, with one raised event, however often and concurrently it is asked', async () => {
    const raise = () =>
      medium.db.transaction((tx) => flags.raise([aFlag(windows[0].id, 'rejected')], MAY_5, tx));
    const counts = await Promise.all([raise(), raise(), raise()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await raise()).toBe(0);
    expect(await events()).toEqual([{ kind: 'raised', rule: 'rejected', window_id: windows[0].id }]);
  });

  it('resolves and reopens only what changes, one event each', async () => {
    const [flag] = await flags.findByCorridor(corridorId);
    const resolve = () => medium.db.transaction((tx) => flags.resolve([flag.id], MAY_5, tx));
    expect((await Promise.all([resolve(), resolve()])).reduce((a, b) => a + b, 0)).toBe(1);
    expect((await flags.findById(flag.id))?.resolvedAt).toEqual(MAY_5);
    expect(await medium.db.transaction((tx) => flags.reopen([flag.id, flag.id], MAY_5, tx))).toBe(1);
    expect(await medium.db.transaction((tx) => flags.reopen([flag.id], MAY_5, tx))).toBe(0);
    expect((await events()).map((e) => e.kind)).toEqual(['raised', 'resolved', 'reopened']);
  });

  it('keeps the first acknowledgement', async () => {
    const [flag] = await flags.findByCorridor(corridorId);
    const at = new Date(MAY_5.getTime() + HOUR);
    expect(
      await medium.db.transaction((tx) => flags.acknowledge([flag.id], world.coordinatorId, 'seen', at, tx)),
    ).toEqual([flag.id]);
    expect(
      await medium.db.transaction((tx) => flags.acknowledge([flag.id], world.coordinatorId, 'again', at, tx)),
    ).toEqual([]);
    expect(await flags.findById(flag.id)).toMatchObject({
      acknowledgedAt: at,
      acknowledgeNote: 'seen',
      corridorName: 'Mariupol – Zaporizhzhia',
      acknowledgedBy: {
        id: world.coordinatorId,
        displayName: 'Olena, coordinator',
        email: 'coordinator@corridor.watch',
        organisationId: world.organisationId,
      },
    });
    expect((await flags.findEventsByCorridor(corridorId)).map((e) => [e.kind, e.actorUserId])).toEqual([
      ['raised', null],
      ['resolved', null],
      ['reopened', null],
      ['acknowledged', world.coordinatorId],
    ]);
  });

  it('lists with filters and a cursor', async () => {
    await medium.db.transaction((tx) =>
      flags.raise(
        [aFlag(windows[1].id, 'never_confirmed'), aFlag(windows[2].id, 'never_confirmed')],
        new Date(MAY_5.getTime() + 2 * HOUR),
        tx,
      ),
    );
    const first = await flags.list({ viewer: PUBLIC_VIEWER, limit: 2, isOpen: true });
    expect(first.items.map((f) => f.rule)).toEqual(['never_confirmed', 'never_confirmed']); // newest raise first
    expect(first.nextCursor).not.toBeNull();
    const second = await flags.list({
      viewer: PUBLIC_VIEWER,
      limit: 2,
      isOpen: true,
      cursor: first.nextCursor ?? undefined,
    });
    expect(second.items.map((f) => f.rule)).toEqual(['rejected']);
    expect(second.nextCursor).toBeNull();
    expect(
      (await flags.list({ viewer: PUBLIC_VIEWER, limit: 10, rule: 'rejected', corridorId })).items,
    ).toHaveLength(1);
    expect((await flags.list({ viewer: PUBLIC_VIEWER, limit: 10, isOpen: false })).items).toHaveLength(0);
  });

  it('lists most severe first, then newest, page by page, and apart by acknowledgement', async () => {
    // A corridor of its own, so that the facts read below stay those of the first.
    const other = aCorridor(world, { name: 'Berdiansk – Zaporizhzhia', announcedById: world.partyIds[2] });
    const otherWindows = [0, 1, 2].map((day) =>
      aWindow(
        world,
        other.id,
        new Date(MAY_5.getTime() + day * 24 * HOUR),
        new Date(MAY_5.getTime() + day * 24 * HOUR + 10 * HOUR),
      ),
    );
    const later = new Date(MAY_5.getTime() + 3 * HOUR);
    await medium.db.transaction(async (tx) => {
      await repos.corridors.insert(other, [world.partyIds[0]], tx);
      await repos.corridors.insertWindows(otherWindows, tx);
      await flags.raise(
        [
          { ...aFlag(otherWindows[0].id, 'count_discrepancy', 'info'), corridorId: other.id },
          { ...aFlag(otherWindows[1].id, 'no_evacuation_reported', 'warning'), corridorId: other.id },
          { ...aFlag(otherWindows[2].id, 'rejected', 'critical'), corridorId: other.id },
        ],
        later,
        tx,
      );
    });
    const all = await flags.list({ viewer: PUBLIC_VIEWER, limit: 50, order: 'severity' });
    const rank = { critical: 0, warning: 1, info: 2 } as Record<string, number>;
    const keys = all.items.map((f) => [rank[f.severity], -f.raisedAt.getTime()]);
    expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    expect(all.items.map((f) => f.severity)).toEqual([
      'critical',
      'warning',
      'warning',
      'warning',
      'warning',
      'info',
    ]);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await flags.list({ viewer: PUBLIC_VIEWER, limit: 2, order: 'severity', cursor });
      seen.push(...page.items.map((f) => f.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.items.map((f) => f.id));
    // A cursor of the other order is not one of this order's.
    const newestFirst = await flags.list({ viewer: PUBLIC_VIEWER, limit: 1 });
    await expect(
      flags.list({
        viewer: PUBLIC_VIEWER,
        limit: 1,
        order: 'severity',
        cursor: newestFirst.nextCursor ?? '',
      }),
    ).rejects.toThrow(InvalidCursor);

    const acknowledged = await flags.list({ viewer: PUBLIC_VIEWER, limit: 50, isAcknowledged: true });
    expect(acknowledged.items.map((f) => f.acknowledgedBy?.displayName)).toEqual(['Olena, coordinator']);
    const waiting = await flags.list({ viewer: PUBLIC_VIEWER, limit: 50, isAcknowledged: false });
    expect(waiting.items).toHaveLength(all.items.length - 1);
    expect(waiting.items.every((f) => f.acknowledgedAt === null && f.acknowledgedBy === null)).toBe(true);
  });

  it('finds due windows with one bounded, ordered query and records their next evaluation', async () => {
    const now = new Date(MAY_5.getTime() + 30 * HOUR);
    const due = await facts.findDueWindows(now, 10);
    expect(due.map((d) => d.windowId)).toEqual([windows[0].id, windows[1].id]);
    expect(await facts.findDueWindows(now, 1)).toEqual([{ windowId: windows[0].id, corridorId }]);
    await medium.db.transaction((tx) =>
      facts.saveWindowEvaluations(
        [
          { windowId: windows[0].id, nextEvaluationAt: null },
          { windowId: windows[1].id, nextEvaluationAt: new Date(now.getTime() + HOUR) },
        ],
        now,
        tx,
      ),
    );
    expect(await facts.findDueWindows(now, 10)).toEqual([]);
    const stored = await repos.corridors.findWindows(corridorId);
    expect(stored.map((w) => [w.nextEvaluationAt?.getTime() ?? null, w.evaluatedAt])).toEqual([
      [null, now],
      [now.getTime() + HOUR, now],
      [windows[2].nextEvaluationAt?.getTime(), null],
    ]);
  });

  it('loads the facts of many corridors in a few set-based queries', async () => {
    const [loaded] = await medium.db.transaction(async (tx) => {
      await facts.lockCorridors([corridorId], tx);
      return facts.load([corridorId, randomUUID()], tx);
    });
    expect(loaded).toMatchObject({
      corridorId,
      isCancelled: false,
      requiredPartyIds: [world.partyIds[0]],
      confirmations: [{ partyId: world.partyIds[0], stance: 'rejected' }],
      evacuations: [{ windowId: windows[0].id, value: 120, qualifier: 'exact', max: null }],
    });
    expect(loaded.windows.map((w) => w.id)).toEqual(windows.map((w) => w.id));
    expect(loaded.flags).toHaveLength(3);
  });

  it('reads a party track record in four queries', async () => {
    const record = await new TrackRecordRepository(medium.db).announcedBy(world.partyIds[1]);
    expect(record.windows).toHaveLength(3);
    expect(record.requiredPartyIds.get(corridorId)).toEqual([world.partyIds[0]]);
    expect(record.evacuations.get(corridorId)).toEqual([
      {
        windowId: windows[0].id,
        sourcePartyId: expect.any(String),
        reportedAt: expect.any(Date),
        qualifier: 'exact',
        value: 120,
        max: null,
      },
    ]);
    expect((await new TrackRecordRepository(medium.db).announcedBy(world.partyIds[0])).windows).toEqual([]);
  });

  it('keeps the outbox: pending in order, relayed once, backlog, purge', async () => {
    const at = new Date('2022-05-06T00:00:00Z');
    const later = new Date(at.getTime() + 1000);
    await medium.db.transaction(async (tx) => {
      await outbox.insert(corridorId, at, tx);
      await outbox.insert(corridorId, later, tx);
    });
    const pending = await outbox.findPending(10);
    expect(pending.map((p) => p.createdAt)).toEqual([at, later]);
    const [a, b] = pending.map((p) => p.seq);
    expect(b).toBeGreaterThan(a);
    expect(await outbox.backlog()).toEqual({ pending: 2, oldestCreatedAt: at });
    expect(await outbox.markRelayed([a], at)).toBe(1);
    expect(await outbox.markRelayed([a, b], at)).toBe(1);
    expect(await outbox.backlog()).toEqual({ pending: 0, oldestCreatedAt: null });
    expect(await outbox.purgeRelayedBefore(new Date(at.getTime() + 1))).toBe(2);
  });
});
