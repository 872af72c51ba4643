export { CorridorStateService, toStated } from './corridor-state.service.js';
export { CountDto } from './dto/count.dto.js';
export {
  ConfirmationCreateDto,
  EvacuationCreateDto,
  IncidentCreateDto,
  RemainingCreateDto,
} from './dto/report-create.dto.js';
export {
  ConfirmationResponseDto,
  CountResponseDto,
  EvacuationReportResponseDto,
  IncidentResponseDto,
  RemainingReportResponseDto,
  toCountResponse,
} from './dto/report-response.dto.js';
export {
  ConfirmationUpdateDto,
  EvacuationUpdateDto,
  IncidentUpdateDto,
  RemainingUpdateDto,
} from './dto/report-update.dto.js';
export { ReportRetractDto, RetractionResponseDto } from './dto/report-retract.dto.js';
export { ReportCorrectionService, type ReportCorrection } from './report-correction.service.js';
export {
  REPORT_KIND_DESCRIPTIONS,
  REPORT_KIND_NAMES,
  toReportResponse,
  type ClaimTimelineEvent,
  type ClaimView,
  type ReportKindDescription,
  type ReportResponse,
} from './report-kinds.js';
export { ReportService } from './report.service.js';
export { ReportsModule } from './reports.module.js';
