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

export function IntColumn(
  name: string,
  options: Pick<ColumnOptions, 'nullable' | 'default'> = {},
): PropertyDecorator {
  return Column({ name, type: 'integer', nullable: options.nullable ?? false, default: options.default });
}

/** A JSON value (a map of names, a list of aliases) kept as text: one representation on SQLite and PostgreSQL. */
export const jsonTextTransformer: ValueTransformer = {
  to: (value?: unknown) => (value == null ? null : JSON.stringify(value)),
  from: (value?: string | null) => (value == null ? null : (JSON.parse(value) as unknown)),
};

export function JsonTextColumn(name: string): PropertyDecorator {
  return Column({ name, type: 'text', nullable: true, transformer: jsonTextTransformer });
}
