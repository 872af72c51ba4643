import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { uk } from './uk';
import { translate } from './index';

type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const base = (key: string) => key.replace(PLURAL, '');
const enKeys = leaves(en as unknown as Tree);
const ukKeys = leaves(uk as unknown as Tree);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.includes('.test.') ? [path] : [];
  });
}

describe('interface text in English and Ukrainian', () => {
  it('has every English key in Ukrainian and no Ukrainian key that English lacks', () => {
    const enBases = new Set([...enKeys.keys()].map(base));
    const ukBases = new Set([...ukKeys.keys()].map(base));
    expect([...enBases].filter((k) => !ukBases.has(k))).toEqual([]);
    expect([...ukBases].filter((k) => !enBases.has(k))).toEqual([]);
  });

  it('has every plural form each language needs', () => {
    const needs = { en: new Intl.PluralRules('en'), uk: new Intl.PluralRules('uk') };
    for (const [lng, keys] of [
      ['en', enKeys],
      ['uk', ukKeys],
    ] as const) {
      const plurals = new Set([...keys.keys()].filter((k) => PLURAL.test(k)).map(base));
      for (const key of plurals) {
        for (const form of needs[lng].resolvedOptions().pluralCategories) {
          expect(keys.has(`${key}_${form}`), `${lng}: ${key}_${form}`).toBe(true);
        }
      }
    }
  });

  it('has no empty text, and the same {{placeholders}} in both languages', () => {
    for (const [key, text] of enKeys) {
      expect(text.trim(), key).not.toBe('');
      const ukText = ukKeys.get(key) ?? ukKeys.get(`${base(key)}_other`) ?? '';
      const names = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
      expect(names(ukText), key).toEqual(names(text));
    }
    for (const [key, text] of ukKeys) expect(text.trim(), key).not.toBe('');
  });

  it('knows every key the pages ask for by name', () => {
    const root = join(__dirname, '..');
    const used = new Set<string>();
    for (const file of sourceFiles(root)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g))
        used.add(match[1]);
    }
    const known = new Set([...enKeys.keys()].map(base));
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !known.has(k))).toEqual([]);
  });
});

describe('choosing the text', () => {
  it('picks the plural form each language needs, and fills in the placeholders', () => {
    expect(translate('en', 'pending.title', { count: 1 })).toBe(
      en.pending.title_one.replace('{{count}}', '1'),
    );
    expect(translate('en', 'pending.title', { count: 2 })).toBe(
      en.pending.title_other.replace('{{count}}', '2'),
    );
    // Ukrainian: 1 одна, 2–4 few, 5–20 many.
    expect(translate('uk', 'pending.title', { count: 3 })).toBe(
      String(uk.pending.title_few).replace('{{count}}', '3'),
    );
    expect(translate('uk', 'pending.title', { count: 5 })).toBe(
      String(uk.pending.title_many).replace('{{count}}', '5'),
    );
    expect(translate('en', 'count.says.about', { value: '300' })).toBe('about 300');
  });

  it('shows the key itself for a text that does not exist, so it is seen and not hidden', () => {
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
    expect(translate('uk', 'dashboard')).toBe('dashboard');
  });
});
