/**
 * Input no client of ours sends and some parts below cannot take: JSON nested deeper than this overflows the
 * stack of recursive readers (class-transformer, class-validator). Our deepest body, a GeoJSON route, has 4.
 */
export const MAX_INPUT_DEPTH = 32;

export interface UnsafeInput {
  /** `too-deep`: nested past MAX_INPUT_DEPTH. `nul-character`: a U+0000 in a text, a key or a file. */
  kind: 'too-deep' | 'nul-character';
  /** The dotted path that holds it (the top-level field for `too-deep`); empty for the input as a whole. */
  field: string;
  message: string;
}

const NUL = '\u0000';

/**
 * The first part of a request's input (a parsed body of any media type, a query) that must be refused before
 * anything reads it: too deep for a recursive reader, or holding a NUL character, which PostgreSQL refuses in
 * text and JSON and which C strings, CSV tools and mail cut at. Walked with an explicit stack, so the check
 * itself cannot overflow; `field` names the input (a query parameter), empty for a whole body.
 */
export function findUnsafeInput(input: unknown, field = ''): UnsafeInput | undefined {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value: input, depth: 0, path: field }];
  while (stack.length) {
    const { value, depth, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes(NUL)) return nulIn(path);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (ArrayBuffer.isView(value)) {
      const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      const at = bytes.indexOf(0);
      if (at >= 0) return nulInFile(path || 'file', lineOf(bytes, at));
      continue;
    }
    if (depth + 1 > MAX_INPUT_DEPTH) {
      const top = path.split('.')[0];
      return {
        kind: 'too-deep',
        field: top,
        message: `${top || 'the body'} is nested more than ${MAX_INPUT_DEPTH} levels deep`,
      };
    }
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      if (key.includes(NUL)) return nulIn(childPath);
      stack.push({ value: child, depth: depth + 1, path: childPath });
    }
  }
  return undefined;
}

function nulIn(field: string): UnsafeInput {
  return {
    kind: 'nul-character',
    field,
    message: `${JSON.stringify(field || 'the body').slice(1, -1)} contains a NUL character (U+0000), which is not text`,
  };
}

function nulInFile(field: string, line: number): UnsafeInput {
  return {
    kind: 'nul-character',
    field,
    message: `line ${line} of the file contains a NUL character (U+0000): save it as text (CSV UTF-8)`,
  };
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}
