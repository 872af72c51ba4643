import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { EmbargoDto, EmbargoProperty, InstantProperty, IsTimeZone, SourcedDto } from '#cw/common';
import {
  CONFIRMATION_STANCES,
  INCIDENT_KINDS,
  POPULATION_CATEGORIES,
  CREDIBILITIES,
  EVACUATION_MEASURES,
  RELIABILITIES,
  type ConfirmationStance,
  type Credibility,
  type EvacuationMeasure,
  type IncidentKind,
  type PopulationCategory,
  type Reliability,
} from '#cw/domain';
import { CountDto } from './count.dto.js';

/** Who was counted, when the source says: each part a whole number of people. */
export class BreakdownDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  men?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  women?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'Children under 18.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  minors?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  elderly?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  wounded?: number;
}

/** Every claim's grade (Admiralty code); ungraded when not given. */
class GradedDto extends SourcedDto {
  @ApiPropertyOptional({
    enum: RELIABILITIES,
    description:
      "The source's reliability, A (completely reliable) to F (cannot be judged); default: the source party's at entry (F for an incident with no source).",
  })
  @IsOptional()
  @IsIn(RELIABILITIES)
  sourceReliability?: Reliability;

  @ApiPropertyOptional({
    enum: CREDIBILITIES,
    type: 'integer',
    description:
      "The claim's credibility, 1 (confirmed by other sources) to 6 (cannot be judged, the default).",
  })
  @IsOptional()
  @IsIn(CREDIBILITIES)
  credibility?: Credibility;
}

class LocalTimeDto extends GradedDto {
  @ApiPropertyOptional({
    type: String,
    description: 'IANA zone, needed only when a time is written without an offset.',
    example: 'Europe/Kyiv',
  })
  @IsOptional()
  @IsTimeZone()
  timezone?: string | null;

  @EmbargoProperty()
  embargo?: EmbargoDto;
}

export class ConfirmationCreateDto extends LocalTimeDto {
  @ApiProperty({ format: 'uuid', description: 'The party stating its stance.' })
  @IsUUID()
  partyId: string;

  @ApiProperty({ enum: CONFIRMATION_STANCES })
  @IsIn(CONFIRMATION_STANCES)
  stance: ConfirmationStance;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description:
      'The party that reported the stance, when the party did not state it itself (a facilitator\'s "with the agreement of the parties"). It counts for the status; the party\'s own later statement supersedes it. Not the party itself.',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID()
  reportedById?: string | null;

  @InstantProperty({ example: '2022-05-05T10:00:00+03:00' })
  statedAt: string;
}

export class EvacuationCreateDto extends LocalTimeDto {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    description: 'The window it happened in, when known.',
  })
  @IsOptional()
  @IsUUID()
  windowId?: string | null;

  @ApiProperty({ format: 'uuid', description: 'The party that reports the figure.' })
  @IsUUID()
  sourcePartyId: string;

  @InstantProperty({ example: '2022-05-04T21:00:00+03:00' })
  reportedAt: string;

  @ApiProperty({ type: CountDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CountDto)
  count: CountDto;

  @ApiProperty({ enum: POPULATION_CATEGORIES })
  @IsIn(POPULATION_CATEGORIES)
  category: PopulationCategory;

  @ApiPropertyOptional({
    enum: EVACUATION_MEASURES,
    description:
      'What was counted: people who left the origin, joined on the way, arrived, or (the default, when the source did not say) evacuated.',
  })
  @IsOptional()
  @IsIn(EVACUATION_MEASURES)
  measure?: EvacuationMeasure;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Where the people were counted: the plant, a stop, the destination.',
  })
  @IsOptional()
  @IsUUID()
  countedAtId?: string | null;

  @ApiPropertyOptional({
    type: BreakdownDto,
    nullable: true,
    description: "Who they were; no part, nor men + women + minors, above the count's upper bound.",
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => BreakdownDto)
  breakdown?: BreakdownDto | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'Where they arrived.' })
  @IsOptional()
  @IsUUID()
  arrivedAtId?: string | null;
}

export class RemainingCreateDto extends LocalTimeDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  sourcePartyId: string;

  @InstantProperty({ example: '2022-05-06T12:00:00+03:00' })
  reportedAt: string;

  @ApiProperty({ type: CountDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CountDto)
  count: CountDto;

  @ApiPropertyOptional({ enum: POPULATION_CATEGORIES, description: 'Who waits; default civilians.' })
  @IsOptional()
  @IsIn(POPULATION_CATEGORIES)
  category?: PopulationCategory;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Where they wait, when the source says (the plant, a district).',
  })
  @IsOptional()
  @IsUUID()
  placeId?: string | null;
}

/** An incident's own words are its description; it has no separate note. */
export class IncidentCreateDto extends OmitType(LocalTimeDto, ['note'] as const) {
  @ApiProperty({ enum: INCIDENT_KINDS })
  @IsIn(INCIDENT_KINDS)
  kind: IncidentKind;

  @InstantProperty({ example: '2022-05-02T12:00:00+03:00' })
  occurredAt: string;

  @ApiProperty({ maxLength: 10000 })
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  description: string;

  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID()
  sourcePartyId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Where it happened, when the source says (a checkpoint, a stop); shown on the map.',
  })
  @IsOptional()
  @IsUUID()
  placeId?: string | null;
}
