import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { LocationCreateDto, PositionCoordinate } from './location-create.dto.js';

/**
 * An edit of a place: only the fields sent change. Null clears what may be empty (local names, aliases, position,
 * admin area, country, zone) and is refused for the name. `names` and `aliases` replace the stored ones whole.
 * Places carry no version: the last edit wins, field by field.
 */
export class LocationUpdateDto extends PartialType(OmitType(LocationCreateDto, ['lat', 'lon'] as const), {
  skipNullProperties: false,
}) {
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'WGS84 latitude, sent with lon; both null clear the position.',
    minimum: -90,
    maximum: 90,
    example: 47.838,
  })
  @PositionCoordinate('lat')
  lat?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'WGS84 longitude, sent with lat; both null clear the position.',
    minimum: -180,
    maximum: 180,
    example: 35.139,
  })
  @PositionCoordinate('lon')
  lon?: number | null;
}
