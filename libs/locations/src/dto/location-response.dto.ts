import { ApiProperty } from '@nestjs/swagger';
import { PageInfoDto } from '#cw/common';
import type { LocationEntity } from '#cw/persistence';

export class LocationResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'The name in other languages, by BCP 47 tag; empty when none was given.',
    example: { uk: 'Запоріжжя', ru: 'Запорожье' },
  })
  names: Record<string, string>;
  @ApiProperty({ type: String, isArray: true, description: 'Other spellings sources use.' })
  aliases: string[];
  @ApiProperty({ nullable: true, type: Number, description: 'null for a place known only by name.' })
  lat: number | null;
  @ApiProperty({ nullable: true, type: Number }) lon: number | null;
  @ApiProperty({ nullable: true, type: String }) adminArea: string | null;
  @ApiProperty({ nullable: true, type: String }) countryCode: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'Europe/Kyiv',
    description: 'IANA zone the place keeps, its canonical name; null while unknown.',
  })
  timezone: string | null;
  @ApiProperty({
    format: 'uuid',
    description: 'The organisation that recorded the place: its members edit it.',
  })
  organisationId: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class LocationPageDto extends PageInfoDto {
  @ApiProperty({ type: [LocationResponseDto] }) items: LocationResponseDto[];
}

export function toLocationResponse(location: LocationEntity): LocationResponseDto {
  return {
    id: location.id,
    name: location.name,
    names: location.names ?? {},
    aliases: location.aliases ?? [],
    lat: location.lat,
    lon: location.lon,
    adminArea: location.adminArea,
    countryCode: location.countryCode,
    timezone: location.timezone,
    organisationId: location.organisationId,
    createdAt: location.createdAt.toISOString(),
  };
}
