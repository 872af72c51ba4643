import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { aCorridor, repositoriesOf, seedWorld, type World } from '../../test-support/fixtures.js';
import {
  mediumDialects,
  openMigratedDatabase,
  type MediumDatabase,
} from '../../test-support/medium-database.js';
import { UniqueViolation } from '../database/database-errors.js';
import type { OperationEntity } from './operation.entity.js';
import { OperationRepository } from './operation.repository.js';

describe.each(mediumDialects())('the operation repository on %s', (dialect) => {
  let medium: MediumDatabase;
  let world: World;
  let operations: OperationRepository;
  const corridorIds: string[] = [];

  const anOperation = (name: string, createdAt: Date): OperationEntity => ({
    id: randomUUID(),
    name,
    sourceUrl: null,
    note: null,
    version: 1,
    organisationId: world.organisationId,
    createdById: world.coordinatorId,
    createdAt,
    updatedAt: createdAt,
  });

  beforeAll(async () => {
    medium = await openMigratedDatabase(dialect);
    world = await seedWorld(medium);
    operations = new OperationRepository(medium.db, medium.dataSource);
    const { corridors } = repositoriesOf(medium);
    for (let i = 0; i < 3; i += 1) {
      const corridor = aCorridor(world);
      await medium.db.transaction((tx) => corridors.insert(corridor, [], tx));
      corridorIds.push(corridor.id);
    }
  });

  afterAll(() => medium?.close());

  it('keeps a corridor in at most one operation: the database refuses a second one taking it', async () => {
    const first = anOperation('Operation 1', new Date('2022-05-01T00:00:00Z'));
    const second = anOperation('Operation 2', new Date('2022-05-02T00:00:00Z'));
    await medium.db.transaction(async (tx) => {
      await operations.insert(first, tx);
      await operations.replaceCorridors(first.id, [corridorIds[1], corridorIds[0]], tx);
      await operations.replaceFacilitators(first.id, [world.partyIds[3], world.partyIds[2]], tx);
      await operations.insert(second, tx);
      await operations.replaceCorridors(second.id, [corridorIds[2]], tx);
    });

    const refused = await medium.db
      .transaction((tx) => operations.replaceCorridors(second.id, [corridorIds[2], corridorIds[0]], tx))
      .then(
        () => undefined,
        (error: unknown) => error,
      );

    expect(refused).toBeInstanceOf(UniqueViolation);
    expect((await operations.findById(second.id))?.corridorIds).toEqual([corridorIds[2]]);
    expect(await operations.findStagesOf([corridorIds[0], corridorIds[2]], second.id)).toEqual([
      { corridorId: corridorIds[0], operationId: first.id },
    ]);
  });

  it('reads an operation with its stages in order and its facilitators, and lists the newest first', async () => {
    expect(await operations.findById(corridorIds[0])).toBeUndefined();
    const page = await operations.list(1);
    expect(page.items.map((o) => o.name)).toEqual(['Operation 2']);
    const next = await operations.list(1, page.nextCursor ?? undefined);
    expect(next).toEqual({
      items: [
        expect.objectContaining({
          name: 'Operation 1',
          corridorIds: [corridorIds[1], corridorIds[0]],
          facilitatorIds: [world.partyIds[3], world.partyIds[2]].sort(),
        }),
      ],
      nextCursor: null,
    });
  });

  it('names the references that do not exist', async () => {
    const unknown = randomUUID();
    expect(await operations.missingCorridors([corridorIds[0], unknown])).toEqual([unknown]);
    expect(await operations.missingParties([unknown, world.partyIds[0]])).toEqual([unknown]);
  });
});
