import { describe, expect, it } from '@jest/globals';
import { findUnsafeInput, MAX_INPUT_DEPTH } from './unsafe-input.js';

const nested = (levels: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i += 1) value = { a: value };
  return value;
};

describe('unsafe input', () => {
  it('takes a body nested exactly as deep as allowed, and refuses one level more at its top-level field', () => {
    expect(findUnsafeInput(nested(MAX_INPUT_DEPTH))).toBeUndefined();
    expect(findUnsafeInput(nested(MAX_INPUT_DEPTH + 1))).toMatchObject({ kind: 'too-deep', field: 'a' });
  });

  it('walks 100,000 levels without overflowing its own stack', () => {
    expect(findUnsafeInput(nested(100_000))).toMatchObject({ kind: 'too-deep' });
  });

  it('names the dotted path of a NUL in a text, in a key, and the line of one in a file', () => {
    expect(findUnsafeInput({ windows: [{ note: 'a\u0000b' }] })).toMatchObject({
      kind: 'nul-character',
      field: 'windows.0.note',
    });
    expect(findUnsafeInput({ names: { 'u\u0000k': 'x' } })).toMatchObject({ field: 'names.u\u0000k' });
    expect(findUnsafeInput('x\u0000', 'q')).toMatchObject({ field: 'q' });
    const found = findUnsafeInput(Buffer.from('a,b\nc,d\ne\u0000,f\n'));
    expect(found).toMatchObject({ field: 'file' });
    expect(found?.message).toMatch(/^line 3 /);
  });

  it('leaves ordinary text, numbers and files alone', () => {
    expect(
      findUnsafeInput({ name: 'Маріуполь', count: { value: 344 }, ok: true, none: null }),
    ).toBeUndefined();
    expect(findUnsafeInput(Buffer.from('name\nAzovstal\n'))).toBeUndefined();
  });
});
