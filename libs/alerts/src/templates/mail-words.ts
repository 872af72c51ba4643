import type { Language } from '#cw/domain';

/** The fixed words of the alert e-mails and the unsubscribe page, in each language a subscription may choose. */
export interface MailWords {
  rules: Record<string, { title: string; explanation: string }>;
  severities: Record<string, string>;
  promises: Record<string, string>;
  /** A promise in one word, beside a status ("completed, promise unconfirmed"). */
  promiseNames: Record<string, string>;
  statuses: Record<string, string>;
  stances: Record<string, string>;
  notHeard: string;
  confirmationStates: Record<string, string>;
  corridorFrom(origin: string, destination: string | null): string;
  standing(status: string, promise: string): string;
  span(from: string, to: string): string;
  openSpan(from: string, judgedEnd: string): string;
  daily(hour: number, zone: string): string;
  immediate(severity: string): string;
  flag: {
    subject(severity: string, corridor: string, rule: string): string;
    whatWasPromised: string;
    announced(by: string, at: string): string;
    status(status: string, promise: string): string;
    inTheirWords: string;
    source: string;
    theWindow: string;
    didNotConfirm: string;
    whatThePartiesSaid: string;
    asReportedBy(party: string): string;
    openCorridor: string;
    openCorridorIn: string;
    youReceive(email: string, label: string): string;
    timesAre(zone: string): string;
  };
  digest: {
    subject(day: string, windows: number, flags: number): string;
    emptySubject(day: string): string;
    title(day: string): string;
    nothingSince(from: string): string;
    covering(from: string, to: string): string;
    windowsAhead: string;
    confirmation: string;
    flagsRaised: string;
    flagsResolved: string;
    window: string;
    figures: string;
    range(range: string, total: string | null): string;
    timesAre(zone: string): string;
  };
  unsubscribe: string;
  unsubscribePage: {
    title: string;
    question: string;
    doneTitle: string;
    noMore(email: string): string;
  };
}

const EN: MailWords = {
  rules: {
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
    rejected: {
      title: 'rejected',
      explanation: 'A party whose confirmation the corridor needs rejected it.',
    },
    no_evacuation_reported: {
      title: 'no evacuation reported',
      explanation: 'The window ended some hours ago and no evacuation has been reported for it.',
    },
    count_discrepancy: {
      title: 'figures disagree',
      explanation:
        'Evacuation figures from different sources for this window disagree by more than the allowed ratio.',
    },
  },
  severities: { critical: 'CRITICAL', warning: 'WARNING', info: 'INFO' },
  // What became of the promise, in words: "completed" never stands alone, a broken promise never reads as a success.
  promises: {
    pending: 'not settled yet (a window is still ahead or running)',
    kept: 'kept: every required party confirmed and people moved',
    unconfirmed: 'unconfirmed: people moved, but a required party never confirmed',
    broken: 'broken: a required party rejected it, or nobody is reported to have moved',
    cancelled: 'cancelled',
  },
  promiseNames: {},
  statuses: {},
  stances: { confirmed: 'confirmed', rejected: 'rejected', conditional: 'conditional' },
  notHeard: 'not heard',
  confirmationStates: {},
  corridorFrom: (origin, destination) =>
    `A corridor from ${origin} ${destination ? `to ${destination}` : 'in any direction'}.`,
  standing: (status, promise) => `${status}, promise ${promise}`,
  span: (from, to) => `${from} to ${to}`,
  openSpan: (from, end) => `${from} onwards, no end announced (judged as ending ${end})`,
  daily: (hour, zone) => `daily digest at ${String(hour).padStart(2, '0')}:00 ${zone}`,
  immediate: (severity) => `immediate, ${severity} and above`,
  flag: {
    subject: (severity, corridor, rule) => `[Corridor Watch] ${severity}: ${corridor} - ${rule}`,
    whatWasPromised: 'What was promised',
    announced: (by, at) => `Announced by ${by} on ${at}`,
    status: (status, promise) => `Status: ${status}. Promise ${promise}.`,
    inTheirWords: 'In their words',
    source: 'Source',
    theWindow: 'The window',
    didNotConfirm: 'Did not confirm',
    whatThePartiesSaid: 'What the parties said',
    asReportedBy: (party) => `as reported by ${party}`,
    openCorridor: 'Open the corridor',
    openCorridorIn: 'Open the corridor in Corridor Watch',
    youReceive: (email, label) =>
      `You receive this because ${email} is subscribed to Corridor Watch alerts (${label}).`,
    timesAre: (zone) => `Times are in ${zone} and in the zone of the corridor's place.`,
  },
  digest: {
    subject: (day, windows, flags) =>
      `[Corridor Watch] Digest ${day}: ${windows} windows, ${flags} flags raised`,
    emptySubject: (day) => `[Corridor Watch] Digest ${day}: nothing to report`,
    title: (day) => `Corridor Watch daily digest, ${day}`,
    nothingSince: (from) => `Nothing to report since ${from}.`,
    covering: (from, to) => `Covering ${from} to ${to}.`,
    windowsAhead: 'Windows in the next 24 hours',
    confirmation: 'Confirmation',
    flagsRaised: 'Flags raised',
    flagsResolved: 'Flags resolved',
    window: 'window',
    figures: 'Evacuation figures reported',
    range: (range, total) =>
      `${range} according to the sources${total ? `; all reports so far ${total}` : ''}`,
    timesAre: (zone) => `Times are in ${zone}; the zone of the corridor's place is in brackets.`,
  },
  unsubscribe: 'Unsubscribe',
  unsubscribePage: {
    title: 'Unsubscribe',
    question: 'Unsubscribe?',
    doneTitle: 'Unsubscribed',
    noMore: (email) => `${email} will receive no further Corridor Watch alerts from this subscription.`,
  },
};

const UK: MailWords = {
  rules: {
    never_confirmed: {
      title: 'обіцянку так і не підтверджено',
      explanation:
        'Вікно закінчилося, а сторона, чиє підтвердження було потрібне, так його й не дала: обіцянку не виконано.',
    },
    unconfirmed_at_deadline: {
      title: 'не підтверджено до кінцевого строку',
      explanation: 'Строк підтвердження перед вікном минув, а потрібна сторона не підтвердила.',
    },
    rejected: {
      title: 'відхилено',
      explanation: 'Сторона, чиє підтвердження потрібне коридору, відхилила його.',
    },
    no_evacuation_reported: {
      title: 'про евакуацію не повідомлено',
      explanation: 'Вікно закінчилося кілька годин тому, а про евакуацію в ньому не повідомлено.',
    },
    count_discrepancy: {
      title: 'дані розходяться',
      explanation:
        'Кількість евакуйованих за різними джерелами для цього вікна розходиться більше, ніж допустимо.',
    },
  },
  severities: { critical: 'КРИТИЧНО', warning: 'УВАГА', info: 'ДО ВІДОМА' },
  promises: {
    pending: 'ще не визначено (вікно ще попереду або триває)',
    kept: 'виконано: усі потрібні сторони підтвердили, і люди виїхали',
    unconfirmed: 'не підтверджено: люди виїхали, але потрібна сторона так і не підтвердила',
    broken: 'порушено: потрібна сторона відхилила її, або ніхто не виїхав',
    cancelled: 'скасовано',
  },
  promiseNames: {
    pending: 'ще не визначено',
    kept: 'виконано',
    unconfirmed: 'не підтверджено',
    broken: 'порушено',
    cancelled: 'скасовано',
  },
  statuses: {
    announced: 'оголошено',
    confirmed: 'підтверджено',
    disputed: 'оскаржено',
    open: 'відкрито зараз',
    completed: 'завершено',
    failed: 'не відбувся',
    cancelled: 'скасовано',
  },
  stances: { confirmed: 'підтвердила', rejected: 'відхилила', conditional: 'з умовами' },
  notHeard: 'не відповіла',
  confirmationStates: {
    confirmed: 'усі підтвердили',
    pending: 'не підтверджено',
    partial: 'підтверджено частково',
    rejected: 'відхилено',
  },
  corridorFrom: (origin, destination) =>
    `Коридор з пункту ${origin} ${destination ? `до пункту ${destination}` : 'в будь-якому напрямку'}.`,
  standing: (status, promise) => `${status}, обіцянка: ${promise}`,
  span: (from, to) => `з ${from} до ${to}`,
  openSpan: (from, end) => `з ${from}, кінець не оголошено (вважається, що до ${end})`,
  daily: (hour, zone) => `щоденний підсумок о ${String(hour).padStart(2, '0')}:00 ${zone}`,
  immediate: (severity) => `одразу, від рівня «${severity}»`,
  flag: {
    subject: (severity, corridor, rule) => `[Corridor Watch] ${severity}: ${corridor} - ${rule}`,
    whatWasPromised: 'Що обіцяли',
    announced: (by, at) => `Оголосив(ла): ${by}, ${at}`,
    status: (status, promise) => `Стан: ${status}. Обіцянка: ${promise}.`,
    inTheirWords: 'Їхніми словами',
    source: 'Джерело',
    theWindow: 'Вікно',
    didNotConfirm: 'Не підтвердили',
    whatThePartiesSaid: 'Що сказали сторони',
    asReportedBy: (party) => `за повідомленням: ${party}`,
    openCorridor: 'Відкрити коридор',
    openCorridorIn: 'Відкрити коридор у Corridor Watch',
    youReceive: (email, label) =>
      `Ви отримали цей лист, бо ${email} підписано на сповіщення Corridor Watch (${label}).`,
    timesAre: (zone) => `Час указано за ${zone} і за часовим поясом місця коридору.`,
  },
  digest: {
    subject: (day, windows, flags) =>
      `[Corridor Watch] Підсумок ${day}: вікон — ${windows}, нових сигналів — ${flags}`,
    emptySubject: (day) => `[Corridor Watch] Підсумок ${day}: нічого нового`,
    title: (day) => `Щоденний підсумок Corridor Watch, ${day}`,
    nothingSince: (from) => `Нічого нового з ${from}.`,
    covering: (from, to) => `З ${from} до ${to}.`,
    windowsAhead: 'Вікна на найближчі 24 години',
    confirmation: 'Підтвердження',
    flagsRaised: 'Нові сигнали',
    flagsResolved: 'Зняті сигнали',
    window: 'вікно',
    figures: 'Повідомлена кількість евакуйованих',
    range: (range, total) => `${range} за джерелами${total ? `; усі повідомлення досі: ${total}` : ''}`,
    timesAre: (zone) => `Час указано за ${zone}; у дужках — за часовим поясом місця коридору.`,
  },
  unsubscribe: 'Відписатися',
  unsubscribePage: {
    title: 'Відписатися',
    question: 'Відписатися?',
    doneTitle: 'Ви відписалися',
    noMore: (email) => `${email} більше не отримуватиме сповіщень Corridor Watch за цією підпискою.`,
  },
};

export const MAIL_WORDS: Record<Language, MailWords> = { en: EN, uk: UK };
