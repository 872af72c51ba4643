import type { DataSource, ObjectLiteral, ValueTransformer } from 'typeorm';
import type { SqlParams, SqlValue } from './named-parameters.js';

interface ColumnMap {
  property: string;
  column: string;
  transformer?: ValueTransformer;
  isNumeric: boolean;
}

/** SQL and row mapping for one entity, built once from TypeORM's metadata. */
export class Table<E extends ObjectLiteral> {
  readonly name: string;
  readonly columns: readonly ColumnMap[];
  /** `"a", "b", …` for SELECT lists, optionally qualified by an alias. */
  readonly selectList: string;
  readonly insertSql: string;

  constructor(dataSource: DataSource, entity: new () => E) {
    const metadata = dataSource.getMetadata(entity);
    this.name = metadata.tableName;
    this.columns = metadata.columns.map((c) => ({
      property: c.propertyName,
      column: c.databaseName,
      transformer: c.transformer as ValueTransformer | undefined,
      isNumeric: ['integer', 'int', 'double precision'].includes(String(c.type)),
    }));
    this.selectList = this.columns.map((c) => `"${c.column}"`).join(', ');
    this.insertSql = `INSERT INTO "${this.name}" (${this.selectList}) VALUES (${this.columns.map((c) => `:${c.property}`).join(', ')})`;
  }

  qualified(alias: string): string {
    return this.columns.map((c) => `${alias}."${c.column}"`).join(', ');
  }

  toParams(entity: E): SqlParams {
    const params: Record<string, SqlValue> = {};
    for (const c of this.columns) params[c.property] = stored(c, entity[c.property]);
    return params;
  }

  /** The SET list of an edit: `"column" = :property` for each field given, with its stored value. */
  assignmentsOf(fields: Partial<E>): { assignments: string[]; params: SqlParams } {
    const columns = this.columns.filter((c) => c.property in fields);
    return {
      assignments: columns.map((c) => `"${c.column}" = :${c.property}`),
      params: Object.fromEntries(columns.map((c) => [c.property, stored(c, fields[c.property])])),
    };
  }

  hydrate(row: Record<string, unknown>): E {
    const entity: Record<string, unknown> = {};
    for (const c of this.columns) {
      let value = row[c.column];
      // PostgreSQL returns bigint and numeric as strings.
      if (c.isNumeric && typeof value === 'string') value = Number(value);
      entity[c.property] = c.transformer ? c.transformer.from(value) : (value ?? null);
    }
    return entity as E;
  }
}

function stored(column: ColumnMap, value: unknown): SqlValue {
  return column.transformer ? (column.transformer.to(value) as SqlValue) : ((value as SqlValue) ?? null);
}
