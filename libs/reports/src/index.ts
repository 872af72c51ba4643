export { CountDto } from './dto/count.dto.js';
export {
  ConfirmationCreateDto,
  EvacuationCreateDto,
  IncidentCreateDto,
  RemainingCreateDto,
} from './dto/report-create.dto.js';
export { ReportService } from './report.service.js';
export { ReportsModule } from './reports.module.js';
