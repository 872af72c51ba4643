export { CountDto } from './dto/count.dto.js';
export {
  ConfirmationCreateDto,
  EvacuationCreateDto,
  IncidentCreateDto,
  RemainingCreateDto,
} from './dto/report-create.dto.js';
export {
  ConfirmationUpdateDto,
  EvacuationUpdateDto,
  IncidentUpdateDto,
  RemainingUpdateDto,
} from './dto/report-update.dto.js';
export { ReportRetractDto, RetractionResponseDto } from './dto/report-retract.dto.js';
export { ReportCorrectionService } from './report-correction.service.js';
export { ReportService } from './report.service.js';
export { ReportsModule } from './reports.module.js';
