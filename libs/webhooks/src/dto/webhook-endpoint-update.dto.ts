import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../webhook-event-types.js';
import { WEBHOOK_URL_RULES } from './webhook-endpoint-create.dto.js';

/** Only the fields that change; `enabled: true` re-enables an endpoint the worker disabled. */
export class WebhookEndpointUpdateDto {
  @ApiPropertyOptional({ format: 'uri', maxLength: 2048 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(2048)
  @IsUrl(WEBHOOK_URL_RULES, { message: 'url must be an http or https URL' })
  url?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, {
    each: true,
    message: `each value in events must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}`,
  })
  events?: WebhookEventType[];

  @ApiPropertyOptional({ maxLength: 500, nullable: true, type: String, description: 'null clears it.' })
  @ValidateIf((dto: WebhookEndpointUpdateDto) => dto.description !== null && dto.description !== undefined)
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({
    description:
      'false pauses deliveries; true resumes them (after an automatic disabling too) and clears the failure record.',
  })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
