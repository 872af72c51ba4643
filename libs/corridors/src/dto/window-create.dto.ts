import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, MaxLength, Min, ValidateIf } from 'class-validator';
import { InstantProperty, IsTimeZone } from '#cw/common';

const OPEN_END = {
  type: String,
  nullable: true,
  example: '2022-05-05T18:00:00+03:00',
  description:
    'ISO 8601 with an offset, or a local time when a zone applies. null: announced with no end ("from 14:00"); ' +
    'the flag rules then read it as ending OPEN_ENDED_REVIEW_HOURS after its start until an edit closes it.',
};

/** `endsAt`, given and possibly null: an open-ended window. Absent is refused like any missing field. */
function OpenEndProperty(): PropertyDecorator {
  return (target, key) => {
    ApiProperty(OPEN_END)(target, key);
    ValidateIf((_, value) => value !== null)(target, key);
    IsString()(target, key);
    MaxLength(40)(target, key);
  };
}

export class WindowCreateDto {
  @InstantProperty({ example: '2022-05-05T08:00:00+03:00' })
  startsAt: string;

  @OpenEndProperty()
  endsAt: string | null;

  @ApiPropertyOptional({
    description: 'IANA zone for local times; defaults to the corridor’s zone.',
    example: 'Europe/Moscow',
  })
  @IsOptional()
  @IsTimeZone()
  timezone?: string;
}

/** A window inside a corridor body: its local times are read in the corridor's zone. */
export class CorridorWindowInputDto {
  @InstantProperty({ example: '2022-05-05T08:00:00+03:00' })
  startsAt: string;

  @OpenEndProperty()
  endsAt: string | null;
}

/** Closes an open-ended window with the end since announced (or puts a window's end right). */
export class WindowUpdateDto {
  @InstantProperty({ example: '2022-04-26T18:00:00+03:00' })
  endsAt: string;

  @ApiPropertyOptional({
    description: 'IANA zone for a local time; defaults to the corridor’s zone.',
    example: 'Europe/Moscow',
  })
  @IsOptional()
  @IsTimeZone()
  timezone?: string;

  @ApiProperty({
    type: 'integer',
    description: 'The version of the window you read; a stale one is refused with 409.',
  })
  @IsInt()
  @Min(1)
  version: number;
}
