import type { Type } from '@nestjs/common';
import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import {
  ConfirmationCreateDto,
  EvacuationCreateDto,
  IncidentCreateDto,
  RemainingCreateDto,
} from './report-create.dto.js';

/**
 * A correction names only what it changes, with the version it read. Null clears a field that may be empty
 * (window, place, source link, note) and is refused for one that may not (source, time, count…):
 * `skipNullProperties: false` validates it.
 */
function CorrectionOf<T>(create: Type<T>): Type<Partial<Omit<T, 'embargo'>> & { version: number }> {
  // The class's own type is generic; TypeScript extends only a base whose members it knows.
  // An embargo is set when the report is entered; the job lifts it.
  const Partial = PartialType(OmitType(create as Type<{ embargo?: unknown }>, ['embargo'] as const), {
    skipNullProperties: false,
  }) as Type<object>;
  class Correction extends Partial {
    @ApiProperty({ type: 'integer', description: 'The version you read; a stale one is refused with 409.' })
    @IsInt()
    @Min(1)
    version: number;
  }
  return Correction as Type<Partial<Omit<T, 'embargo'>> & { version: number }>;
}

export class ConfirmationUpdateDto extends CorrectionOf(ConfirmationCreateDto) {}
export class EvacuationUpdateDto extends CorrectionOf(EvacuationCreateDto) {}
export class RemainingUpdateDto extends CorrectionOf(RemainingCreateDto) {}
export class IncidentUpdateDto extends CorrectionOf(IncidentCreateDto) {}
