import { ApiProperty } from '@nestjs/swagger';
import { PageInfoDto } from '#cw/common';
import { FLAG_RULES, FLAG_SEVERITIES, type FlagRule, type FlagSeverity } from '#cw/domain';
import type { FlagListRow } from '#cw/persistence';

export class FlagResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) corridorId: string;
  @ApiProperty() corridorName: string;
  @ApiProperty({ format: 'uuid' }) windowId: string;
  @ApiProperty({ format: 'date-time' }) windowStartsAt: string;
  @ApiProperty({ format: 'date-time' }) windowEndsAt: string;
  @ApiProperty({ enum: FLAG_RULES }) rule: FlagRule;
  @ApiProperty({ enum: FLAG_SEVERITIES }) severity: FlagSeverity;
  @ApiProperty({ description: 'Raised and not resolved since.' }) isOpen: boolean;
  @ApiProperty({ format: 'date-time' }) raisedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) resolvedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) acknowledgedAt: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) acknowledgedById: string | null;
  @ApiProperty({ nullable: true, type: String }) acknowledgeNote: string | null;
}

export class FlagPageDto extends PageInfoDto {
  @ApiProperty({ type: [FlagResponseDto] }) items: FlagResponseDto[];
}

export function toFlagResponse(row: FlagListRow): FlagResponseDto {
  return {
    id: row.id,
    corridorId: row.corridorId,
    corridorName: row.corridorName,
    windowId: row.windowId,
    windowStartsAt: row.windowStartsAt.toISOString(),
    windowEndsAt: row.windowEndsAt.toISOString(),
    rule: row.rule as FlagRule,
    severity: row.severity as FlagSeverity,
    isOpen: row.resolvedAt === null,
    raisedAt: row.raisedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    acknowledgedById: row.acknowledgedById,
    acknowledgeNote: row.acknowledgeNote,
  };
}
