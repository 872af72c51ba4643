import { Module } from '@nestjs/common';
import { AuditModule } from '#cw/audit';
import { IdempotencyModule } from '#cw/idempotency';
import { JobsModule } from '#cw/jobs';
import { CorridorRecordService } from './corridor-record.service.js';
import { CorridorStateService } from './corridor-state.service.js';
import { CorridorService } from './corridor.service.js';

@Module({
  imports: [IdempotencyModule, JobsModule, AuditModule],
  providers: [CorridorService, CorridorStateService, CorridorRecordService],
  exports: [CorridorService, CorridorStateService, CorridorRecordService],
})
export class CorridorsModule {}
