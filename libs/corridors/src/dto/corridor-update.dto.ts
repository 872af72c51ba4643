import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { CorridorCreateDto } from './corridor-create.dto.js';

/**
 * Edits of the announcement itself; windows, confirmations and reports have their own routes. Null clears a
 * field that may be empty (route, source, destination) and is refused for one that may not (name, origin…).
 * An embargo is set when the corridor is recorded; the job lifts it.
 */
export class CorridorUpdateDto extends PartialType(
  OmitType(CorridorCreateDto, ['windows', 'schedule', 'embargo'] as const),
  { skipNullProperties: false },
) {
  @ApiProperty({ type: 'integer', description: 'The version you read; a stale one is refused with 409.' })
  @IsInt()
  @Min(1)
  version: number;
}
