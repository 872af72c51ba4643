import { describe, expect, it } from '@jest/globals';
import { DomainError, DomainErrorCode } from '../errors/domain-error.js';
import { readPeriod } from './period.js';

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

describe('the period a dashboard reader asks for', () => {
  it('reads 4 and 5 May 2022 in Kyiv as the 48 hours from 3 May 21:00 UTC', () => {
    const period = readPeriod('2022-05-04T00:00', '2022-05-06T00:00', 'Europe/Kyiv');
    expect(period.from.toISOString()).toBe('2022-05-03T21:00:00.000Z');
    expect(period.to.toISOString()).toBe('2022-05-05T21:00:00.000Z');
  });

  it('takes instants with their own offset, whatever zone is named', () => {
    const period = readPeriod('2022-05-04T00:00:00Z', '2022-05-05T00:00:00+03:00', 'Europe/Kyiv');
    expect(period.to.getTime() - period.from.getTime()).toBe(21 * 3_600_000);
  });

  it('refuses an end at or before the start, naming `to`', () => {
    const error = refusal(() => readPeriod('2022-05-05T00:00Z', '2022-05-05T00:00Z'));
    expect(error).toMatchObject({ code: DomainErrorCode.InvalidPeriod, field: 'to' });
  });

  it('refuses more than 31 days, and takes exactly 31', () => {
    expect(refusal(() => readPeriod('2022-05-01T00:00Z', '2022-06-01T00:01Z')).code).toBe(
      DomainErrorCode.InvalidPeriod,
    );
    expect(() => readPeriod('2022-05-01T00:00Z', '2022-06-01T00:00Z')).not.toThrow();
  });

  it('refuses a local time without a zone, and an unknown zone, naming the field', () => {
    expect(refusal(() => readPeriod('2022-05-04T00:00', '2022-05-05T00:00'))).toMatchObject({
      code: DomainErrorCode.TimeWithoutOffset,
      field: 'from',
    });
    expect(
      refusal(() => readPeriod('2022-05-04T00:00', '2022-05-05T00:00', 'Europe/Mariupol')),
    ).toMatchObject({
      code: DomainErrorCode.UnknownTimeZone,
      field: 'timezone',
    });
  });
});
