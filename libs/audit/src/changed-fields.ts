/** JSON-ready: instants as ISO strings, everything else as it is. */
function plain(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : (value ?? null);
}

/**
 * The fields of `after` whose value differs from `before`, as two objects of those fields only: what an
 * audit entry keeps of an update. Arrays and objects compare by their JSON.
 */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(after)) {
    if (value === undefined) continue;
    const old = plain(before[field]);
    const next = plain(value);
    if (JSON.stringify(old) === JSON.stringify(next)) continue;
    was[field] = old;
    now[field] = next;
  }
  return Object.keys(now).length ? { before: was, after: now } : null;
}
