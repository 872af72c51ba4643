import { ApiProperty } from '@nestjs/swagger';
import type { CountRange, CountReconciliation } from '#cw/domain';
import { CountResponseDto } from '#cw/reports';

export class SourceClaimDto {
  @ApiProperty({ format: 'uuid' }) sourcePartyId: string;
  @ApiProperty({ type: CountResponseDto }) count: CountResponseDto;
  @ApiProperty({ format: 'date-time' }) reportedAt: string;
}

export class CountRangeDto {
  @ApiProperty({ description: 'The lowest figure any source states.' }) low: number;
  @ApiProperty({ description: 'The highest figure any source states.' }) high: number;
  @ApiProperty({ type: [SourceClaimDto], description: 'Every claim, side by side.' })
  bySource: SourceClaimDto[];
}

export class WindowCountRangeDto extends CountRangeDto {
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'null: reports that name no window.',
  })
  windowId: string | null;
}

export class EvacuationSummaryDto {
  @ApiProperty({
    type: CountRangeDto,
    nullable: true,
    description: 'Sum of the per-window ranges; null without reports.',
  })
  total: CountRangeDto | null;

  @ApiProperty({ type: [WindowCountRangeDto] })
  windows: WindowCountRangeDto[];
}

function toCountRange(range: CountRange): CountRangeDto {
  return {
    low: range.low,
    high: range.high,
    bySource: range.bySource.map((claim) => ({
      sourcePartyId: claim.sourcePartyId,
      count: {
        qualifier: claim.count.qualifier,
        value: claim.count.value,
        ...(claim.count.max != null ? { max: claim.count.max } : {}),
      },
      reportedAt: claim.reportedAt.toISOString(),
    })),
  };
}

export function toEvacuationSummary(reconciliation: CountReconciliation): EvacuationSummaryDto {
  return {
    total: reconciliation.total ? toCountRange(reconciliation.total) : null,
    windows: reconciliation.windows.map((group) => ({ windowId: group.windowId, ...toCountRange(group) })),
  };
}
