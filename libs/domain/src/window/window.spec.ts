import { describe, it, expect } from '@jest/globals';
import { DomainError, DomainErrorCode } from '../errors/domain-error.js';
import { announcedEnd, announcedWindow, assertWindowBounds, isInsideWindow, reviewEnd } from './window.js';

const window = { startsAt: new Date('2022-05-05T05:00:00Z'), endsAt: new Date('2022-05-05T15:00:00Z') };

describe('window bounds', () => {
  it('accepts a window that ends after it starts', () => {
    expect(() => assertWindowBounds(window.startsAt, window.endsAt)).not.toThrow();
  });

  it('refuses a window that ends when it starts, naming endsAt', () => {
    try {
      assertWindowBounds(window.startsAt, new Date(window.startsAt.getTime()));
      throw new Error('expected a DomainError');
    } catch (error) {
      expect(error).toMatchObject({ code: DomainErrorCode.WindowEndNotAfterStart, field: 'endsAt' });
    }
  });

  it('refuses a window that ends before it starts, naming the field the caller gives', () => {
    try {
      assertWindowBounds(window.endsAt, window.startsAt, 'windows[1].endsAt');
      throw new Error('expected a DomainError');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe(DomainErrorCode.WindowEndNotAfterStart);
      expect((error as DomainError).field).toBe('windows[1].endsAt');
    }
  });

  it('refuses a window with an instant that is not a real date', () => {
    expect(() => assertWindowBounds(window.startsAt, new Date('not a date'))).toThrow(DomainError);
  });
});

describe('being inside a window', () => {
  it('is open exactly at its start', () => {
    expect(isInsideWindow(window, new Date('2022-05-05T05:00:00Z'))).toBe(true);
  });

  it('is open one millisecond before its end', () => {
    expect(isInsideWindow(window, new Date('2022-05-05T14:59:59.999Z'))).toBe(true);
  });

  it('is already closed exactly at its end', () => {
    expect(isInsideWindow(window, new Date('2022-05-05T15:00:00Z'))).toBe(false);
  });

  it('is not open one millisecond before its start', () => {
    expect(isInsideWindow(window, new Date('2022-05-05T04:59:59.999Z'))).toBe(false);
  });
});

describe('an open-ended window ("from 14:00", no end announced)', () => {
  const start = new Date('2022-04-25T11:00:00Z');

  it('is read as ending the review period after its start, and says it has no announced end', () => {
    const window = announcedWindow(start, null, 24);
    expect(window).toEqual({ startsAt: start, endsAt: new Date('2022-04-26T11:00:00Z'), isOpenEnded: true });
    expect(announcedEnd(window)).toBeNull();
    expect(reviewEnd(window)).toEqual(new Date('2022-04-26T11:00:00Z'));
  });

  it('is open from its start until its review period ends', () => {
    const window = announcedWindow(start, null, 6);
    expect(isInsideWindow(window, start)).toBe(true);
    expect(isInsideWindow(window, new Date('2022-04-25T16:59:59.999Z'))).toBe(true);
    expect(isInsideWindow(window, new Date('2022-04-25T17:00:00Z'))).toBe(false);
  });

  it('once its end is announced, is an ordinary window with no review end', () => {
    const closed = announcedWindow(start, new Date('2022-04-25T20:00:00Z'), 24);
    expect(closed.isOpenEnded).toBe(false);
    expect(announcedEnd(closed)).toEqual(new Date('2022-04-25T20:00:00Z'));
    expect(reviewEnd(closed)).toBeNull();
  });

  it('refuses an announced end that is not after its start, naming the field the caller gives', () => {
    expect(() => announcedWindow(start, new Date('2022-04-25T10:00:00Z'), 24, 'windows.0.endsAt')).toThrow(
      expect.objectContaining({ code: DomainErrorCode.WindowEndNotAfterStart, field: 'windows.0.endsAt' }),
    );
  });
});
