import { describe, it, expect } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as domain from './index.js';

const here = fileURLToPath(new URL('.', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('the domain library', () => {
  const files = sourceFiles(here).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it('never reads the clock: the current instant is always an argument', () => {
    const readsClock = files.filter(({ text }) =>
      /Date\.now\(|new Date\(\s*\)|DateTime\.(now|local)\(\s*\)|performance\.now\(/.test(text),
    );
    expect(readsClock.map(({ path }) => path)).toEqual([]);
  });

  it('imports no framework, database or queue', () => {
    const framework = files.filter(({ text }) => /from '(@nestjs\/|typeorm|bullmq|ioredis)/.test(text));
    expect(framework.map(({ path }) => path)).toEqual([]);
  });

  it('ends every relative import with .js, as native ESM needs', () => {
    const bare = files.flatMap(({ path, text }) =>
      [...text.matchAll(/from '(\.{1,2}\/[^']+)'/g)]
        .map((m) => m[1])
        .filter((target) => !target.endsWith('.js'))
        .map((target) => `${path}: ${target}`),
    );
    expect(bare).toEqual([]);
  });

  it('exposes its whole public surface from one index', () => {
    expect(Object.keys(domain).sort()).toEqual(
      [
        'CONFIRMATION_STANCES',
        'CORRIDOR_PROMISES',
        'CORRIDOR_STATUSES',
        'COUNT_QUALIFIERS',
        'DEFAULT_LANGUAGE',
        'DomainError',
        'DomainErrorCode',
        'FLAG_RULES',
        'FLAG_RULE_SEVERITY',
        'FLAG_SEVERITIES',
        'LANGUAGES',
        'MAX_PERIOD_DAYS',
        'PARTY_KINDS',
        'SETTLED_PROMISES',
        'announcedEnd',
        'announcedWindow',
        'assertReportedByAnother',
        'assertValidCount',
        'assertWindowBounds',
        'confirmationDeadline',
        'corridorConfirmationState',
        'BREAKDOWN_PARTS',
        'CREDIBILITIES',
        'RELIABILITIES',
        'UNGRADED',
        'formatGrade',
        'meetsGrade',
        'parseMinGrade',
        'weakestGrade',
        'DEFAULT_MEASURE',
        'EVACUATION_MEASURES',
        'assertBreakdownFits',
        'countDiscrepancy',
        'countUpperBound',
        'headlineMeasure',
        'claimRange',
        'headlineAfterClaim',
        'headlineOfGroups',
        'likeGroups',
        'parseBreakdown',
        'summarizeEvacuations',
        'defaultRequiredConfirmations',
        'deriveCorridorStatus',
        'derivePromise',
        'describeCount',
        'describeCountIn',
        'describePeople',
        'evaluateWindowFlags',
        'expandDailySchedule',
        'formatInZone',
        'hasExplicitOffset',
        'isInsideWindow',
        'isValidTimeZone',
        'isLanguage',
        'lastEnd',
        'latestStances',
        'parseInstant',
        'partiesNeverConfirmed',
        'partyTrackRecord',
        'readPeriod',
        'reviewEnd',
        'settledPromise',
        'stancePromise',
        'statedFigures',
        'statesSomeoneMoved',
        'windowConfirmationState',
        'windowPromise',
        'INCIDENT_KINDS',
        'POPULATION_CATEGORIES',
        'assertNotInFuture',
        'attributeClaims',
        'canonicalTimeZone',
        'oneOf',
        // embargo
        'NO_EMBARGO',
        'PUBLIC_VIEWER',
        'embargoLiftsAt',
        'isUnderEmbargo',
        'isVisibleTo',
        'readEmbargo',
      ].sort(),
    );
  });
});
