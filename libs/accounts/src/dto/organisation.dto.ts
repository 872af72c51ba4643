import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { PageInfoDto } from '#cw/common';
import type { OrganisationEntity } from '#cw/persistence';

export class OrganisationCreateDto {
  @ApiProperty({ example: 'ICRC Ukraine delegation' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;
}

export class OrganisationResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class OrganisationPageDto extends PageInfoDto {
  @ApiProperty({ type: [OrganisationResponseDto] }) items: OrganisationResponseDto[];
}

export function toOrganisationResponse(organisation: OrganisationEntity): OrganisationResponseDto {
  return {
    id: organisation.id,
    name: organisation.name,
    createdAt: organisation.createdAt.toISOString(),
  };
}
