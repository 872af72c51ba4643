import type { CorridorReading, WebhookCorridorStateEntity } from '#cw/persistence';
import type { NewWebhookEvent } from './webhook-event-recorder.js';

const UNSETTLED = new Set<string | null>([null, 'pending']);

/**
 * What a corridor's webhooks announce on reading it again: its status when it differs from the one announced last
 * (a corridor seen for the first time is announced with no previous status), and its promise when it has settled
 * to something not announced yet. A corridor recorded before webhooks (a state with no status) is read silently.
 */
export function corridorAnnouncements(
  announced: Pick<WebhookCorridorStateEntity, 'status' | 'promise'> | undefined,
  reading: CorridorReading,
  now: Date,
): NewWebhookEvent[] {
  if (announced && announced.status === null) return [];
  const events: NewWebhookEvent[] = [];
  const common = { occurredAt: now, corridorId: reading.corridorId, sourceKey: null };
  if (!announced || announced.status !== reading.status) {
    events.push({
      ...common,
      type: 'corridor.status_changed',
      data: {
        corridorId: reading.corridorId,
        corridorName: reading.name,
        status: reading.status,
        previousStatus: announced?.status ?? null,
        promise: reading.promise,
      },
    });
  }
  const previousPromise = announced?.promise ?? null;
  if (!UNSETTLED.has(reading.promise) && reading.promise !== previousPromise) {
    events.push({
      ...common,
      type: 'corridor.promise_settled',
      data: {
        corridorId: reading.corridorId,
        corridorName: reading.name,
        promise: reading.promise,
        previousPromise: UNSETTLED.has(previousPromise) ? null : previousPromise,
        status: reading.status,
      },
    });
  }
  return events;
}
