import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { CorridorCreateDto } from './corridor-create.dto.js';

/** Edits of the announcement itself; windows, confirmations and reports have their own routes. */
export class CorridorUpdateDto extends PartialType(
  OmitType(CorridorCreateDto, ['windows', 'schedule'] as const),
) {
  @ApiProperty({ description: 'The version you read; a stale one is refused with 409.' })
  @IsInt()
  @Min(1)
  version: number;
}
