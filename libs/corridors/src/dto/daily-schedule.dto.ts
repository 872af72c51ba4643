import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Matches, Max, Min } from 'class-validator';

/** "From 08:00 to 18:00 Moscow time, Thursday through Saturday", read in the corridor's zone. */
export class DailyScheduleDto {
  @ApiProperty({ example: '2022-05-05', description: 'The first day, YYYY-MM-DD, in the corridor’s zone.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'firstDate must be a date as YYYY-MM-DD' })
  firstDate: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 366, example: 3 })
  @IsInt()
  @Min(1)
  @Max(366)
  days: number;

  @ApiProperty({ example: '08:00' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'startTime must be HH:mm' })
  startTime: string;

  @ApiProperty({
    example: '18:00',
    description: 'At or before startTime means the window ends the next day.',
  })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'endTime must be HH:mm' })
  endTime: string;
}
