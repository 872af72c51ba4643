import { Module } from '@nestjs/common';
import { AuditModule } from '#cw/audit';
import { CorridorsModule } from '#cw/corridors';
import { JobsModule } from '#cw/jobs';
import { ReportsModule } from '#cw/reports';
import { ImportRowReader } from './import-row-reader.service.js';
import { ImportRowWriter } from './import-row-writer.service.js';
import { ImportService } from './import.service.js';

@Module({
  imports: [AuditModule, CorridorsModule, ReportsModule, JobsModule],
  providers: [ImportService, ImportRowReader, ImportRowWriter],
  exports: [ImportService],
})
export class ImportsModule {}
