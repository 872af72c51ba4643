import { describe, expect, it } from '@jest/globals';
import { retryAfterMs, retryDelayMs } from './webhook-retry.js';

const policy = { baseMs: 30_000, maxMs: 3_600_000 };
const noJitter = () => 0;

describe('the retry schedule of a failing webhook', () => {
  it('doubles from the base after each failed attempt, up to the maximum', () => {
    expect([1, 2, 3, 4, 7, 8, 9, 30].map((attempt) => retryDelayMs(attempt, policy, null, noJitter))).toEqual(
      [30_000, 60_000, 120_000, 240_000, 1_920_000, 3_600_000, 3_600_000, 3_600_000],
    );
  });

  it('takes off at most a tenth as jitter, so retries that failed together spread', () => {
    expect(retryDelayMs(2, policy, null, () => 1)).toBe(54_000);
    expect(retryDelayMs(2, policy, null, () => 0.5)).toBe(57_000);
  });

  it("waits at least what the receiver's Retry-After asks, within the maximum", () => {
    expect(retryDelayMs(1, policy, 600_000, noJitter)).toBe(600_000);
    expect(retryDelayMs(1, policy, 86_400_000, noJitter)).toBe(3_600_000);
  });

  it('reads Retry-After in seconds or as an HTTP date', () => {
    const now = new Date('2022-05-05T08:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Thu, 05 May 2022 08:10:00 GMT', now)).toBe(600_000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(undefined, now)).toBeNull();
  });
});
