import { describe, it, expect } from '@jest/globals';
import { DomainError, DomainErrorCode } from './domain-error.js';

describe('DomainError', () => {
  it('carries a stable code, a plain message and the field it is about', () => {
    const error = new DomainError(
      DomainErrorCode.InvalidCount,
      'A count cannot be below zero.',
      'count.value',
    );

    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.name).toBe('DomainError');
    expect(error.code).toBe('invalid-count');
    expect(error.message).toBe('A count cannot be below zero.');
    expect(error.field).toBe('count.value');
  });

  it('keeps its codes as the slugs the api publishes as problem types', () => {
    expect(Object.values(DomainErrorCode)).toEqual([
      'window-end-not-after-start',
      'time-without-offset',
      'invalid-time',
      'unknown-time-zone',
      'invalid-count',
      'invalid-schedule',
      'invalid-period',
      'invalid-embargo',
      'reported-by-itself',
    ]);
  });
});
