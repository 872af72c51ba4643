import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { isVisibleTo, PUBLIC_VIEWER, type EmbargoState, type EmbargoViewer } from '#cw/domain';
import type { SqlParams } from '../database/named-parameters.js';
import { OrganisationRepository } from '../organisation/organisation.repository.js';
import {
  aCorridor,
  anEvacuationReport,
  repositoriesOf,
  seedWorld,
  SEEDED_AT,
  type Repositories,
  type World,
} from '../../test-support/fixtures.js';
import {
  mediumDialects,
  openMigratedDatabase,
  type MediumDatabase,
} from '../../test-support/medium-database.js';
import { embargoVisibleSql } from './embargo-visibility.js';

const LATER = new Date('2022-05-05T00:00:00Z');
const LIFTED = new Date('2022-05-05T00:01:00Z');

/** Every state an embargo can be in: none, held either way, lifted either way. */
const STATES: Record<string, EmbargoState> = {
  none: { embargoedUntil: null, embargoUntilWindowsEnd: false, embargoLiftedAt: null },
  heldUntil: { embargoedUntil: LATER, embargoUntilWindowsEnd: false, embargoLiftedAt: null },
  heldToWindowsEnd: { embargoedUntil: null, embargoUntilWindowsEnd: true, embargoLiftedAt: null },
  liftedUntil: { embargoedUntil: LATER, embargoUntilWindowsEnd: false, embargoLiftedAt: LIFTED },
  liftedAtWindowsEnd: { embargoedUntil: null, embargoUntilWindowsEnd: true, embargoLiftedAt: LIFTED },
};

describe.each(mediumDialects())('the embargo visibility rule in SQL on %s', (dialect) => {
  let medium: MediumDatabase;
  let world: World;
  let repos: Repositories;
  let otherOrganisationId: string;
  const records: { table: string; id: string; organisationId: string; state: EmbargoState }[] = [];

  beforeAll(async () => {
    medium = await openMigratedDatabase(dialect);
    world = await seedWorld(medium);
    repos = repositoriesOf(medium);
    otherOrganisationId = randomUUID();
    await new OrganisationRepository(medium.db, medium.dataSource).insert({
      id: otherOrganisationId,
      name: 'UN OCHA Ukraine',
      language: 'en',
      createdAt: SEEDED_AT,
    });
    const carrier = aCorridor(world, { name: 'carries the reports' });
    await medium.db.transaction(async (tx) => {
      await repos.corridors.insert(carrier, [], tx);
      for (const organisationId of [world.organisationId, otherOrganisationId]) {
        for (const [name, state] of Object.entries(STATES)) {
          const corridor = aCorridor(world, { name: `${name} ${organisationId}`, organisationId, ...state });
          await repos.corridors.insert(corridor, [], tx);
          const report = anEvacuationReport(world, { corridorId: carrier.id, organisationId, ...state });
          await repos.reports.insertEvacuation(report, tx);
          records.push(
            { table: 'corridor', id: corridor.id, organisationId, state },
            { table: 'evacuation_report', id: report.id, organisationId, state },
          );
        }
      }
    });
  });

  afterAll(() => medium?.close());

  const viewers = (): [string, EmbargoViewer][] => [
    [
      'a member of the organisation that entered them',
      { organisationId: world.organisationId, seesEverything: false },
    ],
    ['a member of another organisation', { organisationId: otherOrganisationId, seesEverything: false }],
    ['an admin of another organisation', { organisationId: otherOrganisationId, seesEverything: true }],
    ['nobody in particular (shared figures)', PUBLIC_VIEWER],
  ];

  it('selects exactly what the domain rule lets each viewer see, corridors and claims alike', async () => {
    for (const [who, viewer] of viewers()) {
      for (const [table, alias] of [
        ['corridor', 'c'],
        ['evacuation_report', 'r'],
      ]) {
        const params: SqlParams = {};
        const where = embargoVisibleSql(alias, viewer, params);
        const rows = await medium.db.all<{ id: string }>(
          `SELECT ${alias}.id FROM ${table} ${alias} WHERE ${where}`,
          params,
        );
        const seen = new Set(rows.map((row) => row.id));
        const ofTable = records.filter((r) => r.table === table);
        const expected = ofTable
          .filter((r) => isVisibleTo({ ...r.state, organisationId: r.organisationId }, viewer))
          .map((r) => r.id);
        const selected = ofTable.map((r) => r.id).filter((id) => seen.has(id));
        expect({ who, table, selected: selected.sort() }).toEqual({ who, table, selected: expected.sort() });
      }
    }
  });

  it('hides something from someone (the comparison is not vacuous)', () => {
    const hidden = records.filter(
      (r) => !isVisibleTo({ ...r.state, organisationId: r.organisationId }, PUBLIC_VIEWER),
    );
    expect(hidden.length).toBe(8);
  });
});
