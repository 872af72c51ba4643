import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { COUNT_QUALIFIERS, type CountQualifier } from '#cw/domain';

/** A count with its precision: "more than 300" is at_least 300, "130 to 150" a range. */
export class CountDto {
  @ApiProperty({ enum: COUNT_QUALIFIERS, example: 'at_least' })
  @IsIn(COUNT_QUALIFIERS)
  qualifier: CountQualifier;

  @ApiProperty({ type: 'integer', minimum: 0, example: 300 })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  value: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description: 'Upper end; for a range only, and not below value.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  max?: number;
}
