import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { ListQueryDto, MinGradeProperty } from '#cw/common';
import { FLAG_RULES, FLAG_SEVERITIES, type FlagRule, type FlagSeverity } from '#cw/domain';

export class FlagListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'true: not resolved; false: resolved.' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  open?: boolean;

  @ApiPropertyOptional({ enum: FLAG_RULES })
  @IsOptional()
  @IsIn(FLAG_RULES)
  rule?: FlagRule;

  @ApiPropertyOptional({ enum: FLAG_SEVERITIES })
  @IsOptional()
  @IsIn(FLAG_SEVERITIES)
  severity?: FlagSeverity;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  corridorId?: string;

  /** Flags resting on claims of this grade or better; flags raised by an absence are always kept. */
  @MinGradeProperty() minGrade?: string;
}
