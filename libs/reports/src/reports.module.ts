import { Module } from '@nestjs/common';
import { CorridorsModule } from '#cw/corridors';
import { IdempotencyModule } from '#cw/idempotency';
import { ReportService } from './report.service.js';

@Module({
  imports: [CorridorsModule, IdempotencyModule],
  providers: [ReportService],
  exports: [ReportService],
})
export class ReportsModule {}
