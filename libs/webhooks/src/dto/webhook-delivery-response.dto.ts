import { ApiProperty } from '@nestjs/swagger';
import { PageInfoDto } from '#cw/common';
import type { WebhookDeliveryEntity, WebhookDeliveryLogRow } from '#cw/persistence';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../webhook-event-types.js';

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'sending', 'retrying', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export class WebhookDeliveryResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The event: also its `webhook-id`.' }) eventId: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES }) event: WebhookEventType;
  @ApiProperty({ format: 'date-time' }) eventAt: string;
  @ApiProperty({
    enum: WEBHOOK_DELIVERY_STATUSES,
    description:
      'retrying: an attempt failed and the next waits for its backoff; failed: given up (replayable).',
  })
  status: WebhookDeliveryStatus;
  @ApiProperty({ type: 'integer', description: 'Attempts of this round (a replay starts a new one).' })
  attempts: number;
  @ApiProperty({
    nullable: true,
    type: 'integer',
    description: 'The last answer’s HTTP status; null without one.',
  })
  lastResponseCode: number | null;
  @ApiProperty({ nullable: true, type: 'integer' }) lastLatencyMs: number | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastAttemptAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) nextAttemptAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why the last attempt failed.' }) error:
    string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The first characters of the last answer’s body.',
  })
  responseExcerpt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) deliveredAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class WebhookDeliveryPageDto extends PageInfoDto {
  @ApiProperty({ type: [WebhookDeliveryResponseDto] }) items: WebhookDeliveryResponseDto[];
}

export function toWebhookDeliveryResponse(
  d: WebhookDeliveryEntity & Pick<WebhookDeliveryLogRow, 'eventType' | 'eventOccurredAt'>,
): WebhookDeliveryResponseDto {
  return {
    id: d.id,
    eventId: d.eventId,
    event: d.eventType as WebhookEventType,
    eventAt: d.eventOccurredAt.toISOString(),
    status: d.status as WebhookDeliveryStatus,
    attempts: d.attempts,
    lastResponseCode: d.lastStatusCode,
    lastLatencyMs: d.lastLatencyMs,
    lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
    nextAttemptAt:
      d.status === 'pending' || d.status === 'retrying' ? (d.nextAttemptAt?.toISOString() ?? null) : null,
    error: d.lastError,
    responseExcerpt: d.responseExcerpt,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  };
}
