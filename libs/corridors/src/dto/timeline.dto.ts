import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EmbargoResponseDto } from '#cw/common';
import {
  CONFIRMATION_STANCES,
  CORRIDOR_PROMISES,
  CREDIBILITIES,
  EVACUATION_MEASURES,
  FLAG_RULES,
  FLAG_SEVERITIES,
  INCIDENT_KINDS,
  POPULATION_CATEGORIES,
  RELIABILITIES,
  type CorridorPromise,
} from '#cw/domain';
import { CountResponseDto } from '#cw/reports';

export const TIMELINE_EVENT_KINDS = [
  'announcement',
  'window',
  'confirmation',
  'evacuation',
  'remaining',
  'incident',
  'cancellation',
  'edit',
  'retraction',
  'flag',
  'promise',
] as const;
export type TimelineEventKind = (typeof TIMELINE_EVENT_KINDS)[number];

/** A field's value, whatever its kind: a name, a count, a list of ids, a route. */
const FIELD_VALUE = {
  nullable: true,
  oneOf: [
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'array', items: {} },
    { type: 'object', additionalProperties: true },
  ],
};

export class TimelineChangeDto {
  @ApiProperty({ example: 'name' }) field: string;
  @ApiProperty({ ...FIELD_VALUE, description: 'As it was.' }) before: unknown;
  @ApiProperty({ ...FIELD_VALUE, description: 'As it became.' }) after: unknown;
}

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
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Null for what the system did by itself (a flag raised or resolved by the worker).',
  })
  enteredById: string | null;
  @ApiProperty({ format: 'date-time' }) enteredAt: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Reports and confirmations: the organisation they were entered for, which may correct them.',
  })
  organisationId?: string;
  @ApiPropertyOptional({
    type: 'integer',
    description: 'Reports and confirmations: the version a correction must name.',
  })
  version?: number;
  @ApiPropertyOptional({
    description:
      'Edits: the kind of record edited (corridor, evacuation, remaining, incident, confirmation…).',
  })
  entity?: string;
  @ApiPropertyOptional({ type: CountResponseDto }) count?: CountResponseDto;
  @ApiPropertyOptional({
    type: EmbargoResponseDto,
    description: 'The announcement and claims entered under embargo: until when, and whether it still holds.',
  })
  embargo?: EmbargoResponseDto;
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Windows: the announced end; absent for an open-ended window (see reviewEndsAt).',
  })
  endsAt?: string;
  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'Open-ended windows: the start plus OPEN_ENDED_REVIEW_HOURS, the end the flag rules and the promise read until it is closed.',
  })
  reviewEndsAt?: string;
  @ApiPropertyOptional({
    type: () => TimelineChangeDto,
    isArray: true,
    description: 'Edits: each changed field. Retractions: what the report said (each `after` null).',
  })
  changes?: TimelineChangeDto[];
  @ApiPropertyOptional({
    enum: ['raised', 'resolved', 'reopened', 'acknowledged'],
    description: 'Flag events.',
  })
  flagEvent?: string;
  @ApiPropertyOptional({ enum: FLAG_RULES, description: 'Flag events: the rule.' }) flagRule?: string;
  @ApiPropertyOptional({ enum: FLAG_SEVERITIES, description: 'Flag events: the severity.' })
  flagSeverity?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Flag events: the window flagged; evacuations: the window the report names, if any.',
  })
  windowId?: string;
  @ApiPropertyOptional({
    enum: CONFIRMATION_STANCES,
    description: 'Confirmations: the stance stated.',
  })
  stance?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Confirmations: the party that reported the stance ("as reported by"); absent when the party stated it itself (sourcePartyId).',
  })
  reportedById?: string;
  @ApiPropertyOptional({
    enum: CORRIDOR_PROMISES,
    description: 'The promise event, at the end of the last window: what became of the promise.',
  })
  promise?: CorridorPromise;
  @ApiPropertyOptional({
    enum: POPULATION_CATEGORIES,
    description: 'Evacuations: who was moved; remaining-population reports: who waits.',
  })
  category?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Evacuations: where the people arrived, if said.' })
  arrivedAtId?: string;
  @ApiPropertyOptional({ enum: EVACUATION_MEASURES, description: 'Evacuations: what was counted.' })
  measure?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Evacuations: where the people were counted, if said.',
  })
  countedAtId?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Remaining-population reports: where they wait; incidents: where it happened, if said.',
  })
  placeId?: string;
  @ApiPropertyOptional({
    enum: RELIABILITIES,
    description: "Reports and confirmations: the source's reliability (A–F) as graded at entry.",
  })
  sourceReliability?: string;
  @ApiPropertyOptional({
    enum: CREDIBILITIES,
    type: 'integer',
    description: "Reports and confirmations: the claim's credibility (1–6).",
  })
  credibility?: number;
  @ApiPropertyOptional({
    enum: INCIDENT_KINDS,
    description: 'Incidents: what happened.',
  })
  incidentKind?: string;
}

export class TimelineDto {
  @ApiProperty({
    enum: CORRIDOR_PROMISES,
    description: "The corridor's promise now: pending until every window is over.",
  })
  promise: CorridorPromise;
  @ApiProperty({ type: [TimelineEventDto] }) events: TimelineEventDto[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last.',
  })
  nextCursor: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The next page, as a path with its query; null on the last.',
  })
  next: string | null;
}
