/** A claim that may name the window it is about; one naming none is placed by when it was reported. */
export interface AttributableClaim {
  windowId: string | null;
  reportedAt: Date;
}

export interface AttributableWindow {
  id: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * Which window each claim counts for. A claim naming its window counts for it. A claim naming none counts for the
 * window whose [start, end + grace) holds its reportedAt — the latest-starting one when several do — and for no
 * window when none does. Every window of `windows` is a key of the answer, with its claims in input order.
 */
export function attributeClaims<C extends AttributableClaim>(
  windows: readonly AttributableWindow[],
  claims: readonly C[],
  graceHours: number,
): Map<string, C[]> {
  const byWindow = new Map<string, C[]>(windows.map((w) => [w.id, []]));
  const graceMs = graceHours * 3_600_000;
  let latestFirst: AttributableWindow[] | undefined; // sorted only when a claim names no window
  for (const claim of claims) {
    let windowId = claim.windowId;
    if (windowId === null) {
      const at = claim.reportedAt.getTime();
      latestFirst ??= [...windows].sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
      windowId =
        latestFirst.find((w) => w.startsAt.getTime() <= at && at < w.endsAt.getTime() + graceMs)?.id ?? null;
    }
    if (windowId !== null) byWindow.get(windowId)?.push(claim);
  }
  return byWindow;
}
