import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, MaxLength, Min } from 'class-validator';
import { REPORT_KINDS, type ReportKind } from '#cw/persistence';

export class ReportRetractDto {
  @ApiProperty({ type: 'integer', description: 'The version you read; a stale one is refused with 409.' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({
    description:
      'Why the report no longer stands: entered twice, on the wrong corridor, withdrawn by its source…',
    example: 'Entered on the wrong corridor; re-entered on Azovstal 5–7 May.',
    maxLength: 2000,
  })
  @IsString()
  @Matches(/\S/, { message: 'reason must say why the report no longer stands' })
  @MaxLength(2000)
  reason: string;
}

export class RetractionResponseDto {
  @ApiProperty({ format: 'uuid', description: 'The report retracted.' }) id: string;
  @ApiProperty({ enum: REPORT_KINDS }) kind: ReportKind;
  @ApiProperty({ format: 'uuid' }) corridorId: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) retractedAt: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) retractedById: string | null;
}
