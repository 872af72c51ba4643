import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

export class LocationCreateDto {
  @ApiProperty({ example: 'Zaporizhzhia', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ description: 'WGS84 latitude', minimum: -90, maximum: 90, example: 47.838 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLatitude()
  lat: number;

  @ApiProperty({ description: 'WGS84 longitude', minimum: -180, maximum: 180, example: 35.139 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLongitude()
  lon: number;

  @ApiPropertyOptional({ example: 'Zaporizhzhia Oblast', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  adminArea?: string;

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2', example: 'UA' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be two capital letters (ISO 3166-1 alpha-2)' })
  countryCode?: string;
}
