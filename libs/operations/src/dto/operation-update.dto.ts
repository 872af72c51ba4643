import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { OperationCreateDto } from './operation-create.dto.js';

/** Only the fields that change. Null clears the source, the note or the facilitators; `corridorIds` replaces the stages. */
export class OperationUpdateDto extends PartialType(OperationCreateDto, { skipNullProperties: false }) {
  @ApiProperty({ type: 'integer', description: 'The version you read; a stale one is refused with 409.' })
  @IsInt()
  @Min(1)
  version: number;
}
