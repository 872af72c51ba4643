export { DashboardLibModule } from './dashboard.module.js';
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
  DashboardPartyStateDto,
  DashboardWindowDto,
} from './dto/dashboard-response.dto.js';
