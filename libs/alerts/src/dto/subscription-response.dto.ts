import { ApiProperty } from '@nestjs/swagger';
import { PageInfoDto } from '#cw/common';
import {
  DEFAULT_LANGUAGE,
  FLAG_SEVERITIES,
  LANGUAGES,
  isLanguage,
  type FlagSeverity,
  type Language,
} from '#cw/domain';
import type { SubscriptionEntity } from '#cw/persistence';
import { SUBSCRIPTION_MODES, type SubscriptionMode } from './subscription-create.dto.js';

export class SubscriptionResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: SUBSCRIPTION_MODES }) mode: SubscriptionMode;
  @ApiProperty({ nullable: true, type: 'integer' }) digestHour: number | null;
  @ApiProperty() timezone: string;
  @ApiProperty({ enum: LANGUAGES, description: 'The language of its e-mails and of its unsubscribe page.' })
  language: Language;
  @ApiProperty({ enum: FLAG_SEVERITIES }) minSeverity: FlagSeverity;
  @ApiProperty({ type: [String], nullable: true }) corridorIds: string[] | null;
  @ApiProperty({ type: [String], nullable: true }) partyIds: string[] | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'daily: the next digest.' })
  nextDigestAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class SubscriptionPageDto extends PageInfoDto {
  @ApiProperty({ type: [SubscriptionResponseDto] }) items: SubscriptionResponseDto[];
}

export function toSubscriptionResponse(s: SubscriptionEntity): SubscriptionResponseDto {
  return {
    id: s.id,
    organisationId: s.organisationId,
    email: s.email,
    mode: s.mode as SubscriptionMode,
    digestHour: s.digestHour,
    timezone: s.timezone,
    language: isLanguage(s.language) ? s.language : DEFAULT_LANGUAGE,
    minSeverity: s.minSeverity as FlagSeverity,
    corridorIds: s.corridorIds ? (JSON.parse(s.corridorIds) as string[]) : null,
    partyIds: s.partyIds ? (JSON.parse(s.partyIds) as string[]) : null,
    nextDigestAt: s.nextDigestAt?.toISOString() ?? null,
    createdAt: s.createdAt.toISOString(),
  };
}
