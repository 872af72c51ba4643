import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { REPORT_KINDS, type ReportKind } from '#cw/persistence';
import { CorridorFilterDto } from '../../corridor-filter.dto.js';

export class ClaimsExportQueryDto extends CorridorFilterDto {
  @ApiPropertyOptional({
    enum: REPORT_KINDS,
    description: 'Claims of this kind only (an evacuation import takes `kind=evacuation` rows).',
  })
  @IsOptional()
  @IsIn(REPORT_KINDS)
  kind?: ReportKind;
}
