import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { CORRIDOR_PROMISES, CORRIDOR_STATUSES } from '#cw/domain';

// What GET /exports/corridors.geojson streams (RFC 7946), described for the clients that read it.

/** A position: longitude, then latitude. */
const POSITION = { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 };

export class GeoJsonGeometryDto {
  @ApiProperty({ enum: ['Point', 'LineString'] }) type: 'Point' | 'LineString';
  @ApiProperty({
    description: 'A Point: one position [lon, lat]; a LineString: the positions in order.',
    oneOf: [POSITION, { type: 'array', items: POSITION, minItems: 2 }],
  })
  coordinates: number[] | number[][];
}

export class GeoJsonEvacuationDto {
  @ApiProperty({ type: 'integer', nullable: true }) low: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) high: number | null;
  @ApiProperty({ type: 'integer' }) reportCount: number;
}

export class GeoJsonCorridorPropertiesDto {
  @ApiProperty({ enum: ['corridor'] }) kind: 'corridor';
  @ApiProperty() name: string;
  @ApiProperty({ enum: CORRIDOR_STATUSES }) status: string;
  @ApiProperty({ enum: CORRIDOR_PROMISES }) promise: string;
  @ApiProperty({ format: 'uuid' }) originId: string;
  @ApiProperty() originName: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) destinationId: string | null;
  @ApiProperty({ nullable: true, type: String }) destinationName: string | null;
  @ApiProperty({ type: [String], description: 'The places on the way, in order.' }) stopNames: string[];
  @ApiProperty({ format: 'uuid' }) announcedById: string;
  @ApiProperty() announcedByName: string;
  @ApiProperty({ format: 'date-time' }) announcedAt: string;
  @ApiProperty({ example: 'Europe/Kyiv' }) timezone: string;
  @ApiProperty({ type: [String], description: 'The names of the parties that must confirm.' })
  requiredConfirmations: string[];
  @ApiProperty({ enum: ['confirmed', 'disputed', 'pending'] }) confirmationState: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) firstStartsAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastEndsAt: string | null;
  @ApiProperty({ type: GeoJsonEvacuationDto }) evacuation: GeoJsonEvacuationDto;
  @ApiProperty({ nullable: true, type: String }) sourceUrl: string | null;
  @ApiProperty({ nullable: true, type: String }) sourceNote: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) cancelledAt: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;
  @ApiProperty({ description: 'The organisation that recorded it.' }) organisation: string;
}

export class GeoJsonPlacePropertiesDto {
  @ApiProperty({ enum: ['place'] }) kind: 'place';
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) adminArea: string | null;
  @ApiProperty({ nullable: true, type: String }) countryCode: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Europe/Kyiv', description: 'null while unknown.' })
  timezone: string | null;
}

export class GeoJsonFeatureDto {
  @ApiProperty({ enum: ['Feature'] }) type: 'Feature';
  @ApiProperty({ format: 'uuid', description: 'The corridor or the place.' }) id: string;
  @ApiProperty({
    type: GeoJsonGeometryDto,
    nullable: true,
    description: 'null for a place, or a corridor, with no known position.',
  })
  geometry: GeoJsonGeometryDto | null;
  @ApiProperty({
    oneOf: [
      { $ref: getSchemaPath(GeoJsonCorridorPropertiesDto) },
      { $ref: getSchemaPath(GeoJsonPlacePropertiesDto) },
    ],
  })
  properties: GeoJsonCorridorPropertiesDto | GeoJsonPlacePropertiesDto;
}

export class GeoJsonFeatureCollectionDto {
  @ApiProperty({ enum: ['FeatureCollection'] }) type: 'FeatureCollection';
  @ApiProperty({
    type: [GeoJsonFeatureDto],
    description: 'The corridors, then the places they start or end at.',
  })
  features: GeoJsonFeatureDto[];
}
