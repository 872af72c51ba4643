import { ApiProperty } from '@nestjs/swagger';
import { PageInfoDto, PlaceTimezoneProperty } from '#cw/common';
import {
  COUNT_QUALIFIERS,
  CREDIBILITIES,
  EVACUATION_MEASURES,
  FLAG_RULES,
  FLAG_SEVERITIES,
  oneOf,
  POPULATION_CATEGORIES,
  RELIABILITIES,
  type Credibility,
  type EmbargoViewer,
  type FlagRule,
  type FlagSeverity,
  type Reliability,
} from '#cw/domain';
import type { FlagListRow } from '#cw/persistence';

class DetailCountDto {
  @ApiProperty({ enum: COUNT_QUALIFIERS }) qualifier: string;
  @ApiProperty({ type: 'integer' }) value: number;
  @ApiProperty({ type: 'integer', required: false }) max?: number;
}

/** A claim at one end of a discrepancy. */
export class DiscrepancyClaimDto {
  @ApiProperty({ format: 'uuid' }) reportId: string;
  @ApiProperty({ format: 'uuid' }) sourcePartyId: string;
  @ApiProperty({ format: 'date-time' }) reportedAt: string;
  @ApiProperty({ type: DetailCountDto }) count: DetailCountDto;
  @ApiProperty({ enum: RELIABILITIES }) sourceReliability: string;
  @ApiProperty({ enum: CREDIBILITIES, type: 'integer' }) credibility: number;
}

/** count_discrepancy: which claims disagree, like with like, and the two at its ends. */
export class FlagDetailDto {
  @ApiProperty({ enum: EVACUATION_MEASURES }) measure: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) countedAtId: string | null;
  @ApiProperty({ enum: POPULATION_CATEGORIES }) category: string;
  @ApiProperty({ type: 'integer' }) low: number;
  @ApiProperty({ type: 'integer' }) high: number;
  @ApiProperty({ type: DiscrepancyClaimDto }) lowest: DiscrepancyClaimDto;
  @ApiProperty({ type: DiscrepancyClaimDto }) highest: DiscrepancyClaimDto;
}

/** Who acknowledged a flag. */
export class FlagAcknowledgerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "Shown to the acknowledger's own organisation and to admins; null for others.",
  })
  email: string | null;
}

export class FlagResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) corridorId: string;
  @ApiProperty() corridorName: string;
  @ApiProperty({ format: 'uuid' }) windowId: string;
  @ApiProperty({ format: 'date-time' }) windowStartsAt: string;
  @ApiProperty({ format: 'date-time' }) windowEndsAt: string;
  @PlaceTimezoneProperty() placeTimezone: string;
  @ApiProperty({ enum: FLAG_RULES }) rule: FlagRule;
  @ApiProperty({ enum: FLAG_SEVERITIES }) severity: FlagSeverity;
  @ApiProperty({ description: 'Raised and not resolved since.' }) isOpen: boolean;
  @ApiProperty({ format: 'date-time' }) raisedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) resolvedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) acknowledgedAt: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) acknowledgedById: string | null;
  @ApiProperty({
    type: FlagAcknowledgerDto,
    nullable: true,
    description: 'Who acknowledged it; null until someone does.',
  })
  acknowledgedBy: FlagAcknowledgerDto | null;
  @ApiProperty({ nullable: true, type: String }) acknowledgeNote: string | null;
  @ApiProperty({
    enum: [...RELIABILITIES, null],
    nullable: true,
    type: String,
    description: 'The weaker reliability of the claims it rests on; null for a flag raised by an absence.',
  })
  evidenceReliability: Reliability | null;
  @ApiProperty({
    enum: [...CREDIBILITIES, null],
    nullable: true,
    type: 'integer',
    description: 'The weaker credibility of the claims it rests on; null for a flag raised by an absence.',
  })
  evidenceCredibility: Credibility | null;
  @ApiProperty({
    type: FlagDetailDto,
    nullable: true,
    description:
      'count_discrepancy: the like group (measure, place, category) and the claims at its two ends.',
  })
  detail: Record<string, unknown> | null;
}

export class FlagPageDto extends PageInfoDto {
  @ApiProperty({ type: [FlagResponseDto] }) items: FlagResponseDto[];
}

/** Flags acknowledged together, in the order asked. */
export class FlagAcknowledgedDto {
  @ApiProperty({ type: [FlagResponseDto] }) items: FlagResponseDto[];
}

/** A flag as `viewer` may read it: another organisation's acknowledger is named without an address. */
export function toFlagResponse(row: FlagListRow, viewer: EmbargoViewer): FlagResponseDto {
  const by = row.acknowledgedBy;
  const seesEmail = by !== null && (viewer.seesEverything || viewer.organisationId === by.organisationId);
  return {
    id: row.id,
    corridorId: row.corridorId,
    corridorName: row.corridorName,
    windowId: row.windowId,
    windowStartsAt: row.windowStartsAt.toISOString(),
    windowEndsAt: row.windowEndsAt.toISOString(),
    placeTimezone: row.placeTimezone,
    rule: oneOf(FLAG_RULES, row.rule, 'flag rule'),
    severity: oneOf(FLAG_SEVERITIES, row.severity, 'severity'),
    isOpen: row.resolvedAt === null,
    raisedAt: row.raisedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    acknowledgedById: row.acknowledgedById,
    acknowledgedBy: by && { id: by.id, displayName: by.displayName, email: seesEmail ? by.email : null },
    acknowledgeNote: row.acknowledgeNote,
    evidenceReliability: row.evidenceReliability,
    evidenceCredibility: row.evidenceCredibility,
    detail: detailOf(row.detail),
  };
}

function detailOf(stored: string | null): Record<string, unknown> | null {
  const parsed: unknown = stored === null ? null : JSON.parse(stored);
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? { ...parsed } : null;
}
