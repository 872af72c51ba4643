import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONFIRMATION_STANCES,
  COUNT_QUALIFIERS,
  INCIDENT_KINDS,
  POPULATION_CATEGORIES,
  CREDIBILITIES,
  EVACUATION_MEASURES,
  RELIABILITIES,
  type ConfirmationStance,
  type CountQualifier,
  type Credibility,
  type EvacuationMeasure,
  type IncidentKind,
  type PopulationCategory,
  type Reliability,
} from '#cw/domain';
import { EmbargoResponseDto } from '#cw/common';
import { BreakdownDto } from './report-create.dto.js';

export class CountResponseDto {
  @ApiProperty({ enum: COUNT_QUALIFIERS }) qualifier: CountQualifier;
  @ApiProperty({ type: 'integer', minimum: 0 }) value: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'Upper end, for a range only.' })
  max?: number;
}

/** What every report answer starts with: who entered it, for whom, and the version a correction names. */
export abstract class EnteredDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) corridorId: string;
  @ApiProperty({ format: 'uuid', description: 'Who entered it.' }) enteredById: string;
  @ApiProperty({ format: 'date-time' }) enteredAt: string;
  @ApiProperty({ format: 'uuid', description: 'The organisation it was entered for: who may correct it.' })
  organisationId: string;
  @ApiProperty({
    type: 'integer',
    description: 'Raised by each correction; a correction names the version it read.',
  })
  version: number;
  @ApiPropertyOptional({
    type: EmbargoResponseDto,
    description: 'Present when it was entered under embargo.',
  })
  embargo?: EmbargoResponseDto;
}

export class ConfirmationResponseDto extends EnteredDto {
  @ApiProperty({ format: 'uuid', description: 'Whose stance it is.' }) partyId: string;
  @ApiProperty({ enum: CONFIRMATION_STANCES }) stance: ConfirmationStance;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description:
      'The party that reported the stance ("as reported by"); null when the party stated it itself.',
  })
  reportedById: string | null;
  @ApiProperty({ format: 'date-time' }) statedAt: string;
  @ApiProperty({ nullable: true, type: String }) sourceUrl: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ enum: RELIABILITIES, description: "Its source's reliability (A–F), as graded at entry." })
  sourceReliability: Reliability;
  @ApiProperty({ enum: CREDIBILITIES, type: 'integer', description: "The claim's credibility (1–6)." })
  credibility: Credibility;
}

export class EvacuationReportResponseDto extends EnteredDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) windowId: string | null;
  @ApiProperty({ format: 'uuid' }) sourcePartyId: string;
  @ApiProperty({ format: 'date-time' }) reportedAt: string;
  @ApiProperty({ type: CountResponseDto }) count: CountResponseDto;
  @ApiProperty({ enum: POPULATION_CATEGORIES }) category: PopulationCategory;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) arrivedAtId: string | null;
  @ApiProperty({ nullable: true, type: String }) sourceUrl: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({
    enum: EVACUATION_MEASURES,
    description: 'What was counted; evacuated when the source did not say.',
  })
  measure: EvacuationMeasure;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Where the people were counted.',
  })
  countedAtId: string | null;
  @ApiProperty({ type: BreakdownDto, nullable: true }) breakdown: BreakdownDto | null;
  @ApiProperty({ enum: RELIABILITIES, description: "Its source's reliability (A–F), as graded at entry." })
  sourceReliability: Reliability;
  @ApiProperty({ enum: CREDIBILITIES, type: 'integer', description: "The claim's credibility (1–6)." })
  credibility: Credibility;
}

export class RemainingReportResponseDto extends EnteredDto {
  @ApiProperty({ format: 'uuid' }) sourcePartyId: string;
  @ApiProperty({ format: 'date-time' }) reportedAt: string;
  @ApiProperty({ type: CountResponseDto }) count: CountResponseDto;
  @ApiProperty({ nullable: true, type: String }) sourceUrl: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ enum: POPULATION_CATEGORIES }) category: PopulationCategory;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Where they wait.' })
  placeId: string | null;
  @ApiProperty({ enum: RELIABILITIES, description: "Its source's reliability (A–F), as graded at entry." })
  sourceReliability: Reliability;
  @ApiProperty({ enum: CREDIBILITIES, type: 'integer', description: "The claim's credibility (1–6)." })
  credibility: Credibility;
}

export class IncidentResponseDto extends EnteredDto {
  @ApiProperty({ enum: INCIDENT_KINDS }) kind: IncidentKind;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty() description: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Where it happened.' })
  placeId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) sourcePartyId: string | null;
  @ApiProperty({ nullable: true, type: String }) sourceUrl: string | null;
  @ApiProperty({ enum: RELIABILITIES, description: "Its source's reliability (A–F), as graded at entry." })
  sourceReliability: Reliability;
  @ApiProperty({ enum: CREDIBILITIES, type: 'integer', description: "The claim's credibility (1–6)." })
  credibility: Credibility;
}

export function toCountResponse(row: {
  qualifier: CountQualifier;
  value: number;
  max: number | null;
}): CountResponseDto {
  const count: CountResponseDto = { qualifier: row.qualifier, value: row.value };
  if (row.max !== null) count.max = row.max;
  return count;
}
