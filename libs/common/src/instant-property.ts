import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

const DESCRIPTION =
  'ISO 8601 with an offset (2022-05-05T08:00:00+03:00), or a local time (2022-05-05T08:00) when `timezone` is given.';

/** An instant as the client wrote it; the service reads it with the domain's time rules. */
export function InstantProperty(options: { required?: boolean; example?: string } = {}): PropertyDecorator {
  const doc = {
    description: DESCRIPTION,
    example: options.example ?? '2022-05-05T08:00:00+03:00',
    type: String,
  };
  return options.required === false
    ? applyDecorators(ApiPropertyOptional(doc), IsOptional(), IsString(), MaxLength(40))
    : applyDecorators(ApiProperty(doc), IsString(), MaxLength(40));
}
