import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import { FlagAcknowledgeDto } from './flag-acknowledge.dto.js';

/** Most flags one request acknowledges: a page of the inbox, in one transaction. */
export const MAX_FLAGS_PER_ACKNOWLEDGEMENT = 100;

export class FlagAcknowledgeManyDto extends FlagAcknowledgeDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    isArray: true,
    minItems: 1,
    maxItems: MAX_FLAGS_PER_ACKNOWLEDGEMENT,
    uniqueItems: true,
    description:
      'The flags to acknowledge, all or none: an unknown one (or one of a corridor the caller may not see) refuses the request.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_FLAGS_PER_ACKNOWLEDGEMENT)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  ids: string[];
}
