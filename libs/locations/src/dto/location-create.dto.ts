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

// A place may be known by name alone ("joined at Manhush"), but a position is both coordinates or none.
const hasPosition = (dto: LocationCreateDto) => dto.lat != null || dto.lon != null;
const BOTH = { allowNaN: false, allowInfinity: false };
const bothMessage = { message: 'lat and lon are given together (or neither): $property must be a number' };

export class LocationCreateDto {
  @ApiProperty({ example: 'Zaporizhzhia', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', minLength: 1, maxLength: 200 },
    description: 'The name in other languages, by BCP 47 tag.',
    example: { uk: 'Запоріжжя', ru: 'Запорожье' },
  })
  @IsOptional()
  @IsPlaceNames()
  names?: Record<string, string>;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    maxItems: 50,
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
  aliases?: string[];

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'WGS84 latitude; with lon, or neither for a place known only by name.',
    minimum: -90,
    maximum: 90,
    example: 47.838,
  })
  @ValidateIf(hasPosition)
  @IsNumber(BOTH, bothMessage)
  @IsLatitude()
  lat?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'WGS84 longitude; with lat, or neither.',
    minimum: -180,
    maximum: 180,
    example: 35.139,
  })
  @ValidateIf(hasPosition)
  @IsNumber(BOTH, bothMessage)
  @IsLongitude()
  lon?: number | null;

  @ApiPropertyOptional({ example: 'Zaporizhzhia Oblast', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  adminArea?: string;

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2', example: 'UA' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be two capital letters (ISO 3166-1 alpha-2)' })
  countryCode?: string;

  @ApiPropertyOptional({
    example: 'Europe/Kyiv',
    maxLength: 64,
    description:
      'IANA zone the place keeps: times of corridors from it are shown in it. An alias (Europe/Kiev) is stored under its current name.',
  })
  @IsOptional()
  @IsTimeZone()
  timezone?: string;
}
