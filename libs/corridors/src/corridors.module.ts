import { Module } from '@nestjs/common';
import { IdempotencyModule } from '#cw/idempotency';
import { CorridorRecordService } from './corridor-record.service.js';
import { CorridorStateService } from './corridor-state.service.js';
import { CorridorService } from './corridor.service.js';

@Module({
  imports: [IdempotencyModule],
  providers: [CorridorService, CorridorStateService, CorridorRecordService],
  exports: [CorridorService, CorridorStateService, CorridorRecordService],
})
export class CorridorsModule {}
