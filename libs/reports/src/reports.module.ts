import { Module } from '@nestjs/common';
import { AuditModule } from '#cw/audit';
import { CorridorsModule } from '#cw/corridors';
import { IdempotencyModule } from '#cw/idempotency';
import { JobsModule } from '#cw/jobs';
import { WebhookEventsModule } from '#cw/webhooks';
import { ReportCorrectionService } from './report-correction.service.js';
import { ReportService } from './report.service.js';

@Module({
  imports: [CorridorsModule, IdempotencyModule, JobsModule, AuditModule, WebhookEventsModule],
  providers: [ReportService, ReportCorrectionService],
  exports: [ReportService, ReportCorrectionService],
})
export class ReportsModule {}
