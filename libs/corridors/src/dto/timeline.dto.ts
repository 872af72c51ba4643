import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CountResponseDto } from './report-response.dto.js';

export const TIMELINE_EVENT_KINDS = [
  'announcement',
  'window',
  'confirmation',
  'evacuation',
  'remaining',
  'incident',
  'cancellation',
] as const;
export type TimelineEventKind = (typeof TIMELINE_EVENT_KINDS)[number];

export class TimelineEventDto {
  @ApiProperty({ enum: TIMELINE_EVENT_KINDS }) kind: TimelineEventKind;
  @ApiProperty({ format: 'date-time', description: 'When it happened or was stated.' }) at: string;
  @ApiProperty({ format: 'uuid', description: 'The record behind the event.' }) recordId: string;
  @ApiProperty() summary: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The party it comes from.' })
  sourcePartyId: string | null;
  @ApiProperty({ nullable: true, type: String }) sourceUrl: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The source's own wording." }) note:
    string | null;
  @ApiProperty({ format: 'uuid' }) enteredById: string;
  @ApiProperty({ format: 'date-time' }) enteredAt: string;
  @ApiPropertyOptional({ type: CountResponseDto }) count?: CountResponseDto;
  @ApiPropertyOptional({ format: 'date-time' }) endsAt?: string;
}

export class TimelineDto {
  @ApiProperty({ type: [TimelineEventDto] }) events: TimelineEventDto[];
}
