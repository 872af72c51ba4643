import { Column, ColumnOptions, PrimaryColumn, ValueTransformer } from 'typeorm';

/** Instants are stored as UTC epoch milliseconds: one representation on SQLite and PostgreSQL. */
export const instantTransformer: ValueTransformer = {
  to: (value?: Date | null) => (value == null ? value : value.getTime()),
  from: (value?: string | number | null) => (value == null ? null : new Date(Number(value))),
};

export function InstantColumn(
  name: string,
  options: Pick<ColumnOptions, 'nullable'> = {},
): PropertyDecorator {
  return Column({
    name,
    type: 'bigint',
    transformer: instantTransformer,
    nullable: options.nullable ?? false,
  });
}

export function IdColumn(): PropertyDecorator {
  return PrimaryColumn({ name: 'id', type: 'varchar', length: 36 });
}

export function RefColumn(name: string, options: Pick<ColumnOptions, 'nullable'> = {}): PropertyDecorator {
  return Column({ name, type: 'varchar', length: 36, nullable: options.nullable ?? false });
}

export function TextColumn(
  name: string,
  length?: number,
  options: Pick<ColumnOptions, 'nullable'> = {},
): PropertyDecorator {
  return Column({ name, type: length ? 'varchar' : 'text', length, nullable: options.nullable ?? false });
}

/** A yes/no column: `boolean` on PostgreSQL, 0/1 on SQLite; read back as a boolean on both. */
export function BoolColumn(name: string, options: { default: boolean }): PropertyDecorator {
  return Column({
    name,
    type: 'boolean',
    default: options.default,
    transformer: {
      to: (value?: boolean) => value,
      from: (value: unknown) => value === true || Number(value) === 1,
    },
  });
}

export function IntColumn(
  name: string,
  options: Pick<ColumnOptions, 'nullable' | 'default'> = {},
): PropertyDecorator {
  return Column({ name, type: 'integer', nullable: options.nullable ?? false, default: options.default });
}

/** A yes/no column: `boolean` on PostgreSQL, 0/1 on SQLite, read back as a boolean from both. */
export function BooleanColumn(name: string, options: { default?: boolean } = {}): PropertyDecorator {
  return Column({
    name,
    type: 'boolean',
    nullable: false,
    default: options.default ?? false,
    transformer: {
      to: (value?: boolean | null) => value,
      from: (value?: boolean | number | string | null) => value === true || value === 1 || value === '1',
    },
  });
}

/**
 * The three columns of an embargo (libs/domain embargo.ts), the same on corridors and on every claim: until an
 * instant (null: none), until the corridor's windows end, and when the job lifted it.
 */
export function EmbargoedUntilColumn(): PropertyDecorator {
  return InstantColumn('embargoed_until', { nullable: true });
}
export function EmbargoUntilWindowsEndColumn(): PropertyDecorator {
  return BooleanColumn('embargo_until_windows_end');
}
export function EmbargoLiftedAtColumn(): PropertyDecorator {
  return InstantColumn('embargo_lifted_at', { nullable: true });
}

/** A JSON value (a map of names, a list of aliases) kept as text: one representation on SQLite and PostgreSQL. */
export const jsonTextTransformer: ValueTransformer = {
  to: (value?: unknown) => (value == null ? null : JSON.stringify(value)),
  from: (value?: string | null) => (value == null ? null : (JSON.parse(value) as unknown)),
};

export function JsonTextColumn(name: string): PropertyDecorator {
  return Column({ name, type: 'text', nullable: true, transformer: jsonTextTransformer });
}
