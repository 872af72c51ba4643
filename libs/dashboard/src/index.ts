export { DashboardLibModule } from './dashboard.module.js';
export { DashboardQueryDto } from './dto/dashboard-query.dto.js';
export { DASHBOARD_HORIZON_HOURS, DashboardService } from './dashboard.service.js';
export {
  DashboardConfirmationStateDto,
  DashboardCorridorDto,
  DashboardDto,
  DashboardEvacuationDayDto,
  DashboardEvacuationsDto,
  DashboardFiguresDto,
  DashboardFlagCountsDto,
  DashboardFlagDto,
  DashboardFlagsDto,
  DashboardPeriodDto,
  DashboardPartyStateDto,
  DashboardWindowDto,
} from './dto/dashboard-response.dto.js';
