import { Module } from '@nestjs/common';
import { AlertsModule } from '#cw/alerts';
import { AuditModule } from '#cw/audit';
import { CorridorsModule } from '#cw/corridors';
import { JobsModule } from '#cw/jobs';
import { EmbargoLiftService } from './embargo-lift.service.js';

/** The worker's side of embargoes: lifting them when due. Who sees what is libs/domain's rule, read everywhere. */
@Module({
  imports: [CorridorsModule, AuditModule, AlertsModule, JobsModule],
  providers: [EmbargoLiftService],
  exports: [EmbargoLiftService],
})
export class EmbargoModule {}
