import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@nestjs/common';
import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import type { Dialect } from '../data-source-options.js';
import { translateDriverError } from './database-errors.js';
import { bindNamed, POSTGRES_PLACEHOLDER, SQLITE_PLACEHOLDER, SqlParams } from './named-parameters.js';
import { FALLBACK_AUTOCHECKPOINT_PAGES, SqliteCheckpointer } from './sqlite-checkpointer.js';

export type Row = Record<string, unknown>;

/** The only way repositories talk to the database: named parameters, both dialects. */
export interface SqlRunner {
  readonly dialect: Dialect;
  all<T = Row>(sql: string, params?: SqlParams): Promise<T[]>;
  get<T = Row>(sql: string, params?: SqlParams): Promise<T | undefined>;
  /** Returns the number of rows changed. */
  run(sql: string, params?: SqlParams): Promise<number>;
}

/** A transaction that the statements and transactions begun inside it join (Database.unitOfWork). */
interface UnitOfWork {
  tx: SqlRunner;
  /** False once its transaction ended: a callback still running from inside it then goes its own way. */
  isOpen: boolean;
  savepoints: number;
}

/** Undoes a unit of work that asked to be rolled back, carrying what its work returned. */
class RollBack<T> extends Error {
  constructor(readonly result: T) {
    super('unit of work rolled back');
  }
}

/** Injection token and contract; one implementation per dialect. */
export abstract class Database implements SqlRunner {
  abstract readonly dialect: Dialect;
  private readonly units = new AsyncLocalStorage<UnitOfWork>();

  all<T = Row>(sql: string, params?: SqlParams): Promise<T[]> {
    const unit = this.joined();
    return unit ? unit.tx.all<T>(sql, params) : this.allOwn<T>(sql, params);
  }

  get<T = Row>(sql: string, params?: SqlParams): Promise<T | undefined> {
    const unit = this.joined();
    return unit ? unit.tx.get<T>(sql, params) : this.getOwn<T>(sql, params);
  }

  run(sql: string, params?: SqlParams): Promise<number> {
    const unit = this.joined();
    return unit ? unit.tx.run(sql, params) : this.runOwn(sql, params);
  }

  /** One transaction; inside a unit of work, a savepoint of its transaction that fails alone. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    const unit = this.joined();
    return unit ? this.savepoint(unit, work) : this.begin(work);
  }

  /**
   * Runs `work` in one transaction that every statement and transaction begun inside it joins (through
   * `this`, as the services write them), each such transaction as a savepoint that a failure rolls back
   * alone. A batch (a CSV import) so stores its rows through the services that store one row per request,
   * all or none. When `rollBack` says so of the work's result (a dry run, a row refused), everything is undone
   * and the result still returned.
   */
  async unitOfWork<T>(
    work: (tx: SqlRunner) => Promise<T>,
    options: { rollBack?: (result: T) => boolean } = {},
  ): Promise<T> {
    try {
      return await this.beginAlone(async (tx) => {
        const unit: UnitOfWork = { tx, isOpen: true, savepoints: 0 };
        try {
          const result = await this.units.run(unit, () => work(tx));
          if (options.rollBack?.(result)) throw new RollBack(result);
          return result;
        } finally {
          unit.isOpen = false;
        }
      });
    } catch (error) {
      if (error instanceof RollBack) return error.result as T;
      throw error;
    }
  }

  abstract close(): Promise<void>;
  protected abstract allOwn<T>(sql: string, params?: SqlParams): Promise<T[]>;
  protected abstract getOwn<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  protected abstract runOwn(sql: string, params?: SqlParams): Promise<number>;
  protected abstract begin<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /** A transaction shared with no other work (a unit of work: many savepoints, one after another). */
  protected abstract beginAlone<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;

  private joined(): UnitOfWork | undefined {
    const unit = this.units.getStore();
    return unit?.isOpen ? unit : undefined;
  }

  private async savepoint<T>(unit: UnitOfWork, work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    const name = `cw_unit_${(unit.savepoints += 1)}`;
    await unit.tx.run(`SAVEPOINT ${name}`);
    try {
      const result = await work(unit.tx);
      await unit.tx.run(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await unit.tx.run(`ROLLBACK TO SAVEPOINT ${name}`);
      await unit.tx.run(`RELEASE SAVEPOINT ${name}`);
      throw error;
    }
  }
}

const NO_PARAMS: SqlParams = {};
const MAX_GROUP_COMMIT = 64;

interface QueuedTransaction {
  work: (tx: SqlRunner) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * SQLite: one better-sqlite3 connection, statements cached by text. Transactions hold a gate so
 * that no other request's statement runs inside them between awaits (they share the connection).
 */
class SqliteDatabase extends Database {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private waiting = 0;
  private gate: Promise<void> = Promise.resolve();
  private readonly queued: QueuedTransaction[] = [];
  private isFlushScheduled = false;
  private readonly direct: SqlRunner;

  constructor(
    private readonly connection: BetterSqlite3.Database,
    private readonly onClose: () => Promise<void>,
  ) {
    super();
    this.direct = {
      dialect: 'sqlite',
      all: async (sql, params) => this.execAll(sql, params),
      get: async (sql, params) => this.execAll(sql, params)[0] as never,
      run: async (sql, params) => this.execRun(sql, params),
    };
  }

  protected allOwn<T>(sql: string, params: SqlParams = NO_PARAMS): Promise<T[]> {
    return this.outside(() => this.execAll<T>(sql, params));
  }

  protected async getOwn<T>(sql: string, params: SqlParams = NO_PARAMS): Promise<T | undefined> {
    return (await this.allOwn<T>(sql, params))[0];
  }

  protected runOwn(sql: string, params: SqlParams = NO_PARAMS): Promise<number> {
    return this.outside(() => this.execRun(sql, params));
  }

  /**
   * Group commit: transactions queued in the same turn of the event loop share one BEGIN and one COMMIT, each in
   * its own savepoint, so one failing rolls back only itself. A commit costs more than the statements around it.
   * A transaction's work must not start another transaction (it would wait for itself), unless in a unit of work.
   */
  protected begin<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queued.push({ work, resolve, reject } as QueuedTransaction);
      this.scheduleFlush();
    });
  }

  /**
   * Not in a group commit: inside the group's savepoint SQLite would keep every page a nested savepoint wrote in
   * its statement journal until the group ends (~40 KB a row of an import); at the top level each one is freed
   * when released.
   */
  protected beginAlone<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      this.execRun('BEGIN IMMEDIATE');
      try {
        const result = await work(this.direct);
        this.execRun('COMMIT');
        return result;
      } catch (error) {
        if (this.connection.inTransaction) this.connection.prepare('ROLLBACK').run();
        throw error;
      }
    });
  }

  private scheduleFlush(): void {
    if (this.isFlushScheduled) return;
    this.isFlushScheduled = true;
    // setImmediate lets the requests already read from the network queue their transactions first.
    setImmediate(() => {
      this.isFlushScheduled = false;
      void this.exclusive(() => this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queued.splice(0, MAX_GROUP_COMMIT);
    if (this.queued.length) this.scheduleFlush();
    if (batch.length === 0) return;
    const outcomes: (() => void)[] = [];
    try {
      this.execRun('BEGIN IMMEDIATE');
      for (const item of batch) {
        this.execRun('SAVEPOINT cw_transaction');
        try {
          const value = await item.work(this.direct);
          this.execRun('RELEASE cw_transaction');
          outcomes.push(() => item.resolve(value));
        } catch (error) {
          this.execRun('ROLLBACK TO cw_transaction');
          this.execRun('RELEASE cw_transaction');
          outcomes.push(() => item.reject(error));
        }
      }
      this.execRun('COMMIT');
    } catch (error) {
      // The batch could not be committed (lock timeout, disk full): nothing of it is stored.
      if (this.connection.inTransaction) this.connection.prepare('ROLLBACK').run();
      for (const item of batch) item.reject(error);
      return;
    }
    for (const settle of outcomes) settle();
  }

  async close(): Promise<void> {
    await this.exclusive(async () => undefined);
    this.statements.clear();
    await this.onClose();
  }

  /** Runs at once when no transaction is open or queued; better-sqlite3 is synchronous. */
  private async outside<T>(statement: () => T): Promise<T> {
    if (this.waiting === 0) return statement();
    return this.exclusive(async () => statement());
  }

  private async exclusive<T>(work: () => Promise<T>): Promise<T> {
    this.waiting += 1;
    const previous = this.gate;
    let release!: () => void;
    this.gate = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await work();
    } finally {
      this.waiting -= 1;
      release();
    }
  }

  private prepare(sql: string, params: SqlParams): { statement: BetterSqlite3.Statement; values: unknown[] } {
    const { text, values } = bindNamed(sql, params, SQLITE_PLACEHOLDER);
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.connection.prepare(text);
      if (this.statements.size > 1000) this.statements.clear();
      this.statements.set(text, statement);
    }
    return { statement, values };
  }

  private execAll<T>(sql: string, params: SqlParams = NO_PARAMS): T[] {
    try {
      const { statement, values } = this.prepare(sql, params);
      return (statement.reader ? statement.all(...values) : (statement.run(...values), [])) as T[];
    } catch (error) {
      throw translateDriverError(error);
    }
  }

  private execRun(sql: string, params: SqlParams = NO_PARAMS): number {
    try {
      const { statement, values } = this.prepare(sql, params);
      return statement.run(...values).changes;
    } catch (error) {
      throw translateDriverError(error);
    }
  }
}

/** PostgreSQL: the pg pool TypeORM opened; a transaction holds one client for its duration. */
class PostgresDatabase extends Database {
  readonly dialect = 'postgres' as const;
  private readonly direct: SqlRunner;

  constructor(
    private readonly pool: PgPool,
    private readonly onClose: () => Promise<void>,
  ) {
    super();
    this.direct = postgresRunner((text, values) => this.pool.query(text, values));
  }

  protected allOwn<T>(sql: string, params: SqlParams = NO_PARAMS): Promise<T[]> {
    return this.direct.all<T>(sql, params);
  }

  protected getOwn<T>(sql: string, params: SqlParams = NO_PARAMS): Promise<T | undefined> {
    return this.direct.get<T>(sql, params);
  }

  protected runOwn(sql: string, params: SqlParams = NO_PARAMS): Promise<number> {
    return this.direct.run(sql, params);
  }

  protected async begin<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // One client runs one query at a time: a transaction's queries are chained even when issued together.
      let previous: Promise<unknown> = Promise.resolve();
      const serial: PgQuery = (text, values) => {
        const next = previous.then(() => client.query(text, values));
        previous = next.catch(() => undefined);
        return next;
      };
      const result = await work(postgresRunner(serial));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  protected beginAlone<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    return this.begin(work);
  }

  async close(): Promise<void> {
    await this.onClose();
  }
}

interface PgResult {
  rows: Row[];
  rowCount: number | null;
}
type PgQuery = (text: string, values?: unknown[]) => Promise<PgResult>;
interface PgPool {
  query: PgQuery;
  connect(): Promise<{ query: PgQuery; release(): void }>;
}

function postgresRunner(query: PgQuery): SqlRunner {
  const execute = async (sql: string, params: SqlParams): Promise<PgResult> => {
    const { text, values } = bindNamed(sql, params, POSTGRES_PLACEHOLDER);
    try {
      return await query(text, values);
    } catch (error) {
      throw translateDriverError(error);
    }
  };
  return {
    dialect: 'postgres',
    all: async <T>(sql: string, params: SqlParams = NO_PARAMS) => (await execute(sql, params)).rows as T[],
    get: async <T>(sql: string, params: SqlParams = NO_PARAMS) =>
      (await execute(sql, params)).rows[0] as T | undefined,
    run: async (sql: string, params: SqlParams = NO_PARAMS) => (await execute(sql, params)).rowCount ?? 0,
  };
}

export function createDatabase(dataSource: DataSource): Database {
  const destroy = async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
  };
  if (dataSource.options.type === 'postgres') {
    return new PostgresDatabase((dataSource.driver as unknown as { master: PgPool }).master, destroy);
  }
  const connection = (dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database })
    .databaseConnection;
  if (connection.memory) return new SqliteDatabase(connection, destroy);
  const logger = new Logger('Database');
  const checkpointer = new SqliteCheckpointer(connection.name, (message) =>
    logger.warn(`WAL checkpoint: ${message}`),
  );
  connection.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  return new SqliteDatabase(connection, async () => {
    await checkpointer.stop();
    await destroy();
  });
}
