import { decodeCursor, encodeCursor } from '#cw/persistence';
import type { TimelineEventDto } from './dto/timeline.dto.js';

type Key = [at: string, enteredAt: string, kind: string, recordId: string];

const keyOf = (event: TimelineEventDto): Key => [event.at, event.enteredAt, event.kind, event.recordId];

function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < a.length; i += 1) {
    const order = a[i].localeCompare(b[i]);
    if (order) return order;
  }
  return 0;
}

/**
 * One page of a corridor's timeline in time order (then by when entered, kind and record, so the order is total),
 * after the event the cursor names: an event entered between two pages with an earlier time is not read twice,
 * and none is skipped that was there before.
 */
export function pageTimeline(
  events: TimelineEventDto[],
  limit: number,
  cursor: string | undefined,
): { events: TimelineEventDto[]; nextCursor: string | null } {
  events.sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
  const after = cursor === undefined ? undefined : (decodeCursor(cursor, 4) as Key);
  const start = after ? events.findIndex((event) => compareKeys(keyOf(event), after) > 0) : 0;
  const page = start < 0 ? [] : events.slice(start, start + limit);
  const hasMore = start >= 0 && start + limit < events.length;
  return { events: page, nextCursor: hasMore ? encodeCursor(keyOf(page[page.length - 1])) : null };
}
