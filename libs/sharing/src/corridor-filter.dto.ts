import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { CorridorListQueryDto } from '#cw/corridors';

/** Which corridors an export or a feed covers: the filters of `GET /corridors`, without its paging. */
export class CorridorFilterDto extends OmitType(CorridorListQueryDto, ['limit', 'cursor'] as const) {
  @ApiPropertyOptional({ format: 'uuid', description: 'This corridor only (its page exports and feeds).' })
  @IsOptional()
  @IsUUID()
  corridorId?: string;
}
