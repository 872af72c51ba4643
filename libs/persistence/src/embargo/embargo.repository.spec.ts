import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
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
import { EmbargoRepository } from './embargo.repository.js';

const T = new Date('2022-05-05T12:00:00Z');
const HOUR = 3_600_000;
const at = (hours: number) => new Date(T.getTime() + hours * HOUR);

describe.each(mediumDialects())('the embargoes in force on %s', (dialect) => {
  let medium: MediumDatabase;
  let world: World;
  let repos: Repositories;
  let embargoes: EmbargoRepository;
  const ids = { convoy: '', windowless: '', untilTime: '', untilEnd: '', plain: '' };

  beforeAll(async () => {
    medium = await openMigratedDatabase(dialect);
    world = await seedWorld(medium);
    repos = repositoriesOf(medium);
    embargoes = new EmbargoRepository(medium.db);
    // A convoy corridor held until its windows end (the last at T + 4 h), a corridor with no window held the same
    // way, and on the convoy: a report held until T + 2 h, one held until the windows end, one not held.
    const convoy = aCorridor(world, { name: 'convoy', embargoUntilWindowsEnd: true, lastEndsAt: at(4) });
    const windowless = aCorridor(world, { name: 'windowless', embargoUntilWindowsEnd: true });
    const untilTime = anEvacuationReport(world, { corridorId: convoy.id, embargoedUntil: at(2) });
    const untilEnd = anEvacuationReport(world, {
      corridorId: convoy.id,
      embargoUntilWindowsEnd: true,
      value: 7,
    });
    const plain = anEvacuationReport(world, { corridorId: convoy.id, value: 9 });
    await medium.db.transaction(async (tx) => {
      await repos.corridors.insert(convoy, [], tx);
      await repos.corridors.insertWindows([aWindow(world, convoy.id, at(-2), at(4))], tx);
      await repos.corridors.insert(windowless, [], tx);
      for (const report of [untilTime, untilEnd, plain]) await repos.reports.insertEvacuation(report, tx);
    });
    Object.assign(ids, {
      convoy: convoy.id,
      windowless: windowless.id,
      untilTime: untilTime.id,
      untilEnd: untilEnd.id,
      plain: plain.id,
    });
  });

  afterAll(() => medium?.close());

  const due = async (now: Date, corridorIds?: string[]) =>
    (await embargoes.findDue(now, 100, corridorIds))
      .map(
        (d) =>
          `${d.kind}:${d.recordId === ids.convoy ? 'convoy' : d.recordId === ids.untilTime ? 'untilTime' : d.recordId === ids.untilEnd ? 'untilEnd' : d.recordId}`,
      )
      .sort();

  it('holds only what was entered under embargo, and finds each due at its instant or its windows end', async () => {
    const holds = await medium.db.all<{ record_id: string }>('SELECT record_id FROM embargo_hold');
    expect(holds.map((h) => h.record_id).sort()).toEqual(
      [ids.convoy, ids.windowless, ids.untilTime, ids.untilEnd].sort(),
    );
    expect(await due(at(1))).toEqual([]);
    expect(await due(at(2))).toEqual(['evacuation:untilTime']);
    expect(await due(at(4))).toEqual(['corridor:convoy', 'evacuation:untilEnd', 'evacuation:untilTime']);
    expect(await due(at(4), [ids.windowless])).toEqual([]);
    // A corridor with no window has no end to wait for: it stays held.
    expect(await due(at(10_000))).not.toContain(`corridor:${ids.windowless}`);
  });

  it('hides from other organisations until lifted, lifts once, and forgets the hold', async () => {
    const other = { organisationId: 'another-organisation', seesEverything: false };
    const own = { organisationId: world.organisationId, seesEverything: false };
    expect(await embargoes.isHidden('evacuation', ids.untilTime, other)).toBe(true);
    expect(await embargoes.isHidden('evacuation', ids.untilTime, own)).toBe(false);
    expect(await embargoes.isHidden('evacuation', ids.untilTime, { ...other, seesEverything: true })).toBe(
      false,
    );
    expect(await embargoes.isHidden('evacuation', ids.plain, other)).toBe(false);
    expect(await embargoes.isHidden('corridor', ids.convoy, other)).toBe(true);

    const first = await medium.db.transaction((tx) => embargoes.lift('evacuation', ids.untilTime, at(2), tx));
    expect(first).toEqual({
      organisationId: world.organisationId,
      embargoedUntil: at(2),
      embargoUntilWindowsEnd: false,
    });
    const second = await medium.db.transaction((tx) =>
      embargoes.lift('evacuation', ids.untilTime, at(3), tx),
    );
    expect(second).toBeUndefined();
    expect(await embargoes.isHidden('evacuation', ids.untilTime, other)).toBe(false);
    expect(await due(at(4))).toEqual(['corridor:convoy', 'evacuation:untilEnd']);
    const held = await embargoes.findHeld({
      corridor: [ids.convoy, ids.windowless],
      evacuation: [ids.untilTime, ids.untilEnd, ids.plain],
    });
    expect(held.map((h) => h.id).sort()).toEqual([ids.convoy, ids.windowless, ids.untilEnd].sort());
  });
});
