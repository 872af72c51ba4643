import type { Flag } from '../api/types';

/** The flags of one window of one corridor. */
export interface FlagGroup {
  corridorId: string;
  corridorName: string;
  windowId: string;
  windowStartsAt: string;
  /** The zone the corridor's times are shown in (its origin's). */
  placeTimezone: string;
  flags: Flag[];
}

/**
 * Flags grouped by corridor and window, keeping the order they came in: a list read most severe first gives each
 * group its most severe flag first, and puts first the group whose flag is the most severe (then the newest).
 */
export function groupFlags(flags: readonly Flag[]): FlagGroup[] {
  const groups = new Map<string, FlagGroup>();
  for (const flag of flags) {
    const key = `${flag.corridorId}/${flag.windowId}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        corridorId: flag.corridorId,
        corridorName: flag.corridorName,
        windowId: flag.windowId,
        windowStartsAt: flag.windowStartsAt,
        placeTimezone: flag.placeTimezone,
        flags: [],
      };
      groups.set(key, group);
    }
    group.flags.push(flag);
  }
  return [...groups.values()];
}
