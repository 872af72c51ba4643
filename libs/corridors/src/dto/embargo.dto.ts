import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { embargoLiftsAt, isUnderEmbargo, type EmbargoState } from '#cw/domain';

/** `{ until }` or `{ untilWindowsEnd: true }`: exactly one, checked by the domain's `readEmbargo`. */
export class EmbargoDto {
  @ApiPropertyOptional({
    description:
      'Held back until this instant (ISO 8601 with an offset, or local in the record `timezone`); it must be to come.',
    example: '2022-05-03T18:00:00+03:00',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  until?: string;

  @ApiPropertyOptional({
    enum: [true],
    description: "Held back until the corridor's last window has ended.",
  })
  @IsOptional()
  @IsBoolean()
  untilWindowsEnd?: boolean;
}

/** The `embargo` member of a create request, on corridors and on every kind of claim. */
export function EmbargoProperty(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: EmbargoDto,
      description:
        'Keeps the record from other organisations (lists, figures, flags, e-mails, exports, feeds, webhooks) until it lifts: `{ "until": instant }` or `{ "untilWindowsEnd": true }`. Its own organisation and admins see it, marked.',
    }),
    IsOptional(),
    IsObject(),
    ValidateNested(),
    Type(() => EmbargoDto),
  );
}

export class EmbargoResponseDto {
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'The instant asked for.' })
  until: string | null;
  @ApiProperty({ description: "Held until the corridor's last window has ended." })
  untilWindowsEnd: boolean;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description:
      "When it lifts: `until`, or the end of the corridor's last window (null while that is not known here).",
  })
  liftsAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the job lifted it.' })
  liftedAt: string | null;
  @ApiProperty({ description: 'Still held back from other organisations.' })
  isInForce: boolean;
}

/** The record's embargo as answers show it; undefined (left out of the JSON) for a record that never had one. */
export function toEmbargoResponse(
  row: EmbargoState,
  corridorLastEndsAt: Date | null = null,
): EmbargoResponseDto | undefined {
  if (row.embargoedUntil === null && !row.embargoUntilWindowsEnd) return undefined;
  return {
    until: row.embargoedUntil?.toISOString() ?? null,
    untilWindowsEnd: row.embargoUntilWindowsEnd,
    liftsAt: embargoLiftsAt(row, corridorLastEndsAt)?.toISOString() ?? null,
    liftedAt: row.embargoLiftedAt?.toISOString() ?? null,
    isInForce: isUnderEmbargo(row),
  };
}
