import { ApiProperty } from '@nestjs/swagger';

export class TrackRecordDto {
  @ApiProperty({ description: 'Windows of passage the party announced.' }) windowsAnnounced: number;
  @ApiProperty({ description: 'Windows every required party confirmed by the deadline, and kept to.' })
  confirmedInTime: number;
  @ApiProperty({ description: 'Ended windows a required party never confirmed (cancelled ones aside).' })
  neverConfirmed: number;
  @ApiProperty({ description: 'Windows with at least one evacuation report.' }) withEvacuations: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Share of ended windows with evacuations reported; null before any window ended.',
  })
  keptRatio: number | null;
}
