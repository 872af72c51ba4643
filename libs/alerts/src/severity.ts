import type { FlagSeverity } from '#cw/domain';

const RANK: Record<FlagSeverity, number> = { info: 0, warning: 1, critical: 2 };

/** Whether a flag of `severity` reaches a subscription's minimum severity. */
export function reachesSeverity(severity: string, minimum: string): boolean {
  return (RANK[severity as FlagSeverity] ?? -1) >= (RANK[minimum as FlagSeverity] ?? 99);
}
