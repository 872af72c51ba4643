import { describe, expect, it } from '@jest/globals';
import { contiguousAfter } from './read-cursor.repository.js';

const now = new Date('2022-05-05T08:00:00Z');
const rows = (...seqs: number[]) => seqs.map((seq) => ({ seq }));

describe('reading a sequence after a cursor', () => {
  it('takes every row when none is missing', () => {
    expect(contiguousAfter(rows(4, 5, 6), { seq: 3, gapSeenAt: null }, now, 30_000, 10)).toEqual({
      usable: rows(4, 5, 6),
      gapSeenAt: null,
      isComplete: true,
    });
  });

  it('stops before a gap (a transaction still committing) and remembers when it was first seen', () => {
    expect(contiguousAfter(rows(4, 6), { seq: 3, gapSeenAt: null }, now, 30_000, 10)).toEqual({
      usable: rows(4),
      gapSeenAt: now,
      isComplete: true,
    });
  });

  it('reads past a gap that lasted the grace period (a deleted row)', () => {
    const seenAt = new Date(now.getTime() - 31_000);
    expect(contiguousAfter(rows(5, 6), { seq: 3, gapSeenAt: seenAt }, now, 30_000, 10)).toEqual({
      usable: rows(5, 6),
      gapSeenAt: null,
      isComplete: true,
    });
  });

  it('says a full batch may have more behind it', () => {
    expect(contiguousAfter(rows(1, 2), { seq: 0, gapSeenAt: null }, now, 30_000, 2).isComplete).toBe(false);
  });
});
