import { describe, expect, it } from 'vitest';
import { CORRIDOR_STATUSES, type CorridorPromise } from '../api/types';
import { corridorTone } from './corridor-tone';

const PROMISES: CorridorPromise[] = ['pending', 'kept', 'unconfirmed', 'broken', 'cancelled'];

describe("a corridor badge's tone", () => {
  it('is green only for a kept promise, or a confirmed corridor whose windows are still to come', () => {
    const green = CORRIDOR_STATUSES.flatMap((status) =>
      PROMISES.filter((promise) => corridorTone(status, promise) === 'ok').map((p) => `${status}/${p}`),
    );
    expect(green).toEqual([
      'announced/kept',
      'confirmed/pending',
      'confirmed/kept',
      'disputed/kept',
      'open/kept',
      'completed/kept',
      'failed/kept',
      'cancelled/kept',
    ]);
  });

  it('shows a completed corridor whose promise was not kept as a warning or a failure, never a success', () => {
    expect(corridorTone('completed', 'unconfirmed')).toBe('warning');
    expect(corridorTone('completed', 'broken')).toBe('critical');
    expect(corridorTone('completed', 'kept')).toBe('ok');
    expect(corridorTone('failed', 'broken')).toBe('critical');
  });

  it('lets the promise decide once settled, whatever the status says', () => {
    for (const status of CORRIDOR_STATUSES) {
      expect(corridorTone(status, 'unconfirmed')).toBe('warning');
      expect(corridorTone(status, 'broken')).toBe('critical');
      expect(corridorTone(status, 'cancelled')).toBe('neutral');
    }
  });

  it('while pending, warns of a corridor nobody has confirmed and does not call an open one good news', () => {
    expect(corridorTone('announced', 'pending')).toBe('warning');
    expect(corridorTone('disputed', 'pending')).toBe('critical');
    expect(corridorTone('open', 'pending')).toBe('neutral');
  });
});
