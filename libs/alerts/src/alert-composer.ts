import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { AppConfig } from '#cw/config';
import {
  describeCount,
  formatInZone as formatInZoneUncached,
  partiesNeverConfirmed,
  windowConfirmationState,
  type StatedConfirmation,
} from '#cw/domain';
import type { AlertCorridor, AlertFlag, DigestFacts, SubscriptionEntity } from '#cw/persistence';
import { reachesSeverity } from './severity.js';
import { filterOf, matchesCorridor } from './subscription-filter.js';
import { DIGEST_HTML, DIGEST_TEXT } from './templates/digest.templates.js';
import { FLAG_ALERT_HTML, FLAG_ALERT_TEXT } from './templates/flag-alert.templates.js';

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

const RULES: Record<string, { title: string; explanation: string }> = {
  never_confirmed: {
    title: 'promise never confirmed',
    explanation:
      'The window has ended and a party whose confirmation it needed never confirmed it: the promise was not kept.',
  },
  unconfirmed_at_deadline: {
    title: 'not confirmed at the deadline',
    explanation:
      'The confirmation deadline before the window has passed and a required party has not confirmed.',
  },
  rejected: { title: 'rejected', explanation: 'A party whose confirmation the corridor needs rejected it.' },
  no_evacuation_reported: {
    title: 'no evacuation reported',
    explanation: 'The window ended some hours ago and no evacuation has been reported for it.',
  },
  count_discrepancy: {
    title: 'figures disagree',
    explanation:
      'Evacuation figures from different sources for this window disagree by more than the allowed ratio.',
  },
};
const COLOURS: Record<string, string> = { critical: '#b00020', warning: '#9a5b00', info: '#245' };
// What became of the promise, in words: "completed" never stands alone, a broken promise never reads as a success.
const PROMISES: Record<string, string> = {
  pending: 'not settled yet (a window is still ahead or running)',
  kept: 'kept: every required party confirmed and people moved',
  unconfirmed: 'unconfirmed: people moved, but a required party never confirmed',
  broken: 'broken: a required party rejected it, or nobody is reported to have moved',
  cancelled: 'cancelled',
};
const STANCES: Record<string, string> = {
  confirmed: 'confirmed',
  rejected: 'rejected',
  conditional: 'conditional',
};

const compile = (source: string, isHtml: boolean) =>
  Handlebars.compile(source, { noEscape: !isHtml, strict: false, preventIndent: true });
const templates = {
  flagText: compile(FLAG_ALERT_TEXT, false),
  flagHtml: compile(FLAG_ALERT_HTML, true),
  digestText: compile(DIGEST_TEXT, false),
  digestHtml: compile(DIGEST_HTML, true),
};

/** Writes alert e-mails from templates; every value from a report goes through the HTML template's escaping. */
@Injectable()
export class AlertComposer {
  constructor(private readonly config: AppConfig) {}

  corridorUrl(corridorId: string): string {
    return `${this.config.PUBLIC_URL.replace(/\/$/, '')}/corridors/${corridorId}`;
  }

  flagAlert(
    subscription: SubscriptionEntity,
    flag: AlertFlag,
    corridor: AlertCorridor,
    unsubscribeUrl: string,
  ): ComposedMail {
    const zone = subscription.timezone;
    const rule = RULES[flag.rule] ?? { title: flag.rule, explanation: '' };
    const window = { startsAt: flag.windowStartsAt, endsAt: flag.windowEndsAt };
    const isOpenEnded = flag.windowIsOpenEnded;
    const view = {
      severityLabel: flag.severity.toUpperCase(),
      severityColour: COLOURS[flag.severity] ?? '#245',
      ruleTitle: rule.title,
      ruleExplanation: rule.explanation,
      corridor: this.corridorView(corridor),
      window: {
        subscriberZone: spanInZone(window.startsAt, window.endsAt, zone, isOpenEnded),
        corridorZone: spanInZone(window.startsAt, window.endsAt, corridor.timezone, isOpenEnded),
      },
      notConfirmedBy: this.notConfirmedBy(flag, corridor),
      confirmations: corridor.confirmations
        .filter((c) => c.statedAt.getTime() < window.endsAt.getTime())
        .map((c) => ({
          party: c.partyName,
          stance: STANCES[c.stance] ?? c.stance,
          reportedBy: c.reportedByName,
          statedAt: formatInZone(c.statedAt, zone),
          note: c.note,
        })),
      email: subscription.email,
      subscriptionLabel: this.subscriptionLabel(subscription),
      subscriberZone: zone,
      unsubscribeUrl,
    };
    return {
      subject: `[Corridor Watch] ${view.severityLabel}: ${corridor.name} - ${rule.title}`,
      text: templates.flagText(view),
      html: templates.flagHtml(view),
    };
  }

  digest(
    subscription: SubscriptionEntity,
    day: string,
    from: Date,
    to: Date,
    facts: DigestFacts,
    unsubscribeUrl: string,
  ): ComposedMail {
    const zone = subscription.timezone;
    const filter = filterOf(subscription);
    const corridorOf = (id: string) => {
      const corridor = facts.corridors.get(id);
      return corridor && matchesCorridor(filter, corridor) ? corridor : undefined;
    };
    const windows = facts.windows.flatMap((w) => {
      const corridor = corridorOf(w.corridorId);
      if (!corridor) return [];
      const state = windowConfirmationState(
        w,
        corridor.requiredParties.map((p) => p.id),
        confirmationsOf(corridor),
        this.config.CONFIRMATION_LEAD_MINUTES,
        to,
      );
      const names = new Map(corridor.requiredParties.map((p) => [p.id, p.name]));
      return [
        {
          corridorName: corridor.name,
          standing: standingOf(corridor),
          url: this.corridorUrl(corridor.id),
          subscriberZone: spanInZone(w.startsAt, w.endsAt, zone, w.isOpenEnded),
          corridorZone: spanInZone(w.startsAt, w.endsAt, corridor.timezone, w.isOpenEnded),
          status: state.status,
          parties: state.parties.map((p) => ({
            name: names.get(p.partyId) ?? p.partyId,
            stance: p.stance ? (STANCES[p.stance] ?? p.stance) : 'not heard',
          })),
        },
      ];
    });
    const flagLine = (e: DigestFacts['flagEvents'][number]) => {
      const corridor = corridorOf(e.corridorId);
      if (!corridor || !reachesSeverity(e.severity, subscription.minSeverity)) return [];
      return [
        {
          corridorName: corridor.name,
          standing: standingOf(corridor),
          url: this.corridorUrl(corridor.id),
          rule: RULES[e.rule]?.title ?? e.rule,
          severity: e.severity,
          window: spanInZone(e.windowStartsAt, e.windowEndsAt, zone, e.windowIsOpenEnded),
        },
      ];
    };
    const raised = facts.flagEvents.filter((e) => e.kind === 'raised').flatMap(flagLine);
    const resolved = facts.flagEvents.filter((e) => e.kind === 'resolved').flatMap(flagLine);
    const byCorridor = new Map<string, DigestFacts['evacuations']>();
    for (const e of facts.evacuations) {
      if (!corridorOf(e.corridorId)) continue;
      byCorridor.set(e.corridorId, [...(byCorridor.get(e.corridorId) ?? []), e]);
    }
    const evacuations = [...byCorridor].map(([corridorId, claims]) => {
      const corridor = facts.corridors.get(corridorId)!;
      const figures = claims.flatMap((c) =>
        c.qualifier === 'range' && c.max != null ? [c.value, c.max] : [c.value],
      );
      const low = Math.min(...figures);
      const high = Math.max(...figures);
      const total =
        corridor.evacuationLow != null
          ? `; all reports so far ${corridor.evacuationLow === corridor.evacuationHigh ? corridor.evacuationLow : `${corridor.evacuationLow}-${corridor.evacuationHigh ?? corridor.evacuationLow}`}`
          : '';
      return {
        corridorName: corridor.name,
        standing: standingOf(corridor),
        url: this.corridorUrl(corridorId),
        range: `${low === high ? `${low}` : `${low}-${high}`} according to the sources${total}`,
        claims: claims.map((c) => ({
          source: c.sourcePartyName,
          count: describeCount({ qualifier: c.qualifier as never, value: c.value, max: c.max ?? undefined }),
          category: c.category,
          reportedAt: formatInZone(c.reportedAt, zone),
          note: c.note,
        })),
      };
    });
    const view = {
      day,
      isEmpty: windows.length + raised.length + resolved.length + evacuations.length === 0,
      periodFrom: formatInZone(from, zone),
      periodTo: formatInZone(to, zone),
      windows,
      raised,
      resolved,
      evacuations,
      subscriberZone: zone,
      unsubscribeUrl,
    };
    return {
      subject: view.isEmpty
        ? `[Corridor Watch] Digest ${day}: nothing to report`
        : `[Corridor Watch] Digest ${day}: ${windows.length} windows, ${raised.length} flags raised`,
      text: templates.digestText(view),
      html: templates.digestHtml(view),
    };
  }

  private corridorView(corridor: AlertCorridor) {
    const destination = corridor.destinationName ? `to ${corridor.destinationName}` : 'in any direction';
    return {
      name: corridor.name,
      url: this.corridorUrl(corridor.id),
      promise: `A corridor from ${corridor.originName} ${destination}.`,
      status: corridor.status,
      promiseOutcome: PROMISES[corridor.promise] ?? corridor.promise,
      announcedBy: corridor.announcedByName,
      announcedAtLocal: formatInZone(corridor.announcedAt, corridor.timezone),
      sourceNote: corridor.sourceNote,
      sourceUrl: corridor.sourceUrl,
      sourceHref: corridor.sourceUrl && /^https?:\/\//i.test(corridor.sourceUrl) ? corridor.sourceUrl : null,
    };
  }

  private notConfirmedBy(flag: AlertFlag, corridor: AlertCorridor): string[] {
    const names = new Map(corridor.requiredParties.map((p) => [p.id, p.name]));
    const window = { startsAt: flag.windowStartsAt, endsAt: flag.windowEndsAt };
    const required = corridor.requiredParties.map((p) => p.id);
    const ids =
      flag.rule === 'never_confirmed'
        ? partiesNeverConfirmed(window, required, confirmationsOf(corridor))
        : windowConfirmationState(
            window,
            required,
            confirmationsOf(corridor),
            this.config.CONFIRMATION_LEAD_MINUTES,
            flag.raisedAt,
          )
            .parties.filter((p) => p.stance !== 'confirmed')
            .map((p) => p.partyId);
    return ids.map((id) => names.get(id) ?? id);
  }

  private subscriptionLabel(subscription: SubscriptionEntity): string {
    return subscription.mode === 'daily'
      ? `daily digest at ${String(subscription.digestHour).padStart(2, '0')}:00 ${subscription.timezone}`
      : `immediate, ${subscription.minSeverity} and above`;
  }
}

// Every subscriber of a digest run reads the same instants in a few zones: format each once.
const formatted = new Map<string, string>();
function formatInZone(at: Date, zone: string): string {
  const key = `${at.getTime()}|${zone}`;
  let text = formatted.get(key);
  if (text === undefined) {
    if (formatted.size >= 20_000) formatted.clear();
    text = formatInZoneUncached(at, zone);
    formatted.set(key, text);
  }
  return text;
}

/** A window's span; an open-ended one says it has no end, and when it is judged. */
function spanInZone(startsAt: Date, endsAt: Date, zone: string, isOpenEnded = false): string {
  return isOpenEnded
    ? `${formatInZone(startsAt, zone)} onwards, no end announced (judged as ending ${formatInZone(endsAt, zone)})`
    : `${formatInZone(startsAt, zone)} to ${formatInZone(endsAt, zone)}`;
}

/** "completed, promise unconfirmed": a status is never shown without its promise. */
function standingOf(corridor: AlertCorridor): string {
  return `${corridor.status}, promise ${corridor.promise}`;
}

function confirmationsOf(corridor: AlertCorridor): StatedConfirmation[] {
  return corridor.confirmations as StatedConfirmation[];
}
