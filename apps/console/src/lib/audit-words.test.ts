import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { auditActionText, auditEntityText, queueText } from './audit-words';

const en = (key: string) => translate('en', key);
const uk = (key: string) => translate('uk', key);

describe('audit actions and queues in words', () => {
  it('says an audit action in the reader’s language, the record first', () => {
    expect(auditActionText('corridor.create', en)).toBe('Corridor: created');
    expect(auditActionText('corridor.create', uk)).toBe('Коридор: створено');
    expect(auditActionText('subscription.unsubscribe', uk)).toBe('Підписка: відписано');
    expect(auditActionText('evacuation.retract', en)).toBe('Evacuation report: retracted');
  });

  it('shows an action it has no words for as stored, rather than half translated', () => {
    expect(auditActionText('corridor.teleport', en)).toBe('corridor.teleport');
    expect(auditActionText('spaceship.create', uk)).toBe('spaceship.create');
    expect(auditActionText('create', en)).toBe('create');
    expect(auditEntityText('spaceship', en)).toBe('spaceship');
    expect(auditEntityText('webhook_endpoint', uk)).toBe('Вебхук');
  });

  it('names each queue by what it does', () => {
    expect(['maintenance', 'evaluation', 'alerts', 'webhooks'].map((q) => queueText(q, uk))).toEqual([
      'Обслуговування',
      'Перевірка сигналів',
      'Сповіщення електронною поштою',
      'Вебхуки',
    ]);
    expect(queueText('imports', en)).toBe('imports');
  });
});
