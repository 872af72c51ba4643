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

export type Placeholder = (index: number) => string;
export const SQLITE_PLACEHOLDER: Placeholder = () => '?';
export const POSTGRES_PLACEHOLDER: Placeholder = (index) => `$${index}`;

interface ParsedSql {
  names: string[];
  hasSpread: boolean;
  /** The positional text per placeholder style; only for SQL without a spread, whose text never varies. */
  texts: Map<Placeholder, string>;
}

// Repositories send a few hundred distinct statements: each is parsed once, not at every execution.
const parsed = new Map<string, ParsedSql>();
const MAX_PARSED = 2000;

function parse(sql: string): ParsedSql {
  let entry = parsed.get(sql);
  if (!entry) {
    const matches = [...sql.matchAll(NAMED)];
    entry = { names: matches.map((m) => m[2]), hasSpread: matches.some((m) => m[1]), texts: new Map() };
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(sql, entry);
  }
  return entry;
}

/**
 * Turns `:name` into positional placeholders with every value bound, never inlined:
 * TypeORM's SQLite driver inlines numbers, which defeats the prepared-statement cache.
 */
export function bindNamed(
  sql: string,
  params: SqlParams,
  placeholder: Placeholder,
): { text: string; values: (string | number | bigint | null)[] } {
  const entry = parse(sql);
  if (entry.hasSpread) return bindEach(sql, params, placeholder);
  let text = entry.texts.get(placeholder);
  if (text === undefined) {
    let index = 0;
    text = sql.replace(NAMED, () => placeholder((index += 1)));
    entry.texts.set(placeholder, text);
  }
  const values = entry.names.map((name) => {
    if (!(name in params)) throw new Error(`SQL parameter :${name} is missing`);
    return toDriverValue(params[name] as SqlValue);
  });
  return { text, values };
}

/** A list spread into the SQL changes its text with the list's length: placeholders are written each time. */
function bindEach(
  sql: string,
  params: SqlParams,
  placeholder: Placeholder,
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
