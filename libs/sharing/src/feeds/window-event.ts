import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { WindowConfirmationState } from '#cw/domain';
import type { ExportWindowRow } from '#cw/persistence';

/** What a window's VEVENT says, SEQUENCE and DTSTAMP aside: any change to it raises the SEQUENCE. */
export interface WindowEventContent {
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location: string;
  url: string;
  status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
}

const STANCE_WORDS = {
  confirmed: 'confirmed',
  rejected: 'rejected',
  conditional: 'confirmed with conditions',
};

/**
 * A window as a calendar event: times in UTC, the corridor's own zone named in the description with the local
 * hours, its status, and each required party's stance. CONFIRMED only when every required party confirmed.
 */
export function windowEventContent(
  window: ExportWindowRow,
  confirmation: WindowConfirmationState,
  partyNames: ReadonlyMap<string, string>,
  publicUrl: string,
): WindowEventContent {
  const url = `${publicUrl.replace(/\/$/, '')}/corridors/${window.corridorId}`;
  const local = (at: Date) => DateTime.fromJSDate(at, { zone: window.timezone });
  const start = local(window.startsAt);
  const end = local(window.endsAt);
  const sameDay = start.hasSame(end, 'day');
  const localHours = window.isOpenEnded
    ? `${start.toFormat('ccc d LLL yyyy HH:mm')} onwards, no end announced (judged as ending ${end.toFormat('ccc d LLL yyyy HH:mm')})`
    : `${start.toFormat('ccc d LLL yyyy HH:mm')} – ${end.toFormat(sameDay ? 'HH:mm' : 'ccc d LLL yyyy HH:mm')}`;
  const stances = confirmation.parties.map((party) => {
    const name = partyNames.get(party.partyId) ?? party.partyId;
    if (!party.stance) return `- ${name}: no stance stated`;
    const said = party.statedAt ? ` (stated ${party.statedAt.toISOString().replace(/\.\d{3}Z$/, 'Z')})` : '';
    return `- ${name}: ${STANCE_WORDS[party.stance]}${said}`;
  });
  const description = [
    window.isCancelled ? 'This corridor was cancelled.' : null,
    `Corridor status: ${window.corridorStatus}, promise ${window.corridorPromise}. This window's confirmations: ${confirmation.status}.`,
    `From ${window.originName} to ${window.destinationName ?? 'no destination named'}.`,
    `Announced by ${window.announcedByName}.`,
    `Local time (${window.timezone}): ${localHours}.`,
    stances.length ? `Required confirmations:\n${stances.join('\n')}` : 'No party must confirm it.',
    `Corridor page: ${url}`,
  ]
    .filter((line) => line !== null)
    .join('\n');
  return {
    uid: `${window.id}@${new URL(publicUrl).hostname}`,
    start: window.startsAt,
    end: window.endsAt,
    summary: window.corridorName,
    description,
    location: `${window.originName} → ${window.destinationName ?? '?'}`,
    url,
    status: window.isCancelled
      ? 'CANCELLED'
      : confirmation.status === 'confirmed'
        ? 'CONFIRMED'
        : 'TENTATIVE',
  };
}

export function contentHash(content: WindowEventContent): string {
  return createHash('sha256')
    .update(JSON.stringify({ ...content, start: content.start.getTime(), end: content.end.getTime() }))
    .digest('hex');
}
