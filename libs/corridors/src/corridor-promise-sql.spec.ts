import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { loadConfig } from '#cw/config';
import {
  CONFIRMATION_STANCES,
  CORRIDOR_PROMISES,
  COUNT_QUALIFIERS,
  derivePromise,
  PUBLIC_VIEWER,
  settledPromise,
  type ConfirmationStance,
  type Count,
  type CorridorPromise,
  type PromiseFacts,
} from '#cw/domain';
import { attributeEvacuations } from '#cw/flags';
import { CorridorStateService } from './corridor-state.service.js';
import {
  aConfirmation,
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

const NOW = new Date('2022-05-05T12:00:00Z');
const HOUR = 3_600_000;
const GRACE_HOURS = 6;
const config = loadConfig({ NO_EVACUATION_GRACE_HOURS: String(GRACE_HOURS) });
const hoursFromNow = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

/** A corridor as the generator describes it: whole hours around NOW, so boundaries fall exactly on them often. */
interface PromiseCase {
  isCancelled: boolean;
  windows: { startHour: number; hours: number }[];
  requiredParties: number[];
  confirmations: { party: number; stance: ConfirmationStance; hour: number; reportedBy: number | null }[];
  claims: { window: number | null; hour: number; count: Count }[];
  isStanceRefreshedLast: boolean;
  /** As report entry does: each claim stored after the stances, the promise brought up to date from that claim. */
  isEnteredOneByOne: boolean;
}

const count: fc.Arbitrary<Count> = fc
  .record({
    qualifier: fc.constantFrom(...COUNT_QUALIFIERS),
    value: fc.constantFrom(0, 0, 1, 40),
    extra: fc.constantFrom(0, 5),
  })
  .map(({ qualifier, value, extra }) =>
    qualifier === 'range' ? { qualifier, value, max: value + extra } : { qualifier, value },
  );

const promiseCase: fc.Arbitrary<PromiseCase> = fc.record({
  isCancelled: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
  windows: fc.array(
    fc.record({ startHour: fc.integer({ min: -30, max: 4 }), hours: fc.integer({ min: 1, max: 8 }) }),
    {
      maxLength: 3,
    },
  ),
  requiredParties: fc.uniqueArray(fc.integer({ min: 0, max: 1 }), { maxLength: 2 }),
  confirmations: fc.array(
    fc.record({
      party: fc.integer({ min: 0, max: 1 }),
      stance: fc.constantFrom(...CONFIRMATION_STANCES),
      hour: fc.integer({ min: -30, max: 0 }),
      reportedBy: fc.constantFrom(null, 2, 3),
    }),
    { maxLength: 4 },
  ),
  // A claim names one of the windows or none (attributed by its time, within the grace after a window).
  claims: fc.array(
    fc.record({ window: fc.constantFrom(null, 0, 1, 2), hour: fc.integer({ min: -30, max: 0 }), count }),
    { maxLength: 3 },
  ),
  isStanceRefreshedLast: fc.boolean(),
  isEnteredOneByOne: fc.boolean(),
});

function windowsOf(c: PromiseCase) {
  return c.windows.map((w) => ({
    startsAt: hoursFromNow(w.startHour),
    endsAt: hoursFromNow(w.startHour + w.hours),
  }));
}

/** Stores the corridor as the services do, refreshing what the row keeps in the same transaction. */
async function store(
  medium: MediumDatabase,
  world: World,
  repos: Repositories,
  c: PromiseCase,
  index: number,
): Promise<{ id: string; facts: PromiseFacts; windows: { startsAt: Date; endsAt: Date }[] }> {
  const state = new CorridorStateService(repos.corridors, repos.reports, config);
  const corridor = aCorridor(world, {
    name: `Corridor ${index}`,
    announcedAt: hoursFromNow(-48 + index),
    cancelledAt: c.isCancelled ? hoursFromNow(-1) : null,
    cancelReason: c.isCancelled ? 'shelling on the route' : null,
  });
  const windows = windowsOf(c).map((w) => aWindow(world, corridor.id, w.startsAt, w.endsAt));
  const requiredPartyIds = c.requiredParties.map((p) => world.partyIds[p]);
  const confirmations = c.confirmations.map((s) => ({
    partyId: world.partyIds[s.party],
    stance: s.stance,
    statedAt: hoursFromNow(s.hour),
    reportedById: s.reportedBy === null ? null : world.partyIds[s.reportedBy],
  }));
  const claims = c.claims.map((claim) => ({
    windowId: claim.window === null ? null : (windows[claim.window]?.id ?? null),
    reportedAt: hoursFromNow(claim.hour),
    count: claim.count,
  }));
  await medium.db.transaction(async (tx) => {
    await repos.corridors.insert(corridor, requiredPartyIds, tx);
    await repos.corridors.insertWindows(windows, tx);
    for (const s of confirmations)
      await repos.reports.insertConfirmation(aConfirmation(world, { corridorId: corridor.id, ...s }), tx);
    if (c.isEnteredOneByOne) await state.refreshConfirmationState(corridor.id, tx);
    for (const claim of claims) {
      const report = anEvacuationReport(world, {
        corridorId: corridor.id,
        windowId: claim.windowId,
        reportedAt: claim.reportedAt,
        qualifier: claim.count.qualifier,
        value: claim.count.value,
        max: claim.count.max ?? null,
      });
      await repos.reports.insertEvacuation(report, tx);
      if (c.isEnteredOneByOne) await state.refreshEvacuationFigures(corridor.id, tx, report);
    }
    if (!c.isEnteredOneByOne) {
      if (!c.isStanceRefreshedLast) await state.refreshConfirmationState(corridor.id, tx);
      await state.refreshEvacuationFigures(corridor.id, tx);
      if (c.isStanceRefreshedLast) await state.refreshConfirmationState(corridor.id, tx);
    }
  });
  // The flag rules' attribution: what the domain reads as each window's claims.
  const attributed = attributeEvacuations(
    {
      corridorId: corridor.id,
      isCancelled: c.isCancelled,
      requiredPartyIds,
      windows: windows.map((w) => ({ ...w, nextEvaluationAt: null })),
      confirmations: [],
      evacuations: claims.map((claim) => ({
        windowId: claim.windowId,
        sourcePartyId: world.partyIds[2],
        reportedAt: claim.reportedAt,
        qualifier: claim.count.qualifier,
        value: claim.count.value,
        max: claim.count.max ?? null,
      })),
      flags: [],
    },
    GRACE_HOURS,
  );
  const facts: PromiseFacts = {
    windows: windows.map((w) => ({
      startsAt: w.startsAt,
      endsAt: w.endsAt,
      claims: (attributed.get(w.id) ?? []).map(
        (e) => ({ qualifier: e.qualifier, value: e.value, max: e.max }) as Count,
      ),
    })),
    requiredPartyIds,
    confirmations,
  };
  return { id: corridor.id, facts, windows };
}

describe.each(mediumDialects())('the promise computed in %s', (dialect) => {
  let medium: MediumDatabase;
  let world: World;
  let repos: Repositories;

  beforeAll(async () => {
    medium = await openMigratedDatabase(dialect);
    world = await seedWorld(medium);
    repos = repositoriesOf(medium);
  });

  afterAll(() => medium?.close());

  it('keeps on the corridor row the promise the domain settles, and lists and filters on the promise it derives now', async () => {
    const seen = new Set<CorridorPromise>();
    await fc.assert(
      fc.asyncProperty(fc.array(promiseCase, { minLength: 1, maxLength: 5 }), async (cases) => {
        await medium.db.run('DELETE FROM corridor');
        const stored: { id: string; settled: string; promise: CorridorPromise }[] = [];
        for (const [index, c] of cases.entries()) {
          const { id, facts, windows } = await store(medium, world, repos, c, index);
          const settled = settledPromise(facts);
          stored.push({
            id,
            settled,
            promise: derivePromise({ isCancelled: c.isCancelled, windows, settled }, NOW),
          });
        }
        for (const { id, settled } of stored) {
          const row = await repos.corridors.findById(id);
          expect({ id, settled: row?.settledPromise }).toEqual({ id, settled });
        }
        const listed = new Map(
          (await repos.corridors.list({ viewer: PUBLIC_VIEWER, limit: 200 }, NOW)).items.map((row) => [
            row.id,
            row.promise,
          ]),
        );
        expect(stored.map(({ id }) => listed.get(id))).toEqual(stored.map(({ promise }) => promise));
        for (const promise of CORRIDOR_PROMISES) {
          const page = await repos.corridors.list({ viewer: PUBLIC_VIEWER, promise, limit: 200 }, NOW);
          expect({ promise, ids: page.items.map((row) => row.id).sort() }).toEqual({
            promise,
            ids: stored
              .filter((s) => s.promise === promise)
              .map((s) => s.id)
              .sort(),
          });
        }
        stored.forEach((s) => seen.add(s.promise));
      }),
      { numRuns: 60 },
    );
    // The property is not vacuous: every outcome came up.
    expect([...seen].sort()).toEqual([...CORRIDOR_PROMISES].sort());
  }, 120_000);
});
