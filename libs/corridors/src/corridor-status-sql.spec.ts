import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import {
  CONFIRMATION_STANCES,
  CORRIDOR_STATUSES,
  deriveCorridorStatus,
  PUBLIC_VIEWER,
  type ConfirmationStance,
  type CorridorFacts,
  type CorridorStatus,
} from '#cw/domain';
import { loadConfig } from '#cw/config';
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
const hoursFromNow = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

/** A corridor as the generator describes it: whole hours around NOW, so boundaries fall exactly on NOW often. */
interface CorridorCase {
  isCancelled: boolean;
  windows: { startHour: number; hours: number }[];
  requiredParties: number[];
  confirmations: { party: number; stance: ConfirmationStance; hoursBefore: number }[];
  evacuationReports: number;
}

const corridorCase: fc.Arbitrary<CorridorCase> = fc.record({
  isCancelled: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
  windows: fc.array(
    fc.record({ startHour: fc.integer({ min: -8, max: 6 }), hours: fc.integer({ min: 1, max: 6 }) }),
    {
      maxLength: 4,
    },
  ),
  requiredParties: fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { maxLength: 3 }),
  // Stated at NOW or before; the same party may state twice at the same instant.
  confirmations: fc.array(
    fc.record({
      party: fc.integer({ min: 0, max: 3 }),
      stance: fc.constantFrom(...CONFIRMATION_STANCES),
      hoursBefore: fc.integer({ min: 0, max: 4 }),
    }),
    { maxLength: 5 },
  ),
  evacuationReports: fc.integer({ min: 0, max: 2 }),
});

function factsOf(world: World, c: CorridorCase): CorridorFacts {
  return {
    isCancelled: c.isCancelled,
    windows: c.windows.map((w) => ({
      startsAt: hoursFromNow(w.startHour),
      endsAt: hoursFromNow(w.startHour + w.hours),
    })),
    requiredPartyIds: c.requiredParties.map((index) => world.partyIds[index]),
    confirmations: c.confirmations.map((s) => ({
      partyId: world.partyIds[s.party],
      stance: s.stance,
      statedAt: hoursFromNow(-s.hoursBefore),
      reportedById: null,
    })),
    hasEvacuationReports: c.evacuationReports > 0,
  };
}

/** Stores the corridor the way the corridor services do, refreshing the derived columns in the same transaction. */
async function store(
  medium: MediumDatabase,
  world: World,
  repos: Repositories,
  c: CorridorCase,
  index: number,
): Promise<string> {
  const facts = factsOf(world, c);
  const state = new CorridorStateService(repos.corridors, repos.reports, loadConfig({}));
  const corridor = aCorridor(world, {
    name: `Corridor ${index}`,
    announcedAt: hoursFromNow(-48 + index),
    cancelledAt: c.isCancelled ? hoursFromNow(-1) : null,
    cancelReason: c.isCancelled ? 'shelling on the route' : null,
  });
  await medium.db.transaction(async (tx) => {
    await repos.corridors.insert(corridor, facts.requiredPartyIds, tx);
    const windows = facts.windows.map((w) => aWindow(world, corridor.id, w.startsAt, w.endsAt));
    await repos.corridors.insertWindows(windows, tx);
    for (const s of facts.confirmations) {
      await repos.reports.insertConfirmation(
        aConfirmation(world, {
          corridorId: corridor.id,
          partyId: s.partyId,
          stance: s.stance,
          statedAt: s.statedAt,
        }),
        tx,
      );
    }
    for (let n = 0; n < c.evacuationReports; n++) {
      await repos.reports.insertEvacuation(
        anEvacuationReport(world, {
          corridorId: corridor.id,
          windowId: windows[n]?.id ?? null,
          value: 40 + n,
          reportedAt: NOW,
        }),
        tx,
      );
    }
    await state.refreshConfirmationState(corridor.id, tx);
    await state.refreshEvacuationFigures(corridor.id, tx);
  });
  return corridor.id;
}

describe.each(mediumDialects())('the corridor status computed in %s', (dialect) => {
  let medium: MediumDatabase;
  let world: World;
  let repos: Repositories;

  beforeAll(async () => {
    medium = await openMigratedDatabase(dialect);
    world = await seedWorld(medium);
    repos = repositoriesOf(medium);
  });

  afterAll(() => medium?.close());

  it('is the status the domain derives, by id and in the status filter of the list', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(corridorCase, { minLength: 1, maxLength: 6 }), async (cases) => {
        await medium.db.run('DELETE FROM corridor');
        const ids: string[] = [];
        for (const [index, c] of cases.entries()) ids.push(await store(medium, world, repos, c, index));
        const derived = cases.map((c) => deriveCorridorStatus(factsOf(world, c), NOW));

        const stored = await Promise.all(ids.map((id) => repos.corridors.statusOf(id, NOW)));
        expect(stored).toEqual(derived);

        for (const status of CORRIDOR_STATUSES) {
          const page = await repos.corridors.list({ status, viewer: PUBLIC_VIEWER, limit: 200 }, NOW);
          const expected = ids.filter((_id, index) => derived[index] === status);
          expect({ status, ids: page.items.map((row) => row.id).sort() }).toEqual({
            status,
            ids: expected.sort(),
          });
          expect(page.items.every((row) => (row.status as CorridorStatus) === status)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('covers every status across the generated corridors (the property is not vacuous)', () => {
    const seen = new Set<CorridorStatus>();
    fc.sample(corridorCase, { numRuns: 600, seed: 42 }).forEach((c) =>
      seen.add(deriveCorridorStatus(factsOf(world, c), NOW)),
    );
    expect([...seen].sort()).toEqual([...CORRIDOR_STATUSES].sort());
  });

  it('answers nothing for a corridor that does not exist', async () => {
    expect(await repos.corridors.statusOf(randomUUID(), NOW)).toBeUndefined();
  });
});
