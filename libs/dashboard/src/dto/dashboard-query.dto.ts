import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';

const INSTANT =
  'ISO 8601 with an offset (2022-05-04T00:00:00+03:00), or a local time (2022-05-04T00:00) read in `timezone`.';

/** Without a period the dashboard is "now"; with `from` and `to`, what happened in that period (at most 31 days). */
export class DashboardQueryDto {
  @ApiPropertyOptional({ description: `Start of the period (inclusive); needs \`to\`. ${INSTANT}` })
  @ValidateIf((dto: DashboardQueryDto) => dto.from !== undefined || dto.to !== undefined)
  @IsString({ message: 'from is required with to' })
  @MaxLength(40)
  from?: string;

  @ApiPropertyOptional({ description: `End of the period (exclusive); needs \`from\`. ${INSTANT}` })
  @ValidateIf((dto: DashboardQueryDto) => dto.from !== undefined || dto.to !== undefined)
  @IsString({ message: 'to is required with from' })
  @MaxLength(40)
  to?: string;

  @ApiPropertyOptional({
    example: 'Europe/Kyiv',
    description: 'The IANA zone in which local `from` and `to` are read.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string;
}
