import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** A timeline is read whole by most clients: its pages are large, and a client that never pages sees them all. */
export const TIMELINE_PAGE_DEFAULT = 1000;

export class TimelineQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: TIMELINE_PAGE_DEFAULT,
    default: TIMELINE_PAGE_DEFAULT,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(TIMELINE_PAGE_DEFAULT)
  limit = TIMELINE_PAGE_DEFAULT;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}
