import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { loadConfig } from '#cw/config';
import {
  COUNT_QUALIFIERS,
  EVACUATION_MEASURES,
  summarizeEvacuations,
  type CountQualifier,
  type EvacuationMeasure,
} from '#cw/domain';
import { CorridorStateService } from './corridor-state.service.js';
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

interface ClaimCase {
  window: number | null;
  source: number;
  qualifier: CountQualifier;
  value: number;
  spread: number;
  measure: EvacuationMeasure;
}

const claimCase: fc.Arbitrary<ClaimCase> = fc.record({
  window: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
  source: fc.integer({ min: 0, max: 3 }),
  qualifier: fc.constantFrom(...COUNT_QUALIFIERS),
  // fewer_than 0 is refused at entry; 1 and up only.
  value: fc.integer({ min: 1, max: 1000 }),
  spread: fc.integer({ min: 0, max: 300 }),
  measure: fc.constantFrom(...EVACUATION_MEASURES),
});

describe.each(mediumDialects())('the evacuation totals kept on a corridor row (%s)', (dialect) => {
  let medium: MediumDatabase;
  let world: World;
  let repositories: Repositories;
  let state: CorridorStateService;

  beforeAll(async () => {
    medium = await openMigratedDatabase(dialect);
    world = await seedWorld(medium);
    repositories = repositoriesOf(medium);
    state = new CorridorStateService(repositories.corridors, repositories.reports, loadConfig({}));
  });

  const stored = async (corridorId: string) => {
    const row = await repositories.corridors.findById(corridorId);
    return {
      reportCount: row?.evacuationReportCount,
      measure: row?.headlineMeasure,
      low: row?.evacuationLow,
      high: row?.evacuationHigh,
    };
  };

  afterAll(() => medium.close());

  it('are the headline summarizeEvacuations gives, kept claim by claim and recomputed, for any mix of claims', async () => {
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
            measure: claim.measure,
          }),
        );
        // As the create path does: each claim added to the figures kept on the row, then stored.
        await medium.db.transaction(async (tx) => {
          await repositories.corridors.insert(corridor, [], tx);
          await repositories.corridors.insertWindows(windows, tx);
          for (const report of reports) {
            await state.addEvacuationFigure(
              corridor.id,
              {
                measure: report.measure,
                windowId: report.windowId,
                reportedAt: report.reportedAt,
                count: report,
              },
              tx,
            );
            await repositories.reports.insertEvacuation(report, tx);
          }
        });
        const { total } = summarizeEvacuations(
          reports.map((r) => ({ ...r, count: { qualifier: r.qualifier, value: r.value, max: r.max } })),
        );
        const expected = {
          reportCount: reports.length,
          measure: total?.headline?.measure ?? null,
          low: total?.headline?.low ?? null,
          high: total?.headline?.high ?? null,
        };
        expect(await stored(corridor.id)).toEqual(expected);
        // As a correction or retraction does: everything recomputed from the groups.
        await medium.db.transaction((tx) => state.refreshEvacuationFigures(corridor.id, tx));
        expect(await stored(corridor.id)).toEqual(expected);
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
    await medium.db.transaction((tx) => state.refreshEvacuationFigures(corridor.id, tx));
    expect(await stored(corridor.id)).toEqual({ reportCount: 3, measure: 'evacuated', low: 300, high: 344 });
  });

  it('are empty for a corridor nobody reported on', async () => {
    const corridor = aCorridor(world);
    await medium.db.transaction(async (tx) => {
      await repositories.corridors.insert(corridor, [], tx);
      await state.refreshEvacuationFigures(corridor.id, tx);
    });
    expect(await stored(corridor.id)).toEqual({ reportCount: 0, measure: null, low: null, high: null });
  });
});
