export type SqlValue = string | number | bigint | boolean | Date | null | undefined;
export type SqlParams = Record<string, SqlValue | readonly SqlValue[]>;

// Skips PostgreSQL casts (::text); `:...name` expands an array into a list.
const NAMED = /(?<![:\w]):(\.\.\.)?([A-Za-z_][A-Za-z0-9_]*)/g;

function toDriverValue(value: SqlValue): string | number | bigint | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/**
 * Turns `:name` into positional placeholders with every value bound, never inlined:
 * TypeORM's SQLite driver inlines numbers, which defeats the prepared-statement cache.
 */
export function bindNamed(
  sql: string,
  params: SqlParams,
  placeholder: (index: number) => string,
): { text: string; values: (string | number | bigint | null)[] } {
  const values: (string | number | bigint | null)[] = [];
  const text = sql.replace(NAMED, (_match, spread: string | undefined, name: string) => {
    if (!(name in params)) throw new Error(`SQL parameter :${name} is missing`);
    const value = params[name];
    if (spread) {
      const list = value as readonly SqlValue[];
      if (!Array.isArray(list) || list.length === 0)
        throw new Error(`SQL parameter :...${name} needs a non-empty array`);
      return list.map((item) => (values.push(toDriverValue(item)), placeholder(values.length))).join(', ');
    }
    values.push(toDriverValue(value as SqlValue));
    return placeholder(values.length);
  });
  return { text, values };
}
