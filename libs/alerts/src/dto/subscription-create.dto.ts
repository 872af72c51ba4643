import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsTimeZone } from '#cw/common';
import { FLAG_SEVERITIES, LANGUAGES, type FlagSeverity, type Language } from '#cw/domain';

export const SUBSCRIPTION_MODES = ['immediate', 'daily'] as const;
export type SubscriptionMode = (typeof SUBSCRIPTION_MODES)[number];

export class SubscriptionCreateDto {
  @ApiProperty({ format: 'email', maxLength: 320 })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({
    enum: SUBSCRIPTION_MODES,
    description: 'immediate: each new flag at once; daily: one digest a day.',
  })
  @IsIn(SUBSCRIPTION_MODES)
  mode: SubscriptionMode;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 23,
    description: 'daily: the local hour of the digest (required).',
  })
  @ValidateIf((dto: SubscriptionCreateDto) => dto.mode === 'daily' || dto.digestHour !== undefined)
  @IsInt()
  @Min(0)
  @Max(23)
  digestHour?: number;

  @ApiPropertyOptional({
    example: 'Europe/Kyiv',
    description:
      'IANA zone the e-mails give times in, and the digest hour is read in; daily: required; default UTC.',
  })
  @ValidateIf((dto: SubscriptionCreateDto) => dto.mode === 'daily' || dto.timezone !== undefined)
  @IsTimeZone()
  timezone?: string;

  @ApiPropertyOptional({
    enum: LANGUAGES,
    description:
      "The language of its e-mails and of its unsubscribe page; default: the language of the subscriber's organisation.",
  })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiProperty({ enum: FLAG_SEVERITIES, description: 'Flags below this severity are not mailed.' })
  @IsIn(FLAG_SEVERITIES)
  minSeverity: FlagSeverity;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Only these corridors; absent: all.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  corridorIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Only corridors these parties announced or must confirm; absent: all.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  partyIds?: string[];
}
