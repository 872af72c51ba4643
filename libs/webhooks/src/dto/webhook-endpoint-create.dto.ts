import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
} from 'class-validator';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../webhook-event-types.js';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const WEBHOOK_URL_RULES = {
  protocols: ['http', 'https'],
  require_protocol: true,
  require_tld: false,
  require_valid_protocol: true,
  allow_underscores: true,
};

export class WebhookEndpointCreateDto {
  @ApiProperty({
    format: 'uri',
    maxLength: 2048,
    example: 'https://hooks.ngo.example/corridor-watch',
    description:
      'Where events are POSTed: https (required when the server runs with NODE_ENV=production); never a link-local or cloud metadata address, and a private or loopback one only when the server sets WEBHOOK_ALLOW_PRIVATE=true.',
  })
  @Transform(trimmed)
  @IsString()
  @MaxLength(2048)
  @IsUrl(WEBHOOK_URL_RULES, { message: 'url must be an http or https URL' })
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, description: 'The events it receives.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, {
    each: true,
    message: `each value in events must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}`,
  })
  events: WebhookEventType[];

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(500)
  description?: string;
}
