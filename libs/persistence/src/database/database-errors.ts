/** A unique key refused a row: the same thing was stored already. */
export class UniqueViolation extends Error {
  override name = 'UniqueViolation';
  constructor(
    readonly constraint: string,
    options?: { cause?: unknown },
  ) {
    super(`unique constraint ${constraint}`, options);
  }
}

/** A reference named a row that does not exist. */
export class ForeignKeyViolation extends Error {
  override name = 'ForeignKeyViolation';
  constructor(
    readonly constraint: string,
    options?: { cause?: unknown },
  ) {
    super(`foreign key ${constraint}`, options);
  }
}

export function translateDriverError(error: unknown): unknown {
  const e = error as { code?: string; constraint?: string; message?: string; driverError?: unknown };
  const inner = (e?.driverError ?? e) as { code?: string; constraint?: string; message?: string };
  const code = inner?.code ?? '';
  if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const constraint = inner.constraint ?? inner.message?.replace(/^.*constraint failed: /, '') ?? 'unknown';
    return new UniqueViolation(constraint, { cause: error });
  }
  if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return new ForeignKeyViolation(inner.constraint ?? 'unknown', { cause: error });
  }
  return error;
}
