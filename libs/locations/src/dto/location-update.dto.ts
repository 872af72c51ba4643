import { OmitType, PartialType } from '@nestjs/swagger';
import { LocationCreateDto, PositionCoordinate } from './location-create.dto.js';

/**
 * An edit of a place: only the fields sent change. Null clears what may be empty (local names, aliases, position,
 * admin area, country, zone) and is refused for the name. `names` and `aliases` replace the stored ones whole.
 * Places carry no version: the last edit wins, field by field.
 */
export class LocationUpdateDto extends PartialType(OmitType(LocationCreateDto, ['lat', 'lon'] as const), {
  skipNullProperties: false,
}) {
  // Not through PartialType: its "skip when absent" would let `lon` alone through without `lat`.
  @PositionCoordinate('lat', 'WGS84 latitude, sent with lon; both null clear the position.')
  lat?: number | null;

  @PositionCoordinate('lon', 'WGS84 longitude, sent with lat; both null clear the position.')
  lon?: number | null;
}
