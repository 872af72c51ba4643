import { describe, expect, it } from 'vitest';
import type { Flag } from '../api/types';
import { aFlag } from '../test-support/fixtures';
import { groupFlags } from './flag-groups';

const STARTS_AT = '2022-05-05T05:00:00Z';
const flag = (id: string, corridorId: string, windowId: string, severity: Flag['severity']) =>
  aFlag({
    id,
    corridorId,
    corridorName: `Corridor ${corridorId}`,
    windowId,
    windowStartsAt: STARTS_AT,
    severity,
  });

describe('flags grouped by corridor and window', () => {
  it('keeps the order they came in: the group of the most severe flag first, each group in its own order', () => {
    const groups = groupFlags([
      flag('1', 'a', 'a1', 'critical'),
      flag('2', 'b', 'b1', 'critical'),
      flag('3', 'a', 'a2', 'warning'),
      flag('4', 'a', 'a1', 'warning'),
      flag('5', 'b', 'b1', 'info'),
    ]);
    expect(groups.map((g) => [g.corridorId, g.windowId, g.flags.map((f) => f.id)])).toEqual([
      ['a', 'a1', ['1', '4']],
      ['b', 'b1', ['2', '5']],
      ['a', 'a2', ['3']],
    ]);
    expect(groups[0]).toMatchObject({ corridorName: 'Corridor a', windowStartsAt: STARTS_AT });
  });

  it('has no group without flags', () => {
    expect(groupFlags([])).toEqual([]);
  });
});
