import { ApiProperty } from '@nestjs/swagger';
import { PageInfoDto } from '#cw/common';
import type { WebhookEndpointEntity } from '#cw/persistence';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../webhook-event-types.js';

export class WebhookEndpointResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ format: 'uri' }) url: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true }) events: WebhookEventType[];
  @ApiProperty({
    description: 'false once disabled, by a person or after failing for WEBHOOK_DISABLE_AFTER_HOURS.',
  })
  enabled: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) disabledAt: string | null;
  @ApiProperty({ nullable: true, type: String }) disabledReason: string | null;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'The first failed attempt since the last success; null while it succeeds.',
  })
  failingSince: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class WebhookEndpointCreatedResponseDto extends WebhookEndpointResponseDto {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description:
      'The signing secret (Standard Webhooks: `whsec_` and base64). Shown only in this answer: keep it to verify `webhook-signature`.',
  })
  secret: string;
}

export class WebhookEndpointPageDto extends PageInfoDto {
  @ApiProperty({ type: [WebhookEndpointResponseDto] }) items: WebhookEndpointResponseDto[];
}

export function toWebhookEndpointResponse(endpoint: WebhookEndpointEntity): WebhookEndpointResponseDto {
  return {
    id: endpoint.id,
    organisationId: endpoint.organisationId,
    url: endpoint.url,
    description: endpoint.description,
    events: JSON.parse(endpoint.events) as WebhookEventType[],
    enabled: endpoint.disabledAt === null,
    disabledAt: endpoint.disabledAt?.toISOString() ?? null,
    disabledReason: endpoint.disabledReason,
    failingSince: endpoint.failingSince?.toISOString() ?? null,
    createdAt: endpoint.createdAt.toISOString(),
  };
}
