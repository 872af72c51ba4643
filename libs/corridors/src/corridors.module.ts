import { Module } from '@nestjs/common';
import { AuditModule } from '#cw/audit';
import { IdempotencyModule } from '#cw/idempotency';
import { JobsModule } from '#cw/jobs';
import { ReportsModule } from '#cw/reports';
import { CorridorRecordService } from './corridor-record.service.js';
import { CorridorService } from './corridor.service.js';

@Module({
  imports: [IdempotencyModule, JobsModule, AuditModule, ReportsModule],
  providers: [CorridorService, CorridorRecordService],
  exports: [CorridorService, CorridorRecordService],
})
export class CorridorsModule {}
