import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
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
import { ForeignKeyViolation, UniqueViolation } from '../database/database-errors.js';
import type { CorridorWindowEntity } from '../corridor/corridor-window.entity.js';

const THURSDAY_MORNING = new Date('2022-05-05T05:00:00Z');
const THURSDAY_EVENING = new Date('2022-05-05T15:00:00Z');

describe.each(mediumDialects())('the report repository on %s', (dialect) => {
  let medium: MediumDatabase;
  let world: World;
  let repos: Repositories;
  let corridorId: string;
  let thursday: CorridorWindowEntity;

  beforeAll(async () => {
    medium = await openMigratedDatabase(dialect);
    world = await seedWorld(medium);
    repos = repositoriesOf(medium);
    const corridor = aCorridor(world);
    corridorId = corridor.id;
    thursday = aWindow(world, corridorId, THURSDAY_MORNING, THURSDAY_EVENING);
    await medium.db.transaction(async (tx) => {
      await repos.corridors.insert(corridor, [world.partyIds[0]], tx);
      await repos.corridors.insertWindows([thursday], tx);
    });
  });

  afterAll(() => medium?.close());

  const uniqueKey = (table: string) =>
    dialect === 'postgres' ? `ux_${table}_fingerprint` : `${table}.fingerprint`;

  async function refusal(write: Promise<unknown>): Promise<unknown> {
    return write.then(
      () => undefined,
      (error: unknown) => error,
    );
  }

  it('refuses the same confirmation entered twice, by its fingerprint', async () => {
    const statement = aConfirmation(world, { corridorId, stance: 'confirmed', statedAt: THURSDAY_MORNING });
    await medium.db.transaction((tx) => repos.reports.insertConfirmation(statement, tx));

    const error = await refusal(
      medium.db.transaction((tx) =>
        repos.reports.insertConfirmation({ ...statement, id: randomUUID(), note: 'entered again' }, tx),
      ),
    );

    expect(error).toBeInstanceOf(UniqueViolation);
    expect((error as UniqueViolation).constraint).toBe(uniqueKey('confirmation'));
    expect((await repos.reports.findConfirmations(corridorId)).map((c) => c.id)).toEqual([statement.id]);
  });

  it('refuses the same evacuation claim entered twice, by its fingerprint', async () => {
    const claim = anEvacuationReport(world, {
      corridorId,
      windowId: thursday.id,
      value: 312,
      reportedAt: THURSDAY_EVENING,
    });
    await medium.db.transaction((tx) => repos.reports.insertEvacuation(claim, tx));

    const error = await refusal(
      medium.db.transaction((tx) => repos.reports.insertEvacuation({ ...claim, id: randomUUID() }, tx)),
    );

    expect(error).toBeInstanceOf(UniqueViolation);
    expect((error as UniqueViolation).constraint).toBe(uniqueKey('evacuation_report'));
    expect(
      (await repos.reports.findEvacuations(corridorId)).filter((r) => r.fingerprint === claim.fingerprint),
    ).toHaveLength(1);
  });

  it('gives evacuation figures back as numbers and instants, with and without a window', async () => {
    const corridor = aCorridor(world);
    const window = aWindow(world, corridor.id, THURSDAY_MORNING, THURSDAY_EVENING);
    const inWindow = anEvacuationReport(world, {
      corridorId: corridor.id,
      windowId: window.id,
      qualifier: 'range',
      value: 1500,
      max: 2000,
      reportedAt: new Date('2022-05-05T16:30:00.250Z'),
    });
    const unplaced = anEvacuationReport(world, {
      corridorId: corridor.id,
      windowId: null,
      qualifier: 'at_least',
      value: 40,
      max: null,
      reportedAt: new Date('2022-05-05T17:00:00Z'),
      arrivedAtId: world.locationIds[1],
    });
    await medium.db.transaction(async (tx) => {
      await repos.corridors.insert(corridor, [], tx);
      await repos.corridors.insertWindows([window], tx);
      await repos.reports.insertEvacuation(inWindow, tx);
      await repos.reports.insertEvacuation(unplaced, tx);
      await repos.corridors.refreshEvacuationFigures(corridor.id, 6 * 3_600_000, tx);
    });

    const figures = await repos.reports.findEvacuationFigures([corridor.id]);
    expect(figures.sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime())).toEqual([
      {
        corridorId: corridor.id,
        windowId: window.id,
        sourcePartyId: inWindow.sourcePartyId,
        reportedAt: inWindow.reportedAt,
        qualifier: 'range',
        value: 1500,
        max: 2000,
      },
      {
        corridorId: corridor.id,
        windowId: null,
        sourcePartyId: unplaced.sourcePartyId,
        reportedAt: unplaced.reportedAt,
        qualifier: 'at_least',
        value: 40,
        max: null,
      },
    ]);
    // toEqual above already tells 1500 from '1500'; these say it for the reader.
    expect(figures.map((f) => typeof f.value)).toEqual(['number', 'number']);
    expect(await repos.reports.findEvacuations(corridor.id)).toEqual([inWindow, unplaced]);

    const stored = await repos.corridors.findById(corridor.id);
    expect(stored).toMatchObject({ evacuationReportCount: 2, evacuationLow: 1540, evacuationHigh: 2040 });
    expect([
      typeof stored?.evacuationLow,
      typeof stored?.evacuationHigh,
      typeof stored?.evacuationReportCount,
    ]).toEqual(['number', 'number', 'number']);
  });

  it('keeps a report whose window is deleted, with no window', async () => {
    const corridor = aCorridor(world);
    const window = aWindow(world, corridor.id, THURSDAY_MORNING, THURSDAY_EVENING);
    const report = anEvacuationReport(world, { corridorId: corridor.id, windowId: window.id });
    await medium.db.transaction(async (tx) => {
      await repos.corridors.insert(corridor, [], tx);
      await repos.corridors.insertWindows([window], tx);
      await repos.reports.insertEvacuation(report, tx);
    });

    await medium.db.run('DELETE FROM corridor_window WHERE id = :id', { id: window.id });

    expect(await repos.reports.findEvacuations(corridor.id)).toEqual([{ ...report, windowId: null }]);
  });

  it('refuses a report naming a window that does not exist', async () => {
    const report = anEvacuationReport(world, { corridorId, windowId: randomUUID() });

    const error = await refusal(medium.db.transaction((tx) => repos.reports.insertEvacuation(report, tx)));

    expect(error).toBeInstanceOf(ForeignKeyViolation);
    expect((await repos.reports.findEvacuations(corridorId)).map((r) => r.id)).not.toContain(report.id);
  });

  it('deletes the reports and confirmations of a deleted corridor with it', async () => {
    const corridor = aCorridor(world);
    await medium.db.transaction(async (tx) => {
      await repos.corridors.insert(corridor, [world.partyIds[0]], tx);
      await repos.reports.insertConfirmation(aConfirmation(world, { corridorId: corridor.id }), tx);
      await repos.reports.insertEvacuation(anEvacuationReport(world, { corridorId: corridor.id }), tx);
    });

    await medium.db.run('DELETE FROM corridor WHERE id = :id', { id: corridor.id });

    expect(await repos.reports.findConfirmations(corridor.id)).toEqual([]);
    expect(await repos.reports.findEvacuations(corridor.id)).toEqual([]);
    expect(await repos.corridors.findRequiredPartyIds(corridor.id)).toEqual([]);
  });
});
