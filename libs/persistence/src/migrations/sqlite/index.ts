import { Initial1795620003717 } from './1795620003717-Initial.js';

export const SQLITE_MIGRATIONS = [Initial1795620003717];
