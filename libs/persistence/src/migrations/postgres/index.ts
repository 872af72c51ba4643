import { Initial1795620003717 } from './1795620003717-Initial.js';
import { AccountsAuditFlags1795621505114 } from './1795621505114-AccountsAuditFlags.js';
import { CorridorCancelledBy1795622282914 } from './1795622282914-CorridorCancelledBy.js';
import { Alerts1795624748822 } from './1795624748822-Alerts.js';
import { DropUnusedReportIndexes1795631010131 } from './1795631010131-DropUnusedReportIndexes.js';
import { ReportVersions1796384819195 } from './1796384819195-ReportVersions.js';
import { Webhooks1796526003471 } from './1796526003471-Webhooks.js';
import { Sharing1796526080960 } from './1796526080960-Sharing.js';
import { ClaimMeasuresGrades1797100000000 } from './1797100000000-ClaimMeasuresGrades.js';

export const POSTGRES_MIGRATIONS = [
  Initial1795620003717,
  AccountsAuditFlags1795621505114,
  CorridorCancelledBy1795622282914,
  Alerts1795624748822,
  DropUnusedReportIndexes1795631010131,
  ReportVersions1796384819195,
  Webhooks1796526003471,
  Sharing1796526080960,
  ClaimMeasuresGrades1797100000000,
];
