import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MovableClock } from '#cw/clock';
import { loadConfig } from '#cw/config';
import { FlagFactsRepository, FlagRepository, type CorridorWindowEntity } from '#cw/persistence';
import {
  aCorridor,
  anEvacuationReport,
  aWindow,
  repositoriesOf,
  seedWorld,
  type Repositories,
  type World,
} from '../../persistence/test-support/fixtures.js';
import {
  mediumDialects,
  openMigratedDatabase,
  type MediumDatabase,
} from '../../persistence/test-support/medium-database.js';
import { FlagEvaluationService } from './flag-evaluation.service.js';
import { FlagSweepService } from './flag-sweep.service.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date('2022-05-20T12:00:00Z');
// A window that ended days ago with its required party silent and no report: what the rules demand of it.
const PAST_UNCONFIRMED_RULES = ['never_confirmed', 'no_evacuation_reported', 'unconfirmed_at_deadline'];

// Medium tests: the sweep's services on a real SQLite file and PostgreSQL, with the repositories they use.
describe.each(mediumDialects())('the sweep on %s', (dialect) => {
  let medium: MediumDatabase;
  let world: World;
  let repos: Repositories;
  const clock = new MovableClock(NOW);

  const sweeperOf = (batchSize: number) => {
    const config = loadConfig({ SWEEP_BATCH_SIZE: String(batchSize) });
    const facts = new FlagFactsRepository(medium.db);
    const flags = new FlagRepository(medium.db, medium.dataSource);
    const evaluation = new FlagEvaluationService(config, clock, medium.db, facts, flags);
    return new FlagSweepService(config, clock, medium.db, facts, evaluation);
  };
  /** Corridors needing Ukraine's confirmation, never given; window `w` of corridor `c` due at `dueAt(c, w)`. */
  const seed = async (
    corridors: number,
    windowsEach: number,
    dueAt: (c: number, w: number) => Date | null,
  ): Promise<CorridorWindowEntity[][]> =>
    medium.db.transaction(async (tx) => {
      const seeded: CorridorWindowEntity[][] = [];
      for (let c = 0; c < corridors; c += 1) {
        const corridor = aCorridor(world);
        await repos.corridors.insert(corridor, [world.partyIds[0]], tx);
        const windows = Array.from({ length: windowsEach }, (_, w) => {
          const startsAt = new Date(NOW.getTime() - (10 - w) * DAY + c * 60_000);
          return {
            ...aWindow(world, corridor.id, startsAt, new Date(startsAt.getTime() + 10 * HOUR)),
            nextEvaluationAt: dueAt(c, w),
          };
        });
        await repos.corridors.insertWindows(windows, tx);
        seeded.push(windows);
      }
      return seeded;
    });
  const rulesOf = async (windowId: string) =>
    (
      await medium.db.all<{ rule: string }>(
        'SELECT rule FROM flag WHERE window_id = :windowId ORDER BY rule',
        {
          windowId,
        },
      )
    ).map((f) => f.rule);
  const raisedEventsOf = async (windowIds: string[]) =>
    medium.db.all<{ window_id: string; rule: string; n: number | string }>(
      `SELECT window_id, rule, COUNT(*) AS n FROM flag_event WHERE kind = 'raised' AND window_id IN (:...windowIds)
       GROUP BY window_id, rule`,
      { windowIds },
    );

  beforeAll(async () => {
    medium = await openMigratedDatabase(dialect);
    world = await seedWorld(medium);
    repos = repositoriesOf(medium);
  });

  afterAll(async () => {
    await medium?.close();
  });

  it("reads each corridor once: a found window brings its corridor's other due windows, and windows not due stay alone", async () => {
    // Due in the order (window 0 of every corridor, window 1 of every corridor, …); the fifth is not due yet.
    const seeded = await seed(3, 5, (c, w) =>
      w < 4 ? new Date(NOW.getTime() - (10 - w) * DAY + c * 60_000) : new Date(NOW.getTime() + DAY),
    );
    const outcome = await sweeperOf(2).sweep();
    // Two found batches of two windows (corridors 0 and 1, then corridor 2) instead of six.
    expect(outcome).toMatchObject({ batches: 2, corridors: 3, windows: 12, raised: 36, isComplete: true });
    for (const windows of seeded) {
      for (const window of windows.slice(0, 4))
        expect(await rulesOf(window.id)).toEqual(PAST_UNCONFIRMED_RULES);
      expect(await rulesOf(windows[4].id)).toEqual([]);
    }
    const events = await raisedEventsOf(seeded.flat().map((w) => w.id));
    expect(events).toHaveLength(36);
    expect(events.every((e) => Number(e.n) === 1)).toBe(true);
    const stored = await repos.corridors.findWindows(seeded[2][0].corridorId);
    expect(
      stored.map((w) => [w.nextEvaluationAt?.getTime() ?? null, w.evaluatedAt?.getTime() ?? null]),
    ).toEqual([...Array.from({ length: 4 }, () => [null, NOW.getTime()]), [NOW.getTime() + DAY, null]]);
    expect(await sweeperOf(2).sweep()).toMatchObject({ windows: 0, raised: 0, isComplete: true });
  });

  it('attributes a report naming no window to the latest-starting window holding it, even one not due', async () => {
    const [[earlier]] = await seed(1, 1, () => new Date(NOW.getTime() - DAY));
    // Starts an hour after `earlier`, over the same hours, and was evaluated for good already.
    const later = aWindow(
      world,
      earlier.corridorId,
      new Date(earlier.startsAt.getTime() + HOUR),
      new Date(earlier.endsAt.getTime() + HOUR),
    );
    await medium.db.transaction(async (tx) => {
      await repos.corridors.insertWindows([later], tx);
      await repos.reports.insertEvacuation(
        anEvacuationReport(world, {
          corridorId: earlier.corridorId,
          reportedAt: new Date(earlier.startsAt.getTime() + 2 * HOUR),
        }),
        tx,
      );
    });
    expect(await sweeperOf(10).sweep()).toMatchObject({ windows: 1, isComplete: true });
    // The report counts for `later`: `earlier` had none.
    expect(await rulesOf(earlier.id)).toEqual(PAST_UNCONFIRMED_RULES);
    expect(await rulesOf(later.id)).toEqual([]);
  });

  it('two sweeps at once raise each flag once, with one event each', async () => {
    const seeded = await seed(4, 3, (c, w) => new Date(NOW.getTime() - (10 - w) * DAY + c * 60_000));
    const outcomes = await Promise.all([sweeperOf(3).sweep(), sweeperOf(3).sweep()]);
    expect(outcomes[0].raised + outcomes[1].raised).toBe(36);
    const windowIds = seeded.flat().map((w) => w.id);
    for (const windowId of windowIds) expect(await rulesOf(windowId)).toEqual(PAST_UNCONFIRMED_RULES);
    const events = await raisedEventsOf(windowIds);
    expect(events).toHaveLength(36);
    expect(events.every((e) => Number(e.n) === 1)).toBe(true);
  });
});
