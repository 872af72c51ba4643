import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../errors/domain-error.js';
import {
  embargoLiftsAt,
  isUnderEmbargo,
  isVisibleTo,
  NO_EMBARGO,
  PUBLIC_VIEWER,
  readEmbargo,
  type EmbargoState,
} from './embargo.js';

const NOW = new Date('2022-05-03T09:00:00Z');
const ICRC = 'org-icrc';
const UN = 'org-un';

function refusal(run: () => unknown): { field?: string; code: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { field: error.field, code: error.code };
    throw error;
  }
  throw new Error('not refused');
}

describe('reading an embargo from a request', () => {
  it('keeps a convoy report back until an instant to come, read with its offset', () => {
    expect(readEmbargo({ until: '2022-05-03T18:00:00+03:00' }, NOW)).toEqual({
      embargoedUntil: new Date('2022-05-03T15:00:00Z'),
      embargoUntilWindowsEnd: false,
      embargoLiftedAt: null,
    });
  });

  it('reads a local time in the zone given with the record', () => {
    expect(readEmbargo({ until: '2022-05-03T18:00' }, NOW, 'Europe/Kyiv').embargoedUntil).toEqual(
      new Date('2022-05-03T15:00:00Z'),
    );
  });

  it('keeps it back until the corridor windows end ("no details before completion")', () => {
    expect(readEmbargo({ untilWindowsEnd: true }, NOW)).toEqual({
      embargoedUntil: null,
      embargoUntilWindowsEnd: true,
      embargoLiftedAt: null,
    });
  });

  it('sets no embargo when the request has none', () => {
    expect(readEmbargo(undefined, NOW)).toEqual(NO_EMBARGO);
  });

  it('refuses both ways at once, neither, an instant already past and one that is not a time, naming embargo', () => {
    const both = { until: '2022-05-04T00:00:00Z', untilWindowsEnd: true };
    expect(refusal(() => readEmbargo(both, NOW))).toEqual({ field: 'embargo', code: 'invalid-embargo' });
    expect(refusal(() => readEmbargo({}, NOW))).toEqual({ field: 'embargo', code: 'invalid-embargo' });
    expect(refusal(() => readEmbargo({ untilWindowsEnd: false }, NOW))).toEqual({
      field: 'embargo',
      code: 'invalid-embargo',
    });
    expect(refusal(() => readEmbargo({ until: '2022-05-03T09:00:00Z' }, NOW))).toEqual({
      field: 'embargo.until',
      code: 'invalid-embargo',
    });
    expect(refusal(() => readEmbargo({ until: 'after the convoy' }, NOW))).toEqual({
      field: 'embargo.until',
      code: 'invalid-time',
    });
    expect(refusal(() => readEmbargo({ until: '2022-05-04T08:00' }, NOW))).toEqual({
      field: 'embargo.until',
      code: 'time-without-offset',
    });
  });
});

describe('who sees a record under embargo', () => {
  const held: EmbargoState & { organisationId: string } = {
    embargoedUntil: new Date('2022-05-04T00:00:00Z'),
    embargoUntilWindowsEnd: false,
    embargoLiftedAt: null,
    organisationId: ICRC,
  };

  it('its own organisation and admins, nobody else, until it is lifted', () => {
    expect(isUnderEmbargo(held)).toBe(true);
    expect(isVisibleTo(held, { organisationId: ICRC, seesEverything: false })).toBe(true);
    expect(isVisibleTo(held, { organisationId: UN, seesEverything: true })).toBe(true);
    expect(isVisibleTo(held, { organisationId: UN, seesEverything: false })).toBe(false);
    expect(isVisibleTo(held, PUBLIC_VIEWER)).toBe(false);
  });

  it('everyone once lifted, and everyone when it never had one', () => {
    const lifted = { ...held, embargoLiftedAt: new Date('2022-05-04T00:00:30Z') };
    expect(isUnderEmbargo(lifted)).toBe(false);
    expect(isVisibleTo(lifted, PUBLIC_VIEWER)).toBe(true);
    expect(isVisibleTo({ ...NO_EMBARGO, organisationId: ICRC }, PUBLIC_VIEWER)).toBe(true);
    const untilEnd = { ...held, embargoedUntil: null, embargoUntilWindowsEnd: true };
    expect(isVisibleTo(untilEnd, { organisationId: UN, seesEverything: false })).toBe(false);
  });
});

describe('when an embargo lifts', () => {
  it('at its instant, or at the end of the corridor last window, or not before the corridor has one', () => {
    const end = new Date('2022-05-05T15:00:00Z');
    const until = new Date('2022-05-04T00:00:00Z');
    expect(embargoLiftsAt({ ...NO_EMBARGO, embargoedUntil: until }, end)).toEqual(until);
    expect(embargoLiftsAt({ ...NO_EMBARGO, embargoUntilWindowsEnd: true }, end)).toEqual(end);
    expect(embargoLiftsAt({ ...NO_EMBARGO, embargoUntilWindowsEnd: true }, null)).toBeNull();
    expect(embargoLiftsAt(NO_EMBARGO, end)).toBeNull();
  });
});
