import type { TFunction } from '../i18n';

/** A word the interface has for `key`, else null (translate gives the key back when it has none). */
function known(t: TFunction, key: string): string | null {
  const text = t(key);
  return text === key ? null : text;
}

/** What a record is, in words ("Corridor"), else its stored name. */
export function auditEntityText(entity: string, t: TFunction): string {
  return known(t, `auditWords.entity.${entity}`) ?? entity;
}

/** An audit action in the reader's words, "Corridor: created"; one the console has no words for, as stored. */
export function auditActionText(action: string, t: TFunction): string {
  const dot = action.lastIndexOf('.');
  const entity = known(t, `auditWords.entity.${action.slice(0, dot)}`);
  const verb = known(t, `auditWords.verb.${action.slice(dot + 1)}`);
  return dot > 0 && entity && verb ? `${entity}: ${verb}` : action;
}

/** A queue by what it does ("Alert e-mails"); its stored name stays beside it, as Bull Board shows it. */
export function queueText(name: string, t: TFunction): string {
  return known(t, `queueName.${name}`) ?? name;
}
