import type { FlagSeverity } from '#cw/domain';

/** Most severe first: the order a coordinator reads flags in. */
export const FLAG_SEVERITY_RANK: Readonly<Record<FlagSeverity, number>> = {
  critical: 0,
  warning: 1,
  info: 2,
};

/** FLAG_SEVERITY_RANK in SQL, on the flag aliased `f`. */
export const FLAG_SEVERITY_RANK_SQL = `CASE f.severity ${Object.entries(FLAG_SEVERITY_RANK)
  .map(([severity, rank]) => `WHEN '${severity}' THEN ${rank}`)
  .join(' ')} END`;
