import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { AppConfig } from '#cw/config';
import {
  DEFAULT_LANGUAGE,
  describeCountIn,
  describePeople,
  formatInZone as formatInZoneUncached,
  isLanguage,
  oneOf,
  partiesNeverConfirmed,
  POPULATION_CATEGORIES,
  windowConfirmationState,
  type Language,
  type StatedConfirmation,
} from '#cw/domain';
import type { AlertCorridor, AlertFlag, DigestFacts, SubscriptionEntity } from '#cw/persistence';
import { reachesSeverity } from './severity.js';
import { filterOf, matchesCorridor } from './subscription-filter.js';
import { DIGEST_HTML, DIGEST_TEXT } from './templates/digest.templates.js';
import { FLAG_ALERT_HTML, FLAG_ALERT_TEXT } from './templates/flag-alert.templates.js';
import { MAIL_WORDS, type MailWords } from './templates/mail-words.js';

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

const COLOURS: Record<string, string> = { critical: '#b00020', warning: '#9a5b00', info: '#245' };
const word = (words: Record<string, string>, key: string) => words[key] ?? key;

/** The subscription's language; a value stored before languages, or unknown, reads as English. */
function languageOf(subscription: SubscriptionEntity): Language {
  return isLanguage(subscription.language) ? subscription.language : DEFAULT_LANGUAGE;
}

/** A place's name in the reader's language when it has one. */
function placeName(name: string, names: Record<string, string>, language: Language): string {
  return names[language] ?? name;
}

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
    const language = languageOf(subscription);
    const w = MAIL_WORDS[language];
    const zone = subscription.timezone;
    const rule = w.rules[flag.rule] ?? { title: flag.rule, explanation: '' };
    const isOpenEnded = flag.windowIsOpenEnded;
    const span = (inZone: string) =>
      spanInZone(flag.windowStartsAt, flag.windowEndsAt, inZone, language, isOpenEnded);
    const severityLabel = word(w.severities, flag.severity);
    const view = {
      lang: language,
      w: { ...w.flag, unsubscribe: w.unsubscribe },
      severityLabel,
      severityColour: COLOURS[flag.severity] ?? '#245',
      ruleTitle: rule.title,
      ruleExplanation: rule.explanation,
      corridor: this.corridorView(corridor, language, zone),
      // The subscriber's zone, then the place's when it is another.
      window: corridor.placeTimezone === zone ? [span(zone)] : [span(zone), span(corridor.placeTimezone)],
      notConfirmedBy: this.notConfirmedBy(flag, corridor),
      confirmations: corridor.confirmations
        .filter((c) => c.statedAt.getTime() < flag.windowEndsAt.getTime())
        .map((c) => ({
          party: c.partyName,
          stance: word(w.stances, c.stance),
          reportedBy: c.reportedByName ? w.flag.asReportedBy(c.reportedByName) : null,
          statedAt: formatInZone(c.statedAt, zone, language),
          note: c.note,
        })),
      youReceive: w.flag.youReceive(subscription.email, subscriptionLabel(subscription, w)),
      timesAre: w.flag.timesAre(zone),
      unsubscribeUrl,
    };
    return {
      subject: w.flag.subject(severityLabel, corridor.name, rule.title),
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
    const language = languageOf(subscription);
    const w = MAIL_WORDS[language];
    const zone = subscription.timezone;
    const filter = filterOf(subscription);
    // "completed, promise unconfirmed": a status is never shown without its promise.
    const standing = (corridor: AlertCorridor) =>
      w.standing(word(w.statuses, corridor.status), word(w.promiseNames, corridor.promise));
    const corridorOf = (id: string) => {
      const corridor = facts.corridors.get(id);
      return corridor && matchesCorridor(filter, corridor) ? corridor : undefined;
    };
    const windows = facts.windows.flatMap((window) => {
      const corridor = corridorOf(window.corridorId);
      if (!corridor) return [];
      const state = windowConfirmationState(
        window,
        corridor.requiredParties.map((p) => p.id),
        confirmationsOf(corridor),
        this.config.CONFIRMATION_LEAD_MINUTES,
        to,
      );
      const names = new Map(corridor.requiredParties.map((p) => [p.id, p.name]));
      return [
        {
          corridorName: corridor.name,
          standing: standing(corridor),
          url: this.corridorUrl(corridor.id),
          subscriberZone: spanInZone(window.startsAt, window.endsAt, zone, language, window.isOpenEnded),
          placeZone:
            corridor.placeTimezone === zone
              ? null
              : spanInZone(
                  window.startsAt,
                  window.endsAt,
                  corridor.placeTimezone,
                  language,
                  window.isOpenEnded,
                ),
          status: word(w.confirmationStates, state.status),
          parties: state.parties.map((p) => ({
            name: names.get(p.partyId) ?? p.partyId,
            stance: p.stance ? word(w.stances, p.stance) : w.notHeard,
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
          standing: standing(corridor),
          url: this.corridorUrl(corridor.id),
          rule: w.rules[e.rule]?.title ?? e.rule,
          severity: word(w.severities, e.severity).toLowerCase(),
          window: spanInZone(e.windowStartsAt, e.windowEndsAt, zone, language, e.windowIsOpenEnded),
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
          ? corridor.evacuationLow === corridor.evacuationHigh
            ? `${corridor.evacuationLow}`
            : `${corridor.evacuationLow}-${corridor.evacuationHigh ?? corridor.evacuationLow}`
          : null;
      return {
        corridorName: corridor.name,
        standing: standing(corridor),
        url: this.corridorUrl(corridorId),
        range: w.digest.range(low === high ? `${low}` : `${low}-${high}`, total),
        claims: claims.map((c) => {
          const count = { qualifier: c.qualifier as never, value: c.value, max: c.max ?? undefined };
          const isCategory = (POPULATION_CATEGORIES as readonly string[]).includes(c.category);
          return {
            source: c.sourcePartyName,
            people: isCategory
              ? describePeople(count, oneOf(POPULATION_CATEGORIES, c.category, 'category'), language)
              : `${describeCountIn(count, language)} ${c.category}`,
            reportedAt: formatInZone(c.reportedAt, zone, language),
            note: c.note,
          };
        }),
      };
    });
    const isEmpty = windows.length + raised.length + resolved.length + evacuations.length === 0;
    const view = {
      lang: language,
      w: { ...w.digest, unsubscribe: w.unsubscribe },
      title: w.digest.title(day),
      isEmpty,
      nothingSince: w.digest.nothingSince(formatInZone(from, zone, language)),
      covering: w.digest.covering(formatInZone(from, zone, language), formatInZone(to, zone, language)),
      windows,
      raised,
      resolved,
      evacuations,
      timesAre: w.digest.timesAre(zone),
      unsubscribeUrl,
    };
    return {
      subject: isEmpty ? w.digest.emptySubject(day) : w.digest.subject(day, windows.length, raised.length),
      text: templates.digestText(view),
      html: templates.digestHtml(view),
    };
  }

  /** What a mail says of its corridor; the announcement's time in the place's zone and the reader's, each named. */
  private corridorView(corridor: AlertCorridor, language: Language, readerZone: string) {
    const w = MAIL_WORDS[language];
    const destination =
      corridor.destinationName === null
        ? null
        : placeName(corridor.destinationName, corridor.destinationNames, language);
    return {
      name: corridor.name,
      url: this.corridorUrl(corridor.id),
      promise: w.corridorFrom(placeName(corridor.originName, corridor.originNames, language), destination),
      standing: w.flag.status(word(w.statuses, corridor.status), word(w.promises, corridor.promise)),
      announced: w.flag.announced(
        corridor.announcedByName,
        [corridor.placeTimezone, ...(readerZone === corridor.placeTimezone ? [] : [readerZone])]
          .map((zone) => formatInZone(corridor.announcedAt, zone, language))
          .join('; '),
      ),
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
}

function subscriptionLabel(subscription: SubscriptionEntity, w: MailWords): string {
  return subscription.mode === 'daily'
    ? w.daily(subscription.digestHour ?? 0, subscription.timezone)
    : w.immediate(word(w.severities, subscription.minSeverity).toLowerCase());
}

// Every subscriber of a digest run reads the same instants in a few zones: format each once.
const formatted = new Map<string, string>();
function formatInZone(at: Date, zone: string, language: Language): string {
  const key = `${at.getTime()}|${zone}|${language}`;
  let text = formatted.get(key);
  if (text === undefined) {
    if (formatted.size >= 20_000) formatted.clear();
    text = formatInZoneUncached(at, zone, language);
    formatted.set(key, text);
  }
  return text;
}

/** A window's span; an open-ended one says it has no end, and when it is judged. */
function spanInZone(
  startsAt: Date,
  endsAt: Date,
  zone: string,
  language: Language,
  isOpenEnded = false,
): string {
  const w = MAIL_WORDS[language];
  const from = formatInZone(startsAt, zone, language);
  const to = formatInZone(endsAt, zone, language);
  return isOpenEnded ? w.openSpan(from, to) : w.span(from, to);
}

function confirmationsOf(corridor: AlertCorridor): StatedConfirmation[] {
  return corridor.confirmations as StatedConfirmation[];
}
