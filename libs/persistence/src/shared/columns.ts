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
  options: Pick<ColumnOptions, 'nullable' | 'default'> = {},
): PropertyDecorator {
  return Column({
    name,
    type: length ? 'varchar' : 'text',
    length,
    nullable: options.nullable ?? false,
    default: options.default,
  });
}

/** A claim's grade (Admiralty code): its source's reliability A–F and its credibility 1–6, ungraded by default. */
export function ReliabilityColumn(name: string, options: { nullable?: boolean } = {}): PropertyDecorator {
  return options.nullable
    ? Column({ name, type: 'varchar', length: 1, nullable: true })
    : Column({ name, type: 'varchar', length: 1, nullable: false, default: 'F' });
}

export function CredibilityColumn(name: string, options: { nullable?: boolean } = {}): PropertyDecorator {
  return options.nullable
    ? Column({ name, type: 'integer', nullable: true })
    : Column({ name, type: 'integer', nullable: false, default: 6 });
}

export function IntColumn(
  name: string,
  options: Pick<ColumnOptions, 'nullable' | 'default'> = {},
): PropertyDecorator {
  return Column({ name, type: 'integer', nullable: options.nullable ?? false, default: options.default });
}
