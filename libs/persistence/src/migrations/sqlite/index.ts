import { Initial1795620003717 } from './1795620003717-Initial.js';
import { AccountsAuditFlags1795621505114 } from './1795621505114-AccountsAuditFlags.js';
import { CorridorCancelledBy1795622282914 } from './1795622282914-CorridorCancelledBy.js';
import { Alerts1795624748822 } from './1795624748822-Alerts.js';
import { DropUnusedReportIndexes1795631010131 } from './1795631010131-DropUnusedReportIndexes.js';
import { ReportVersions1796384819195 } from './1796384819195-ReportVersions.js';
import { Webhooks1796526003471 } from './1796526003471-Webhooks.js';
import { Sharing1796526080960 } from './1796526080960-Sharing.js';
import { PlacesOperations1797300000000 } from './1797300000000-PlacesOperations.js';
import { ApiKeyParent1797400000000 } from './1797400000000-ApiKeyParent.js';
import { Embargo1797600000000 } from './1797600000000-Embargo.js';
import { CorridorPromise1797650000000 } from './1797650000000-CorridorPromise.js';
import { ClaimMeasuresGrades1797660000000 } from './1797660000000-ClaimMeasuresGrades.js';
import { AwaitingFlags1797700000000 } from './1797700000000-AwaitingFlags.js';
import { PlaceTimeZones1797711000000 } from './1797711000000-PlaceTimeZones.js';
import { Languages1797712000000 } from './1797712000000-Languages.js';

export const SQLITE_MIGRATIONS = [
  Initial1795620003717,
  AccountsAuditFlags1795621505114,
  CorridorCancelledBy1795622282914,
  Alerts1795624748822,
  DropUnusedReportIndexes1795631010131,
  ReportVersions1796384819195,
  Webhooks1796526003471,
  Sharing1796526080960,
  PlacesOperations1797300000000,
  ApiKeyParent1797400000000,
  Embargo1797600000000,
  CorridorPromise1797650000000,
  ClaimMeasuresGrades1797660000000,
  AwaitingFlags1797700000000,
  PlaceTimeZones1797711000000,
  Languages1797712000000,
];
