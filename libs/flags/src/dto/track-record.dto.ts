import { ApiProperty } from '@nestjs/swagger';

/** Per announcing party, over every window of every corridor it announced (open-ended ones included). */
export class TrackRecordDto {
  @ApiProperty({ type: 'integer', description: 'Windows of passage the party announced.' })
  windowsAnnounced: number;
  @ApiProperty({
    type: 'integer',
    description: 'Windows every required party confirmed by the deadline, and kept to.',
  })
  confirmedInTime: number;
  @ApiProperty({
    type: 'integer',
    description: 'Ended windows a required party never confirmed (cancelled ones aside).',
  })
  neverConfirmed: number;
  @ApiProperty({ type: 'integer', description: 'Windows with at least one evacuation report.' })
  withEvacuations: number;
  @ApiProperty({
    type: 'integer',
    description:
      'Promises announced: every window, open-ended ones included; a cancelled corridor’s windows count here and in no outcome.',
  })
  promises: number;
  @ApiProperty({
    type: 'integer',
    description: 'Windows over, every required party confirmed, and people reported moved.',
  })
  kept: number;
  @ApiProperty({
    type: 'integer',
    description: 'Windows over, people reported moved, but a required party never confirmed.',
  })
  unconfirmed: number;
  @ApiProperty({
    type: 'integer',
    description: 'Windows over that a required party rejected, or that nobody is reported to have used.',
  })
  broken: number;
  @ApiProperty({ type: 'integer', description: 'Windows not over yet.' }) pending: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'kept / (kept + unconfirmed + broken); null while no promise has settled.',
  })
  keptRatio: number | null;
}
