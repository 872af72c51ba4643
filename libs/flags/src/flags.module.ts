import { Module } from '@nestjs/common';
import { AuditModule } from '#cw/audit';
import { FlagEvaluationService } from './flag-evaluation.service.js';
import { FlagSweepService } from './flag-sweep.service.js';
import { FlagService } from './flag.service.js';
import { TrackRecordService } from './track-record.service.js';

/** Flags: raised by the worker's evaluation and sweep, read and acknowledged through the api. */
@Module({
  imports: [AuditModule],
  providers: [FlagEvaluationService, FlagSweepService, FlagService, TrackRecordService],
  exports: [FlagEvaluationService, FlagSweepService, FlagService, TrackRecordService],
})
export class FlagsModule {}
