import type { CorridorPromise, CorridorStatus } from '../api/types';

/** How a corridor's badge looks: only `ok` is green. */
export type Tone = 'ok' | 'warning' | 'critical' | 'neutral';

// While the promise is pending, what the status says of it: only every required party's confirmation is good news;
// "open" says nothing of who agreed, so it is neutral.
const PENDING_TONE: Record<CorridorStatus, Tone> = {
  announced: 'warning',
  confirmed: 'ok',
  disputed: 'critical',
  open: 'neutral',
  completed: 'neutral',
  failed: 'critical',
  cancelled: 'neutral',
};

/**
 * The promise decides once settled, whatever the status: green only when kept (every required party confirmed and
 * people moved); a `completed` corridor whose promise is unconfirmed or broken never looks like a success.
 */
export function corridorTone(status: CorridorStatus, promise: CorridorPromise | undefined): Tone {
  switch (promise) {
    case 'kept':
      return 'ok';
    case 'unconfirmed':
      return 'warning';
    case 'broken':
      return 'critical';
    case 'cancelled':
      return 'neutral';
    default:
      return PENDING_TONE[status] ?? 'neutral';
  }
}
