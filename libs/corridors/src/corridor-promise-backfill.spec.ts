import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '#cw/config';
import { PUBLIC_VIEWER } from '#cw/domain';
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

const at = (iso: string) => new Date(iso);

// Corridors recorded before the promise was kept: the migration leaves stance_promise null (migrations-data.spec),
// and the api computes it at start, a batch per transaction.
describe.each(mediumDialects())(
  'promises computed at start for corridors recorded before (%s)',
  (dialect) => {
    let medium: MediumDatabase;
    let world: World;
    let repos: Repositories;
    let state: CorridorStateService;
    const ids: Record<'unconfirmed' | 'kept' | 'broken' | 'ahead', string> = {
      unconfirmed: '',
      kept: '',
      broken: '',
      ahead: '',
    };

    /** A corridor as an earlier version stored it: its figures kept, its promise never computed. */
    const recordedBefore = async (
      name: string,
      change: { confirmed?: boolean; reported?: number; startsAt: string; endsAt: string },
    ): Promise<string> => {
      const corridor = aCorridor(world, { name });
      const window = aWindow(world, corridor.id, at(change.startsAt), at(change.endsAt));
      await medium.db.transaction(async (tx) => {
        await repos.corridors.insert(corridor, [world.partyIds[0]], tx);
        await repos.corridors.insertWindows([window], tx);
        if (change.confirmed) {
          await repos.reports.insertConfirmation(
            aConfirmation(world, {
              corridorId: corridor.id,
              partyId: world.partyIds[0],
              statedAt: at(change.startsAt),
              reportedById: world.partyIds[3],
            }),
            tx,
          );
        }
        if (change.reported !== undefined) {
          await repos.reports.insertEvacuation(
            anEvacuationReport(world, {
              corridorId: corridor.id,
              windowId: window.id,
              value: change.reported,
            }),
            tx,
          );
        }
        await tx.run("UPDATE corridor SET stance_promise = NULL, settled_promise = 'broken' WHERE id = :id", {
          id: corridor.id,
        });
      });
      return corridor.id;
    };

    beforeAll(async () => {
      medium = await openMigratedDatabase(dialect);
      world = await seedWorld(medium);
      repos = repositoriesOf(medium);
      state = new CorridorStateService(repos.corridors, repos.reports, loadConfig({}));
      const may5 = { startsAt: '2022-05-05T05:00:00Z', endsAt: '2022-05-05T15:00:00Z' };
      ids.unconfirmed = await recordedBefore('People moved, never confirmed', { ...may5, reported: 50 });
      ids.kept = await recordedBefore('Confirmed through the UN, people moved', {
        ...may5,
        confirmed: true,
        reported: 127,
      });
      ids.broken = await recordedBefore('Confirmed, nobody moved', { ...may5, confirmed: true, reported: 0 });
      ids.ahead = await recordedBefore('Still ahead', {
        startsAt: '2030-05-05T05:00:00Z',
        endsAt: '2030-05-05T15:00:00Z',
      });
    });

    afterAll(() => medium?.close());

    it('computes each one as the domain settles it, once', async () => {
      expect(await state.computeMissingPromises(medium.db)).toBe(4);
      const settled = async (id: string) => (await repos.corridors.findById(id))?.settledPromise;
      expect(await settled(ids.unconfirmed)).toBe('unconfirmed');
      expect(await settled(ids.kept)).toBe('kept');
      expect(await settled(ids.broken)).toBe('broken');
      const page = await repos.corridors.list(
        { viewer: PUBLIC_VIEWER, limit: 10 },
        at('2022-05-10T00:00:00Z'),
      );
      expect(new Map(page.items.map((row) => [row.id, row.promise])).get(ids.ahead)).toBe('pending');
      // Nothing is left to compute: a second start does nothing.
      expect(await state.computeMissingPromises(medium.db)).toBe(0);
    });
  },
);
