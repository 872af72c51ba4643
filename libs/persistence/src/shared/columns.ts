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
