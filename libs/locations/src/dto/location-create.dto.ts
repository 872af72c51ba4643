import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsTimeZone } from '#cw/common';
import { IsPlaceNames } from './place-names.validator.js';

// A place may be known by name alone ("joined at Manhush"), but a position is both coordinates or none: once
// either is a number, both are checked (an edit sends both, or nulls both to clear the position).
const hasPosition = (dto: { lat?: number | null; lon?: number | null }) => dto.lat != null || dto.lon != null;
const BOTH = { allowNaN: false, allowInfinity: false };
const bothMessage = { message: 'lat and lon are given together (or neither): $property must be a number' };

const RANGE = {
  lat: { minimum: -90, maximum: 90, example: 47.838 },
  lon: { minimum: -180, maximum: 180, example: 35.139 },
};

/** `lat` (or `lon`), described and validated, shared by the create and the edit; only the description differs. */
export function PositionCoordinate(axis: 'lat' | 'lon', description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: Number, nullable: true, description, ...RANGE[axis] }),
    ValidateIf(hasPosition),
    IsNumber(BOTH, bothMessage),
    axis === 'lat' ? IsLatitude() : IsLongitude(),
  );
}

export class LocationCreateDto {
  @ApiProperty({ example: 'Zaporizhzhia', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', minLength: 1, maxLength: 200 },
    nullable: true,
    description: 'The name in other languages, by BCP 47 tag.',
    example: { uk: 'Запоріжжя', ru: 'Запорожье' },
  })
  @IsOptional()
  @IsPlaceNames()
  names?: Record<string, string> | null;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    maxItems: 50,
    nullable: true,
    description: 'Other spellings sources use; `GET /locations?q=` finds the place by them.',
    example: ['Zaporizhia', 'Zaporozhye'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  aliases?: string[] | null;

  @PositionCoordinate('lat', 'WGS84 latitude; with lon, or neither for a place known only by name.')
  lat?: number | null;

  @PositionCoordinate('lon', 'WGS84 longitude; with lat, or neither.')
  lon?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Zaporizhzhia Oblast', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  adminArea?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'ISO 3166-1 alpha-2', example: 'UA' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be two capital letters (ISO 3166-1 alpha-2)' })
  countryCode?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Europe/Kyiv',
    maxLength: 64,
    description:
      'IANA zone the place keeps: times of corridors from it are shown in it. An alias (Europe/Kiev) is stored under its current name.',
  })
  @IsOptional()
  @IsTimeZone()
  timezone?: string | null;
}
