import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MinGradeProperty } from '#cw/common';
import {
  CREDIBILITIES,
  EVACUATION_MEASURES,
  POPULATION_CATEGORIES,
  RELIABILITIES,
  type Credibility,
  type EvacuationMeasure,
  type EvacuationSummary,
  type FigureSummary,
  type MeasureRange,
  type PopulationCategory,
  type Reliability,
} from '#cw/domain';
import type { EvacuationFigure } from '#cw/persistence';
import { CountResponseDto, toCountResponse } from '#cw/reports';

export class EvacuationSummaryQueryDto {
  @MinGradeProperty() minGrade?: string;
}

export class SourceClaimDto {
  @ApiProperty({ format: 'uuid', description: 'The evacuation report.' }) reportId: string;
  @ApiProperty({ format: 'uuid' }) sourcePartyId: string;
  @ApiProperty({ type: CountResponseDto }) count: CountResponseDto;
  @ApiProperty({ format: 'date-time' }) reportedAt: string;
  @ApiProperty({ enum: EVACUATION_MEASURES }) measure: EvacuationMeasure;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) countedAtId: string | null;
  @ApiProperty({ enum: POPULATION_CATEGORIES }) category: PopulationCategory;
  @ApiProperty({ enum: RELIABILITIES }) sourceReliability: Reliability;
  @ApiProperty({ enum: CREDIBILITIES, type: 'integer' }) credibility: Credibility;
}

export class MeasureRangeDto {
  @ApiProperty({
    type: 'integer',
    description: 'The lowest figure a claim of this measure states (summed over windows).',
  })
  low: number;
  @ApiProperty({
    type: 'integer',
    description: 'The highest figure a claim of this measure states (summed over windows).',
  })
  high: number;
  @ApiProperty({ type: 'integer', description: 'How many claims of this measure.' }) claims: number;
}

/** One range per measure that has claims; a measure without claims is absent. */
export class ByMeasureDto {
  @ApiPropertyOptional({ type: MeasureRangeDto, description: 'People who left the origin.' })
  left_origin?: MeasureRangeDto;
  @ApiPropertyOptional({
    type: MeasureRangeDto,
    description: 'People who joined on the way (inside the arrivals).',
  })
  joined_en_route?: MeasureRangeDto;
  @ApiPropertyOptional({ type: MeasureRangeDto, description: 'People who arrived.' })
  arrived?: MeasureRangeDto;
  @ApiPropertyOptional({
    type: MeasureRangeDto,
    description: 'People evacuated, where the source did not say more.',
  })
  evacuated?: MeasureRangeDto;
}

export class HeadlineDto {
  @ApiProperty({
    enum: EVACUATION_MEASURES,
    description:
      'arrived when any claim is an arrival, else evacuated, else left_origin; never joined_en_route.',
  })
  measure: EvacuationMeasure;
  @ApiProperty({ type: 'integer' }) low: number;
  @ApiProperty({ type: 'integer' }) high: number;
}

export class CountRangeDto {
  @ApiProperty({
    type: 'integer',
    description: "The headline's lowest figure (with no headline: the lowest figure any claim states).",
  })
  low: number;
  @ApiProperty({
    type: 'integer',
    description: "The headline's highest figure (with no headline: the highest figure any claim states).",
  })
  high: number;
  @ApiProperty({ type: [SourceClaimDto], description: 'Every claim, side by side.' })
  bySource: SourceClaimDto[];
  @ApiProperty({ type: ByMeasureDto, description: 'Each measure apart: claims are compared like with like.' })
  byMeasure: ByMeasureDto;
  @ApiProperty({
    type: HeadlineDto,
    nullable: true,
    description: 'The figure shown first; null when the only claims count people who joined on the way.',
  })
  headline: HeadlineDto | null;
}

export class WindowCountRangeDto extends CountRangeDto {
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'null: claims that name no window, one group of their own.',
  })
  windowId: string | null;
}

export class EvacuationSummaryDto {
  @ApiProperty({
    type: CountRangeDto,
    nullable: true,
    description: 'Each measure summed over the groups; null without claims (or none of the grade asked for).',
  })
  total: CountRangeDto | null;

  @ApiProperty({
    type: [WindowCountRangeDto],
    description: 'Per window in start order; claims naming none last.',
  })
  windows: WindowCountRangeDto[];

  @ApiPropertyOptional({
    type: String,
    example: 'B3',
    description: 'The grade asked for (minGrade): only claims of that grade or better are counted.',
  })
  minGrade?: string;
}

/** A stored claim as the figures compare it, keeping what the answer shows of it. */
export type SummaryClaim = EvacuationFigure & {
  count: { qualifier: EvacuationFigure['qualifier']; value: number; max: number | null };
};

function toMeasures(byMeasure: Partial<Record<EvacuationMeasure, MeasureRange>>): ByMeasureDto {
  const dto: ByMeasureDto = {};
  for (const measure of EVACUATION_MEASURES) {
    const range = byMeasure[measure];
    if (range) dto[measure] = { low: range.low, high: range.high, claims: range.claims };
  }
  return dto;
}

function toCountRange(summary: FigureSummary<SummaryClaim>): CountRangeDto {
  return {
    low: summary.low,
    high: summary.high,
    bySource: summary.bySource.map((claim) => ({
      reportId: claim.id,
      sourcePartyId: claim.sourcePartyId,
      count: toCountResponse(claim),
      reportedAt: claim.reportedAt.toISOString(),
      measure: claim.measure,
      countedAtId: claim.countedAtId,
      category: claim.category,
      sourceReliability: claim.sourceReliability,
      credibility: claim.credibility,
    })),
    byMeasure: toMeasures(summary.byMeasure),
    headline: summary.headline && { ...summary.headline },
  };
}

export function toEvacuationSummary(
  summary: EvacuationSummary<SummaryClaim>,
  minGrade: string | null,
): EvacuationSummaryDto {
  const dto: EvacuationSummaryDto = {
    total: summary.total ? toCountRange(summary.total) : null,
    windows: summary.windows.map((group) => ({ windowId: group.windowId, ...toCountRange(group) })),
  };
  if (minGrade) dto.minGrade = minGrade;
  return dto;
}
