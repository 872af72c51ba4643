import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { COUNT_QUALIFIERS, reconcileCounts, type Count, type CountQualifier } from '#cw/domain';
import {
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

interface ClaimCase {
  window: number | null;
  source: number;
  qualifier: CountQualifier;
  value: number;
  spread: number;
}

const claimCase: fc.Arbitrary<ClaimCase> = fc.record({
  window: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
  source: fc.integer({ min: 0, max: 3 }),
  qualifier: fc.constantFrom(...COUNT_QUALIFIERS),
  value: fc.integer({ min: 0, max: 1000 }),
  spread: fc.integer({ min: 0, max: 300 }),
});

describe.each(mediumDialects())('the evacuation totals kept on a corridor row (%s)', (dialect) => {
  let medium: MediumDatabase;
  let world: World;
  let repositories: Repositories;

  beforeAll(async () => {
    medium = await openMigratedDatabase(dialect);
    world = await seedWorld(medium);
    repositories = repositoriesOf(medium);
  });

  afterAll(() => medium.close());

  it('are the total range reconcileCounts gives, for any mix of windows, sources and precisions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(claimCase, { maxLength: 12 }), async (claims) => {
        const corridor = aCorridor(world);
        const windows = [0, 1, 2].map((day) =>
          aWindow(
            world,
            corridor.id,
            new Date(Date.UTC(2022, 4, 5 + day, 5)),
            new Date(Date.UTC(2022, 4, 5 + day, 15)),
          ),
        );
        const reports = claims.map((claim, index) =>
          anEvacuationReport(world, {
            corridorId: corridor.id,
            windowId: claim.window === null ? null : windows[claim.window].id,
            sourcePartyId: world.partyIds[claim.source],
            reportedAt: new Date(Date.UTC(2022, 4, 8, 12, index)),
            qualifier: claim.qualifier,
            value: claim.value,
            max: claim.qualifier === 'range' ? claim.value + claim.spread : null,
          }),
        );
        await medium.db.transaction(async (tx) => {
          await repositories.corridors.insert(corridor, [], tx);
          await repositories.corridors.insertWindows(windows, tx);
          for (const report of reports) await repositories.reports.insertEvacuation(report, tx);
        });

        const totals = await repositories.reports.evacuationTotals(corridor.id);
        const { total } = reconcileCounts(
          reports.map((r) => ({
            sourcePartyId: r.sourcePartyId,
            windowId: r.windowId,
            reportedAt: r.reportedAt,
            count: { qualifier: r.qualifier, value: r.value, max: r.max } as Count,
          })),
        );
        expect(totals).toEqual({
          reportCount: reports.length,
          low: total?.low ?? null,
          high: total?.high ?? null,
        });
      }),
      { numRuns: 60 },
    );
  });

  it('say 300–344 for the conflicting figures of 4 May 2022', async () => {
    const corridor = aCorridor(world);
    const claims: [string, CountQualifier, number][] = [
      [world.partyIds[3], 'exact', 344],
      [world.partyIds[0], 'at_least', 320],
      [world.partyIds[2], 'at_least', 300],
    ];
    await medium.db.transaction(async (tx) => {
      await repositories.corridors.insert(corridor, [], tx);
      for (const [sourcePartyId, qualifier, value] of claims) {
        await repositories.reports.insertEvacuation(
          anEvacuationReport(world, { corridorId: corridor.id, sourcePartyId, qualifier, value }),
          tx,
        );
      }
    });
    expect(await repositories.reports.evacuationTotals(corridor.id)).toEqual({
      reportCount: 3,
      low: 300,
      high: 344,
    });
  });

  it('are empty for a corridor nobody reported on', async () => {
    const corridor = aCorridor(world);
    await medium.db.transaction((tx) => repositories.corridors.insert(corridor, [], tx));
    expect(await repositories.reports.evacuationTotals(corridor.id)).toEqual({
      reportCount: 0,
      low: null,
      high: null,
    });
  });
});
