import { Module } from '@nestjs/common';
import { AuditModule } from '#cw/audit';
import { IdempotencyModule } from '#cw/idempotency';
import { JobsModule } from '#cw/jobs';
import { WebhookEventsModule } from '#cw/webhooks';
import { CorridorStateService } from './corridor-state.service.js';
import { ReportCorrectionService } from './report-correction.service.js';
import { ReportService } from './report.service.js';

@Module({
  imports: [IdempotencyModule, JobsModule, AuditModule, WebhookEventsModule],
  providers: [ReportService, ReportCorrectionService, CorridorStateService],
  exports: [ReportService, ReportCorrectionService, CorridorStateService],
})
export class ReportsModule {}
