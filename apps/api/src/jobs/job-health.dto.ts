import { ApiProperty } from '@nestjs/swagger';

export class QueueCountsDto {
  @ApiProperty({ type: 'integer' }) waiting: number;
  @ApiProperty({ type: 'integer' }) active: number;
  @ApiProperty({ type: 'integer' }) delayed: number;
  @ApiProperty({ type: 'integer' }) prioritized: number;
  @ApiProperty({ type: 'integer' }) completed: number;
  @ApiProperty({ type: 'integer' }) failed: number;
}

export class FailedJobDto {
  @ApiProperty() id: string;
  @ApiProperty() queue: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The error the last attempt ended with.' }) failedReason: string;
  @ApiProperty({ type: 'integer' }) attemptsMade: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) failedAt: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
}

export class QueueHealthDto {
  @ApiProperty() name: string;
  @ApiProperty({ type: QueueCountsDto }) counts: QueueCountsDto;
  @ApiProperty({ type: [FailedJobDto], description: 'The 20 latest failed jobs.' }) failed: FailedJobDto[];
}

export class OutboxBacklogDto {
  @ApiProperty({ type: 'integer', description: 'Changes not yet relayed to the queue.' }) pending: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) oldestCreatedAt: string | null;
}

export class JobHealthDto {
  @ApiProperty({ enum: ['up', 'down'] }) redis: 'up' | 'down';
  @ApiProperty({ type: [QueueHealthDto], description: 'Empty while Redis is down.' })
  queues: QueueHealthDto[];
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When the last sweep ended.',
  })
  lastSweepAt: string | null;
  @ApiProperty({ type: OutboxBacklogDto }) outbox: OutboxBacklogDto;
}

export class JobRetriedDto {
  @ApiProperty() id: string;
  @ApiProperty() queue: string;
  @ApiProperty() name: string;
}
