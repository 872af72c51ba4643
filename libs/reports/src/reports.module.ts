import { Module } from '@nestjs/common';
import { AuditModule } from '#cw/audit';
import { CorridorsModule } from '#cw/corridors';
import { IdempotencyModule } from '#cw/idempotency';
import { JobsModule } from '#cw/jobs';
import { ReportService } from './report.service.js';

@Module({
  imports: [CorridorsModule, IdempotencyModule, JobsModule, AuditModule],
  providers: [ReportService],
  exports: [ReportService],
})
export class ReportsModule {}
