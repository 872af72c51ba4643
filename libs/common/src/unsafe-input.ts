/**
 * Input no client of ours sends and some parts below cannot take: JSON nested deeper than this overflows the
 * stack of recursive readers (class-transformer, class-validator). Our deepest body, a GeoJSON route, has 4.
 */
export const MAX_INPUT_DEPTH = 32;

export interface UnsafeInput {
  kind: 'too-deep';
  /** The dotted path of the top-level field that holds it; empty when the input itself is the problem. */
  field: string;
  message: string;
}

/**
 * The first part of a request's input (a parsed body, a query) that must be refused before anything reads it
 * recursively. Walked with an explicit stack, so the check itself cannot overflow.
 */
export function findUnsafeInput(input: unknown, field = ''): UnsafeInput | undefined {
  const stack: { value: unknown; depth: number; top: string }[] = [{ value: input, depth: 0, top: field }];
  while (stack.length) {
    const { value, depth, top } = stack.pop()!;
    if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) continue;
    if (depth + 1 > MAX_INPUT_DEPTH) {
      return {
        kind: 'too-deep',
        field: top,
        message: `${top || 'the body'} is nested more than ${MAX_INPUT_DEPTH} levels deep`,
      };
    }
    for (const [key, child] of Object.entries(value)) {
      stack.push({ value: child, depth: depth + 1, top: top || key });
    }
  }
  return undefined;
}
