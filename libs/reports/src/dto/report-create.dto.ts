import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsTimeZone, SourcedDto } from '#cw/common';
import {
  EmbargoDto,
  EmbargoProperty,
  EVACUATION_CATEGORIES,
  INCIDENT_KINDS,
  InstantProperty,
  type EvacuationCategory,
  type IncidentKind,
} from '#cw/corridors';
import { CONFIRMATION_STANCES, type ConfirmationStance } from '#cw/domain';
import { CountDto } from './count.dto.js';

class LocalTimeDto extends SourcedDto {
  @ApiPropertyOptional({
    description: 'IANA zone, needed only when a time is written without an offset.',
    example: 'Europe/Kyiv',
  })
  @IsOptional()
  @IsTimeZone()
  timezone?: string;

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
  @ApiPropertyOptional({ format: 'uuid', description: 'The window it happened in, when known.' })
  @IsOptional()
  @IsUUID()
  windowId?: string;

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

  @ApiProperty({ enum: EVACUATION_CATEGORIES })
  @IsIn(EVACUATION_CATEGORIES)
  category: EvacuationCategory;

  @ApiPropertyOptional({ format: 'uuid', description: 'Where they arrived.' })
  @IsOptional()
  @IsUUID()
  arrivedAtId?: string;
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

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  sourcePartyId?: string;
}
