export { FlagAcknowledgeDto } from './dto/flag-acknowledge.dto.js';
export { FlagAcknowledgeManyDto, MAX_FLAGS_PER_ACKNOWLEDGEMENT } from './dto/flag-acknowledge-many.dto.js';
export { FlagListQueryDto } from './dto/flag-list-query.dto.js';
export {
  FlagAcknowledgedDto,
  FlagAcknowledgerDto,
  FlagPageDto,
  FlagResponseDto,
  toFlagResponse,
} from './dto/flag-response.dto.js';
export { TrackRecordDto } from './dto/track-record.dto.js';
export { FlagEvaluationService, type EvaluationOutcome, type WindowDue } from './flag-evaluation.service.js';
export { FlagSweepService, type SweepOutcome } from './flag-sweep.service.js';
export { FlagService } from './flag.service.js';
export { FlagsModule } from './flags.module.js';
export { TrackRecordService } from './track-record.service.js';
export { windowInstants } from './window-facts.js';
