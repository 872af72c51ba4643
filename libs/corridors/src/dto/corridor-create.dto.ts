import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsTimeZone } from '#cw/common';
import { DailyScheduleDto } from './daily-schedule.dto.js';
import { EmbargoDto, EmbargoProperty } from './embargo.dto.js';
import { InstantProperty } from './instant.js';
import { RouteDto } from './route.dto.js';
import { CorridorWindowInputDto } from './window-create.dto.js';

export class CorridorCreateDto {
  @ApiProperty({ example: 'Azovstal: ceasefire and corridor 5–7 May', maxLength: 300 })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  originId: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Absent or null when no destination was named.',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID()
  destinationId?: string | null;

  @ApiProperty({ format: 'uuid', description: 'The party that announced the corridor.' })
  @IsUUID()
  announcedById: string;

  @InstantProperty({ example: '2022-05-04T20:00:00+03:00' })
  announcedAt: string;

  @ApiProperty({ example: 'Europe/Moscow', description: 'IANA zone the corridor was announced in.' })
  @IsTimeZone()
  timezone: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    isArray: true,
    description:
      "Parties whose confirmation it needs; defaults to every belligerent not on the announcer's side (every belligerent but the announcer when its side is not known). An empty list is refused: a corridor nobody must agree to is not a negotiated corridor.",
  })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty({
    message:
      'requiredConfirmationIds must name at least one party: a corridor nobody must agree to is not a negotiated corridor (leave it out for the default).',
  })
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  requiredConfirmationIds?: string[];

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    isArray: true,
    maxItems: 50,
    description: 'The places on the way, in order (Berdiansk, Tokmak, Vasylivka); each must exist.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  stopIds?: string[];

  @ApiPropertyOptional({ maxLength: 2048 })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2048)
  sourceUrl?: string;

  @ApiPropertyOptional({ maxLength: 10000, description: "The announcement's own wording." })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  sourceNote?: string;

  @ApiPropertyOptional({ type: RouteDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RouteDto)
  route?: RouteDto;

  @ApiPropertyOptional({ type: [CorridorWindowInputDto], maxItems: 366 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  @Type(() => CorridorWindowInputDto)
  windows?: CorridorWindowInputDto[];

  @ApiPropertyOptional({ type: DailyScheduleDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DailyScheduleDto)
  schedule?: DailyScheduleDto;

  @EmbargoProperty()
  embargo?: EmbargoDto;
}
