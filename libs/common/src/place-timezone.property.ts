import { ApiProperty } from '@nestjs/swagger';

/** The zone a corridor's times are shown in, beside the reader's own: one description wherever it is answered. */
export function PlaceTimezoneProperty(): PropertyDecorator {
  return ApiProperty({
    example: 'Europe/Kyiv',
    description:
      "The zone of the corridor's origin when the place has one, else the zone the corridor was announced in: its times are shown in this zone (and the reader's).",
  });
}
