import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { InstantProperty, IsTimeZone } from '#cw/common';

export class WindowCreateDto {
  @InstantProperty({ example: '2022-05-05T08:00:00+03:00' })
  startsAt: string;

  @InstantProperty({ example: '2022-05-05T18:00:00+03:00' })
  endsAt: string;

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

  @InstantProperty({ example: '2022-05-05T18:00:00+03:00' })
  endsAt: string;
}
