import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import {
  CORRIDOR_PROMISES,
  CORRIDOR_STATUSES,
  FLAG_RULES,
  FLAG_SEVERITIES,
  SETTLED_PROMISES,
} from '#cw/domain';
import { WEBHOOK_EVENT_TYPES, WEBHOOK_PAYLOAD_VERSION } from '../webhook-event-types.js';

const PROMISES = [...SETTLED_PROMISES, 'cancelled'];

/** `data` of flag.raised (raised, or raised again after it was resolved) and flag.resolved. */
export class FlagEventDataDto {
  @ApiProperty({ format: 'uuid' }) flagId: string;
  @ApiProperty({ enum: FLAG_RULES }) rule: string;
  @ApiProperty({ enum: FLAG_SEVERITIES }) severity: string;
  @ApiProperty({
    format: 'date-time',
    description: 'When it was raised (flag.raised) or resolved (flag.resolved).',
  })
  at: string;
  @ApiProperty({ description: 'flag.raised: it had been resolved and holds again.' }) isReopened: boolean;
  @ApiProperty({ format: 'uuid' }) corridorId: string;
  @ApiProperty() corridorName: string;
  @ApiProperty({ format: 'uuid' }) windowId: string;
  @ApiProperty({ format: 'date-time' }) windowStartsAt: string;
  @ApiProperty({ format: 'date-time' }) windowEndsAt: string;
}

/** `data` of corridor.status_changed. */
export class CorridorStatusChangedDataDto {
  @ApiProperty({ format: 'uuid' }) corridorId: string;
  @ApiProperty() corridorName: string;
  @ApiProperty({ enum: CORRIDOR_STATUSES }) status: string;
  @ApiProperty({
    enum: [...CORRIDOR_STATUSES, null],
    nullable: true,
    type: String,
    description: 'null for a corridor just recorded.',
  })
  previousStatus: string | null;
  @ApiProperty({
    enum: CORRIDOR_PROMISES,
    description: 'Its promise beside it: a completed corridor may have kept it or not.',
  })
  promise: string;
}

/** `data` of corridor.promise_settled: the promise once every window is over (or the corridor was cancelled). */
export class CorridorPromiseSettledDataDto {
  @ApiProperty({ format: 'uuid' }) corridorId: string;
  @ApiProperty() corridorName: string;
  @ApiProperty({ enum: PROMISES }) promise: string;
  @ApiProperty({
    enum: [...PROMISES, null],
    nullable: true,
    type: String,
    description: 'The promise settled before, when a late report or correction changed it.',
  })
  previousPromise: string | null;
  @ApiProperty({ enum: CORRIDOR_STATUSES }) status: string;
}

/**
 * The body of every webhook (Standard Webhooks' payload structure). Headers: `webhook-id` (the event's id, the same
 * on every retry and replay: use it to process an event once), `webhook-timestamp` (seconds, of this attempt),
 * `webhook-signature` (`v1,<base64 HMAC-SHA256 of id.timestamp.body>`).
 */
@ApiExtraModels(FlagEventDataDto, CorridorStatusChangedDataDto, CorridorPromiseSettledDataDto)
export class WebhookPayloadDto {
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES }) type: string;
  @ApiProperty({
    type: 'integer',
    example: WEBHOOK_PAYLOAD_VERSION,
    description: 'The schema version of `data`: fields are only added within a version.',
  })
  version: number;
  @ApiProperty({ format: 'date-time', description: 'When the event happened (not when it was sent).' })
  timestamp: string;
  @ApiProperty({
    description:
      'flag.raised and flag.resolved: FlagEventDataDto; corridor.status_changed: CorridorStatusChangedDataDto; corridor.promise_settled: CorridorPromiseSettledDataDto; evacuation.reported: EvacuationReportResponseDto (the report as GET answers it).',
    oneOf: [
      { $ref: getSchemaPath(FlagEventDataDto) },
      { $ref: getSchemaPath(CorridorStatusChangedDataDto) },
      { $ref: getSchemaPath(CorridorPromiseSettledDataDto) },
      // By name: the report's schema is libs/reports', which records these events (no import back).
      { $ref: getSchemaPath('EvacuationReportResponseDto') },
    ],
  })
  data: Record<string, unknown>;
}
