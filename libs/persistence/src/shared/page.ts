export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A cursor that does not decode: the client sent something we never issued. */
export class InvalidCursor extends Error {
  override name = 'InvalidCursor';
}

export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((v) => ['string', 'number'].includes(typeof v))
    ) {
      return values as (string | number)[];
    }
  } catch {
    // falls through to the error below
  }
  throw new InvalidCursor('cursor is not one this server issued');
}

/** Rows were fetched with limit + 1; the extra row only says that another page exists. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (last: T) => (string | number)[]): Page<T> {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(cursorOf(items[items.length - 1])) : null };
}
