import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { aCorridor, seedWorld, type World } from '../../test-support/fixtures.js';
import {
  mediumDialects,
  openMigratedDatabase,
  type MediumDatabase,
} from '../../test-support/medium-database.js';
import { CorridorRepository } from '../corridor/corridor.repository.js';
import { OrganisationRepository } from '../organisation/organisation.repository.js';
import { UserRepository } from '../user/user.repository.js';
import { ForeignKeyViolation, UniqueViolation } from './database-errors.js';
import type { Database, SqlRunner } from './database.js';

// A scratch table of the executor's own, beside the real schema.
const PROBE_TABLE = `CREATE TABLE probe (
  id integer PRIMARY KEY, label varchar(64) NOT NULL, seen_at bigint, on_route integer, note text)`;

interface ProbeRow {
  id: number;
  label: string;
  seen_at: number | string | null;
  on_route: number | null;
  note: string | null;
}

const insertProbe = (runner: SqlRunner, id: number, label: string) =>
  runner.run('INSERT INTO probe (id, label) VALUES (:id, :label)', { id, label });

const labels = async (runner: SqlRunner) =>
  (await runner.all<{ label: string }>('SELECT label FROM probe ORDER BY label')).map((row) => row.label);

/** A promise with its resolver, to hold a transaction open until the test lets it go. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Lets every pending promise callback and I/O callback run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe.each(mediumDialects())('the %s executor', (dialect) => {
  let medium: MediumDatabase;
  let db: Database;
  let world: World;

  beforeAll(async () => {
    medium = await openMigratedDatabase(dialect);
    db = medium.db;
    world = await seedWorld(medium);
    await db.run(PROBE_TABLE);
  });

  afterAll(() => medium?.close());

  beforeEach(() => db.run('DELETE FROM probe'));

  describe('named parameters', () => {
    it('bind one parameter used twice to both places', async () => {
      await insertProbe(db, 1, 'Mariupol');
      await insertProbe(db, 2, 'Berdiansk');

      const rows = await db.all<ProbeRow>('SELECT id FROM probe WHERE label = :town OR note = :town', {
        town: 'Berdiansk',
      });
      expect(rows.map((row) => row.id)).toEqual([2]);
      const row = await db.get<{ same: number | boolean }>(
        'SELECT CASE WHEN :n = :n THEN 1 ELSE 0 END AS same',
        { n: 7 },
      );
      expect(Number(row?.same)).toBe(1);
    });

    it('expand `:...list` into one bound value per item', async () => {
      for (const [id, label] of ['Mariupol', 'Berdiansk', 'Zaporizhzhia', 'Melitopol'].entries())
        await insertProbe(db, id, label);

      const rows = await db.all<ProbeRow>(
        'SELECT label FROM probe WHERE id IN (:...ids) AND label <> :not ORDER BY id',
        {
          ids: [0, 2, 3],
          not: 'Melitopol',
        },
      );
      expect(rows.map((row) => row.label)).toEqual(['Mariupol', 'Zaporizhzhia']);
    });

    it('refuse a missing parameter and an empty list instead of sending broken SQL', async () => {
      await expect(db.all('SELECT 1 FROM probe WHERE id = :id', {})).rejects.toThrow(
        'SQL parameter :id is missing',
      );
      await expect(db.all('SELECT 1 FROM probe WHERE id IN (:...ids)', { ids: [] })).rejects.toThrow(
        ':...ids needs a non-empty array',
      );
    });

    it('bind dates as epoch milliseconds, null and undefined as NULL, booleans as 1 and 0', async () => {
      const seenAt = new Date('2022-05-05T08:00:00.123Z');
      await db.run(
        'INSERT INTO probe (id, label, seen_at, on_route, note) VALUES (:id, :label, :seenAt, :onRoute, :note)',
        {
          id: 1,
          label: 'bus 1',
          seenAt,
          onRoute: true,
          note: null,
        },
      );
      await db.run(
        'INSERT INTO probe (id, label, seen_at, on_route, note) VALUES (:id, :label, :seenAt, :onRoute, :note)',
        {
          id: 2,
          label: 'bus 2',
          seenAt: null,
          onRoute: false,
          note: undefined,
        },
      );

      const rows = await db.all<ProbeRow>('SELECT id, label, seen_at, on_route, note FROM probe ORDER BY id');
      expect(
        rows.map((row) => ({ ...row, seen_at: row.seen_at === null ? null : Number(row.seen_at) })),
      ).toEqual([
        { id: 1, label: 'bus 1', seen_at: seenAt.getTime(), on_route: 1, note: null },
        { id: 2, label: 'bus 2', seen_at: null, on_route: 0, note: null },
      ]);
      const onRoute = await db.all<ProbeRow>(
        'SELECT id FROM probe WHERE on_route = :onRoute AND seen_at = :seenAt',
        {
          onRoute: true,
          seenAt,
        },
      );
      expect(onRoute.map((row) => row.id)).toEqual([1]);
    });
  });

  describe('constraint errors', () => {
    it('raise UniqueViolation naming the refused key', async () => {
      const organisations = new OrganisationRepository(db, medium.dataSource);
      const error = await organisations
        .insert({ id: randomUUID(), name: 'Corridor Watch Kyiv', language: 'uk', createdAt: new Date() })
        .then(
          () => undefined,
          (e: unknown) => e,
        );

      expect(error).toBeInstanceOf(UniqueViolation);
      expect((error as UniqueViolation).constraint).toBe(
        dialect === 'postgres' ? 'ux_organisation_name' : 'organisation.name',
      );
    });

    it('raise ForeignKeyViolation for a reference to nothing, naming the constraint where the driver says it', async () => {
      const users = new UserRepository(db, medium.dataSource);
      const error = await users
        .insert({
          id: randomUUID(),
          email: 'nobody@corridor.watch',
          displayName: 'Nobody',
          organisationId: randomUUID(),
          role: 'coordinator',
          passwordHash: null,
          disabledAt: null,
          inviteTokenHash: null,
          inviteExpiresAt: null,
          createdAt: new Date(),
          updatedAt: new Date(),
        })
        .then(
          () => undefined,
          (e: unknown) => e,
        );

      expect(error).toBeInstanceOf(ForeignKeyViolation);
      // SQLite's message says only "FOREIGN KEY constraint failed", never which one.
      expect((error as ForeignKeyViolation).constraint).toBe(
        dialect === 'postgres' ? 'FK_6fa42e978fa7d7adc32736e26fd' : 'unknown',
      );
      expect(await users.count()).toBe(1);
    });

    it('pass other errors through untouched', async () => {
      const error = await db.run('INSERT INTO probe (id) VALUES (:id)', { id: 1 }).then(
        () => undefined,
        (e: unknown) => e,
      );
      // The driver's own error (better-sqlite3's comes from another realm than Jest's Error): the NOT NULL on label.
      expect(error).toMatchObject({ message: expect.stringMatching(/label/) });
      expect(error).not.toBeInstanceOf(UniqueViolation);
      expect(error).not.toBeInstanceOf(ForeignKeyViolation);
      await expect(db.all('SELECT * FROM no_such_table')).rejects.toMatchObject({
        message: expect.stringMatching(/no_such_table/),
      });
    });
  });

  describe('transactions', () => {
    it('commit what the work wrote and return what it returned', async () => {
      const result = await db.transaction(async (tx) => {
        await insertProbe(tx, 1, 'Mariupol');
        await insertProbe(tx, 2, 'Berdiansk');
        return 'two buses';
      });

      expect(result).toBe('two buses');
      expect(await labels(db)).toEqual(['Berdiansk', 'Mariupol']);
    });

    it('roll back everything when the work throws, and rethrow', async () => {
      await insertProbe(db, 1, 'before');
      const work = db.transaction(async (tx) => {
        await insertProbe(tx, 2, 'inside');
        await tx.run('UPDATE probe SET label = :label WHERE id = :id', { id: 1, label: 'changed inside' });
        throw new Error('shelling reported, corridor abandoned');
      });

      await expect(work).rejects.toThrow('shelling reported, corridor abandoned');
      expect(await labels(db)).toEqual(['before']);
    });

    it('roll back a transaction whose statement broke a constraint, keeping the translated error', async () => {
      const work = db.transaction(async (tx) => {
        await insertProbe(tx, 1, 'first');
        await insertProbe(tx, 1, 'same id');
      });

      await expect(work).rejects.toBeInstanceOf(UniqueViolation);
      expect(await labels(db)).toEqual([]);
    });

    it('keep working after a rollback', async () => {
      await expect(db.transaction(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
      await db.transaction((tx) => insertProbe(tx, 1, 'after'));
      expect(await labels(db)).toEqual(['after']);
    });
  });

  if (dialect === 'sqlite') {
    it('binds numbers instead of inlining them: one prepared statement for every value', async () => {
      const statements = (db as unknown as { statements: Map<string, unknown> }).statements;
      const sql = 'SELECT label FROM probe WHERE id = :id AND seen_at IS NULL';
      await db.all(sql, { id: 1 });
      const cached = statements.size;

      for (let id = 2; id <= 20; id++) await db.all(sql, { id });
      await db.all(sql, { id: 3.5 });

      expect(statements.size).toBe(cached);
    });

    it("keeps another request's statement out of an open transaction: it waits, survives the rollback and is not seen inside", async () => {
      const started = deferred();
      const resume = deferred();
      let seenInside: string[] = [];
      const transaction = db.transaction(async (tx) => {
        await insertProbe(tx, 1, 'inside');
        started.resolve();
        await resume.promise;
        seenInside = await labels(tx);
        throw new Error('corridor cancelled mid-write');
      });
      await started.promise;

      let outsideDone = false;
      const outside = insertProbe(db, 2, 'other request').then((changes) => ((outsideDone = true), changes));
      await settle();
      expect(outsideDone).toBe(false);

      resume.resolve();
      await expect(transaction).rejects.toThrow('corridor cancelled mid-write');
      expect(await outside).toBe(1);

      expect(seenInside).toEqual(['inside']);
      expect(await labels(db)).toEqual(['other request']);
    });

    it('runs transactions started together one after the other, both committed', async () => {
      const order: string[] = [];
      const write = (id: number, label: string) =>
        db.transaction(async (tx) => {
          order.push(`begin ${label}`);
          await insertProbe(tx, id, label);
          await settle();
          order.push(`end ${label}`);
        });

      await Promise.all([write(1, 'first'), write(2, 'second')]);

      expect(order).toEqual(['begin first', 'end first', 'begin second', 'end second']);
      expect(await labels(db)).toEqual(['first', 'second']);
    });

    it('commits transactions started together once, and a failing one takes back only its own writes', async () => {
      const executor = db as unknown as { execRun(sql: string, params?: unknown): number };
      const executed: string[] = [];
      const execRun = executor.execRun;
      executor.execRun = function (this: unknown, sql: string, params?: unknown) {
        executed.push(sql);
        return execRun.call(this, sql, params);
      };
      try {
        const outcomes = await Promise.allSettled([
          db.transaction((tx) => insertProbe(tx, 1, 'Mariupol')),
          db.transaction(async (tx) => {
            await insertProbe(tx, 2, 'Berdiansk');
            throw new Error('convoy turned back');
          }),
          db.transaction((tx) => insertProbe(tx, 3, 'Zaporizhzhia')),
        ]);

        expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      } finally {
        delete (executor as { execRun?: unknown }).execRun;
      }
      expect(await labels(db)).toEqual(['Mariupol', 'Zaporizhzhia']);
      expect(executed.filter((sql) => sql === 'BEGIN IMMEDIATE')).toHaveLength(1);
      expect(executed.filter((sql) => sql === 'COMMIT')).toHaveLength(1);
      expect(executed.filter((sql) => sql === 'ROLLBACK TO cw_transaction')).toHaveLength(1);
    });

    it('gives a transaction its answer only once the batch it rode in is committed', async () => {
      let answered = false;
      const first = db.transaction((tx) => insertProbe(tx, 1, 'first')).then(() => (answered = true));
      const second = db.transaction(async (tx) => {
        await insertProbe(tx, 2, 'second');
        expect(answered).toBe(false);
      });
      await Promise.all([first, second]);
      expect(answered).toBe(true);
    });
  }

  if (dialect === 'postgres') {
    it('commits two transactions that are open at the same time on the pool', async () => {
      const bothWrote = [deferred(), deferred()];
      const bothLooked = [deferred(), deferred()];
      const seenInside: string[][] = [];
      const write = (index: number, label: string) =>
        db.transaction(async (tx) => {
          await insertProbe(tx, index + 1, label);
          bothWrote[index].resolve();
          await Promise.all(bothWrote.map((d) => d.promise));
          seenInside[index] = await labels(tx);
          bothLooked[index].resolve();
          await Promise.all(bothLooked.map((d) => d.promise));
          return label;
        });

      const results = await Promise.all([write(0, 'convoy A'), write(1, 'convoy B')]);

      expect(results).toEqual(['convoy A', 'convoy B']);
      // Read committed: neither saw the other's uncommitted row.
      expect(seenInside).toEqual([['convoy A'], ['convoy B']]);
      expect(await labels(db)).toEqual(['convoy A', 'convoy B']);
    });
  }

  describe('a unit of work', () => {
    it('joins what is begun inside it: statements through the database and nested transactions, all or none', async () => {
      const seen = await db.unitOfWork(async () => {
        await db.transaction((tx) => insertProbe(tx, 1, 'convoy A'));
        await insertProbe(db, 2, 'convoy B');
        // A nested transaction sees what the unit wrote so far: they are one transaction.
        return db.transaction((tx) => labels(tx));
      });
      expect(seen).toEqual(['convoy A', 'convoy B']);
      expect(await labels(db)).toEqual(['convoy A', 'convoy B']);
    });

    it('rolls back only the nested transaction that failed, and the whole unit when its work fails', async () => {
      const outcome = await db.unitOfWork(async () => {
        await db.transaction((tx) => insertProbe(tx, 1, 'kept'));
        const refused = await db
          .transaction(async (tx) => {
            await insertProbe(tx, 2, 'undone with its savepoint');
            await insertProbe(tx, 1, 'same id: refused');
          })
          .catch((error: unknown) => error);
        return { refused, inside: await labels(db) };
      });
      expect(outcome.refused).toBeInstanceOf(UniqueViolation);
      expect(outcome.inside).toEqual(['kept']);
      expect(await labels(db)).toEqual(['kept']);

      await expect(
        db.unitOfWork(async () => {
          await db.transaction((tx) => insertProbe(tx, 3, 'undone with the unit'));
          throw new Error('the batch failed');
        }),
      ).rejects.toThrow('the batch failed');
      expect(await labels(db)).toEqual(['kept']);
    });

    it('undoes everything when asked to roll back (a dry run), and still answers what its work returned', async () => {
      const inside = await db.unitOfWork(
        async () => {
          await db.transaction((tx) => insertProbe(tx, 1, 'tried'));
          return labels(db);
        },
        { rollBack: () => true },
      );
      expect(inside).toEqual(['tried']);
      expect(await labels(db)).toEqual([]);
    });

    it('lets other work outside it go its own way, before and after', async () => {
      const held = deferred();
      const unit = db.unitOfWork(async () => {
        await insertProbe(db, 1, 'in the unit');
        await held.promise;
      });
      await settle();
      // Not inside the unit: a transaction of its own, committed once the unit has ended.
      const outside = db.transaction((tx) => insertProbe(tx, 2, 'outside'));
      held.resolve();
      await Promise.all([unit, outside]);
      expect(await labels(db)).toEqual(['in the unit', 'outside']);
    });
  });

  it('gives a corridor row back exactly as written: instants, nulls and integers', async () => {
    const corridor = aCorridor(world, {
      announcedAt: new Date('2022-05-04T21:03:00.500Z'),
      evacuationLow: 0,
      sourceNote: null,
    });
    const corridors = new CorridorRepository(db, medium.dataSource);
    await db.transaction((tx) => corridors.insert(corridor, [], tx));
    expect(await corridors.findById(corridor.id)).toEqual(corridor);
  });
});
