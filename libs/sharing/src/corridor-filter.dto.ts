import { OmitType } from '@nestjs/swagger';
import { CorridorListQueryDto } from '#cw/corridors';

/** Which corridors an export or a feed covers: the filters of `GET /corridors`, without its paging. */
export class CorridorFilterDto extends OmitType(CorridorListQueryDto, ['limit', 'cursor'] as const) {}
