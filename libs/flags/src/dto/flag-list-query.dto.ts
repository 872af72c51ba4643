import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { ListQueryDto, MinGradeProperty } from '#cw/common';
import { FLAG_RULES, FLAG_SEVERITIES, type FlagRule, type FlagSeverity } from '#cw/domain';

export const FLAG_ORDERS = ['raised', 'severity'] as const;
export type FlagOrder = (typeof FLAG_ORDERS)[number];

const asBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class FlagListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'true: not resolved; false: resolved.' })
  @IsOptional()
  @Transform(asBoolean)
  @IsBoolean()
  open?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'true: acknowledged by a coordinator; false: nobody has acknowledged it yet.',
  })
  @IsOptional()
  @Transform(asBoolean)
  @IsBoolean()
  acknowledged?: boolean;

  @ApiPropertyOptional({
    enum: FLAG_ORDERS,
    default: 'raised',
    description:
      'raised: newest raise first; severity: critical, then warning, then info, each newest first.',
  })
  @IsOptional()
  @IsIn(FLAG_ORDERS)
  order?: FlagOrder;

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
