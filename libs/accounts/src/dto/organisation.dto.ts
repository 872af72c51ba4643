import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageInfoDto } from '#cw/common';
import { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, type Language } from '#cw/domain';
import type { OrganisationEntity } from '#cw/persistence';

const LANGUAGE_DESCRIPTION =
  "The language its people's subscriptions (alert e-mails, the unsubscribe page) are written in unless they choose another.";

export class OrganisationCreateDto {
  @ApiProperty({ example: 'ICRC Ukraine delegation' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ enum: LANGUAGES, default: DEFAULT_LANGUAGE, description: LANGUAGE_DESCRIPTION })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class OrganisationUpdateDto {
  @ApiProperty({ enum: LANGUAGES, description: LANGUAGE_DESCRIPTION })
  @IsIn(LANGUAGES)
  language: Language;
}

export class OrganisationResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: LANGUAGES, description: LANGUAGE_DESCRIPTION }) language: Language;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class OrganisationPageDto extends PageInfoDto {
  @ApiProperty({ type: [OrganisationResponseDto] }) items: OrganisationResponseDto[];
}

export function toOrganisationResponse(organisation: OrganisationEntity): OrganisationResponseDto {
  return {
    id: organisation.id,
    name: organisation.name,
    language: isLanguage(organisation.language) ? organisation.language : DEFAULT_LANGUAGE,
    createdAt: organisation.createdAt.toISOString(),
  };
}
