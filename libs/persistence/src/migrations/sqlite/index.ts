import { Initial1795620003717 } from './1795620003717-Initial.js';
import { AccountsAuditFlags1795621505114 } from './1795621505114-AccountsAuditFlags.js';

export const SQLITE_MIGRATIONS = [Initial1795620003717, AccountsAuditFlags1795621505114];
