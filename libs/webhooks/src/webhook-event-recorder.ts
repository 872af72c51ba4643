import { Injectable } from '@nestjs/common';
import { newId } from '#cw/common';
import { WebhookEventRepository, type SqlRunner, type WebhookEventEntity } from '#cw/persistence';
import type { WebhookEventType } from './webhook-event-types.js';

export interface NewWebhookEvent {
  type: WebhookEventType;
  occurredAt: Date;
  corridorId: string | null;
  data: object;
  /** What made it: the same source never makes a second event. */
  sourceKey: string | null;
}

export function toWebhookEventRow(event: NewWebhookEvent): WebhookEventEntity {
  return {
    id: newId(),
    type: event.type,
    occurredAt: event.occurredAt,
    corridorId: event.corridorId,
    data: JSON.stringify(event.data),
    sourceKey: event.sourceKey,
    fannedOutAt: null,
    heldBy: null,
  };
}

/** Writes webhook events in the transaction of what they announce: no event without its change, nor the reverse. */
@Injectable()
export class WebhookEventRecorder {
  constructor(private readonly events: WebhookEventRepository) {}

  async record(tx: SqlRunner, ...events: NewWebhookEvent[]): Promise<void> {
    if (events.length) await this.events.insertMany(events.map(toWebhookEventRow), tx);
  }
}
