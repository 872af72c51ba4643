import { Module } from '@nestjs/common';
import { AuditModule } from '#cw/audit';
import { ExportService } from './export.service.js';

@Module({
  imports: [AuditModule],
  providers: [ExportService],
  exports: [ExportService],
})
export class ExportsModule {}
