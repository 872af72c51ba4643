import { ApiProperty } from '@nestjs/swagger';
import { PlaceTimezoneProperty } from '#cw/common';
import { CORRIDOR_PROMISES, CORRIDOR_STATUSES, FLAG_RULES } from '#cw/domain';

const STANCES = ['confirmed', 'rejected', 'conditional'];
const SEVERITIES = ['critical', 'warning', 'info'];

export class DashboardFiguresDto {
  @ApiProperty({ nullable: true, type: 'integer', description: 'The lowest figure any source states.' })
  low: number | null;
  @ApiProperty({ nullable: true, type: 'integer', description: 'The highest figure any source states.' })
  high: number | null;
  @ApiProperty({ type: 'integer' }) reportCount: number;
}

export class CorridorWayDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 },
    description: '[longitude, latitude] positions, in order (RFC 7946).',
  })
  coordinates: [number, number][];
  @ApiProperty({
    description:
      'true: the route someone drew; false: the line through origin, stops and destination, which says nothing of the roads.',
  })
  isDrawn: boolean;
}

export class DashboardCorridorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CORRIDOR_STATUSES }) status: string;
  @ApiProperty({
    enum: CORRIDOR_PROMISES,
    description: 'Beside the status: a completed corridor may have kept its promise or not.',
  })
  promise: string;
  @ApiProperty() originName: string;
  @ApiProperty({ nullable: true, type: String, description: 'null: no destination was named.' })
  destinationName: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: "The origin's local names by BCP 47 tag, as the place has them; empty when none.",
    example: { uk: 'Маріуполь', ru: 'Мариуполь' },
  })
  originNames: Record<string, string>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: "The destination's local names by BCP 47 tag; empty when none (or no destination).",
    example: { uk: 'Запоріжжя', ru: 'Запорожье' },
  })
  destinationNames: Record<string, string>;
  @ApiProperty({ example: 'Europe/Kyiv', description: "The corridor's announced zone." }) timezone: string;
  @PlaceTimezoneProperty() placeTimezone: string;
  @ApiProperty({ type: DashboardFiguresDto }) evacuation: DashboardFiguresDto;
  @ApiProperty({
    type: CorridorWayDto,
    nullable: true,
    description:
      'What a map draws: the drawn route, else the way through its places; null: no place has a position.',
  })
  way: CorridorWayDto | null;
}

export class DashboardPartyStateDto {
  @ApiProperty({ format: 'uuid' }) partyId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) shortName: string | null;
  @ApiProperty({
    enum: [...STANCES, null],
    nullable: true,
    type: String,
    description: 'null: nothing stated yet.',
  })
  stance: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) statedAt: string | null;
  @ApiProperty({ description: 'Confirmed by the deadline and not taken back since.' }) isInTime: boolean;
}

export class DashboardConfirmationStateDto {
  @ApiProperty({ enum: ['confirmed', 'pending', 'partial', 'rejected'] }) status: string;
  @ApiProperty({ format: 'date-time', description: 'Window start minus the confirmation lead time.' })
  deadlineAt: string;
  @ApiProperty({ type: [DashboardPartyStateDto], description: 'Each required party, by name.' })
  parties: DashboardPartyStateDto[];
}

export class DashboardWindowDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) corridorId: string;
  @ApiProperty() corridorName: string;
  @ApiProperty({ description: "The corridor's announced zone." }) timezone: string;
  @PlaceTimezoneProperty() placeTimezone: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'null: an open-ended window, no end announced (see reviewEndsAt).',
  })
  endsAt: string | null;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Open-ended windows: the end the flag rules read until it is closed; null otherwise.',
  })
  reviewEndsAt: string | null;
  @ApiProperty({ type: DashboardConfirmationStateDto }) confirmationState: DashboardConfirmationStateDto;
}

export class DashboardFlagDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) corridorId: string;
  @ApiProperty() corridorName: string;
  @ApiProperty({ format: 'uuid' }) windowId: string;
  @ApiProperty({ enum: FLAG_RULES }) rule: string;
  @ApiProperty({ enum: SEVERITIES }) severity: string;
  @ApiProperty({ format: 'date-time' }) raisedAt: string;
  @ApiProperty({ description: 'false: resolved since (only in a period, which counts resolved flags too).' })
  isOpen: boolean;
  @ApiProperty({ description: 'A coordinator has acknowledged it (it stays until its rule resolves it).' })
  isAcknowledged: boolean;
}

export class DashboardFlagCountsDto {
  @ApiProperty({ type: 'integer' }) critical: number;
  @ApiProperty({ type: 'integer' }) warning: number;
  @ApiProperty({ type: 'integer' }) info: number;
  @ApiProperty({ type: 'integer' }) total: number;
}

export class DashboardFlagsDto {
  @ApiProperty({
    type: DashboardFlagCountsDto,
    description: 'Open flags, by severity; for a period, the flags of its windows, open or resolved since.',
  })
  open: DashboardFlagCountsDto;
  @ApiProperty({
    type: DashboardFlagCountsDto,
    description:
      'Of those, the ones still open that no coordinator has acknowledged: what the flags page lists to ' +
      "acknowledge and the corridor list's flag column counts.",
  })
  awaiting: DashboardFlagCountsDto;
  @ApiProperty({
    type: [DashboardFlagDto],
    description: 'The most severe of those flags, newest first within a severity.',
  })
  mostSevere: DashboardFlagDto[];
}

export class DashboardEvacuationDayDto {
  @ApiProperty({
    example: '2022-05-04',
    description: "Local date, in the corridor's zone, of a window's first report.",
  })
  day: string;
  @ApiProperty({ type: 'integer' }) low: number;
  @ApiProperty({ type: 'integer' }) high: number;
}

export class DashboardEvacuationsDto {
  @ApiProperty({
    nullable: true,
    type: 'integer',
    description:
      'Sum of the per-window lows, each operation counted once (its stages as one whole, never their sum) and each ' +
      'corridor in no operation on its own; null without reports.',
  })
  low: number | null;
  @ApiProperty({
    nullable: true,
    type: 'integer',
    description: 'Sum of the per-window highs, each operation counted once; null without reports.',
  })
  high: number | null;
  @ApiProperty({
    type: 'integer',
    description:
      'Corridors counted: the most recently announced ones with evacuation reports and the other stages of their ' +
      'operations; for a period, those with reports in it (only those reports count).',
  })
  corridorCount: number;
  @ApiProperty({ type: [DashboardEvacuationDayDto], description: 'Oldest day first.' })
  byDay: DashboardEvacuationDayDto[];
}

export class DashboardPeriodDto {
  @ApiProperty({ format: 'date-time', description: 'Inclusive.' }) from: string;
  @ApiProperty({ format: 'date-time', description: 'Exclusive.' }) to: string;
}

export class DashboardDto {
  @ApiProperty({ format: 'date-time', description: 'When the server read this answer.' }) generatedAt: string;
  @ApiProperty({
    type: DashboardPeriodDto,
    nullable: true,
    description: 'The period asked for (`from`, `to`); null: now.',
  })
  period: DashboardPeriodDto | null;
  @ApiProperty({
    format: 'date-time',
    description: 'upcomingWindows start before this instant (48 hours on; for a period, its end).',
  })
  windowsUntil: string;
  @ApiProperty({
    type: [DashboardCorridorDto],
    description: 'Corridors open now; for a period, corridors with a window in it (at most 50).',
  })
  openCorridors: DashboardCorridorDto[];
  @ApiProperty({
    type: [DashboardWindowDto],
    description:
      'Windows not over that start in the next 48 hours; for a period, the windows overlapping it. Soonest ' +
      'first, at most 100.',
  })
  upcomingWindows: DashboardWindowDto[];
  @ApiProperty({ type: DashboardFlagsDto }) flags: DashboardFlagsDto;
  @ApiProperty({ type: DashboardEvacuationsDto }) evacuations: DashboardEvacuationsDto;
}
