/**
 * A stored or received word read as one of the domain's values: the union comes from the list itself, so no cast
 * is needed where a database row or a query string becomes a domain value. Anything else is a broken invariant.
 */
export function oneOf<T extends string | number>(values: readonly T[], value: unknown, what: string): T {
  const found = values.find((candidate) => candidate === value);
  if (found === undefined) throw new TypeError(`"${String(value)}" is not a ${what} (${values.join(', ')})`);
  return found;
}
