import { ApiProperty } from '@nestjs/swagger';
import { PageInfoDto } from '#cw/common';
import type { LocationEntity } from '#cw/persistence';

export class LocationResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() lat: number;
  @ApiProperty() lon: number;
  @ApiProperty({ nullable: true, type: String }) adminArea: string | null;
  @ApiProperty({ nullable: true, type: String }) countryCode: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class LocationPageDto extends PageInfoDto {
  @ApiProperty({ type: [LocationResponseDto] }) items: LocationResponseDto[];
}

export function toLocationResponse(location: LocationEntity): LocationResponseDto {
  return {
    id: location.id,
    name: location.name,
    lat: location.lat,
    lon: location.lon,
    adminArea: location.adminArea,
    countryCode: location.countryCode,
    createdAt: location.createdAt.toISOString(),
  };
}
