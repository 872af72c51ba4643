import { describe, expect, it } from '@jest/globals';
import type { CorridorReading } from '#cw/persistence';
import { corridorAnnouncements } from './corridor-announcements.js';

const now = new Date('2022-05-05T08:00:00Z');
const reading = (status: string, promise = 'pending'): CorridorReading => ({
  corridorId: 'c1',
  name: 'Azovstal to Zaporizhzhia',
  status,
  promise,
  nextCheckAt: null,
});
const types = (events: ReturnType<typeof corridorAnnouncements>) =>
  events.map((e) => [e.type, e.data as { previousStatus?: unknown; previousPromise?: unknown }]);

describe("a corridor's status and promise, announced once per change", () => {
  it('a corridor seen for the first time is announced with no previous status', () => {
    expect(types(corridorAnnouncements(undefined, reading('announced'), now))).toEqual([
      [
        'corridor.status_changed',
        expect.objectContaining({ status: 'announced', previousStatus: null, promise: 'pending' }),
      ],
    ]);
  });

  it('a corridor recorded before webhooks is read silently', () => {
    expect(corridorAnnouncements({ status: null, promise: null }, reading('failed', 'broken'), now)).toEqual(
      [],
    );
  });

  it('the same status again announces nothing; another one announces the change', () => {
    expect(
      corridorAnnouncements({ status: 'open', promise: 'pending' }, reading('open', 'pending'), now),
    ).toEqual([]);
    expect(
      types(
        corridorAnnouncements({ status: 'confirmed', promise: 'pending' }, reading('open', 'pending'), now),
      ),
    ).toEqual([
      ['corridor.status_changed', expect.objectContaining({ status: 'open', previousStatus: 'confirmed' })],
    ]);
  });

  it('a promise that settles is announced with the status, once', () => {
    const settled = corridorAnnouncements(
      { status: 'open', promise: 'pending' },
      reading('completed', 'kept'),
      now,
    );
    expect(types(settled)).toEqual([
      ['corridor.status_changed', expect.objectContaining({ status: 'completed', previousStatus: 'open' })],
      [
        'corridor.promise_settled',
        expect.objectContaining({ promise: 'kept', previousPromise: null, status: 'completed' }),
      ],
    ]);
    expect(
      corridorAnnouncements({ status: 'completed', promise: 'kept' }, reading('completed', 'kept'), now),
    ).toEqual([]);
  });

  it('a settled promise that a late report changes is announced again with the one before', () => {
    expect(
      types(
        corridorAnnouncements(
          { status: 'failed', promise: 'broken' },
          reading('completed', 'unconfirmed'),
          now,
        ),
      ),
    ).toEqual([
      ['corridor.status_changed', expect.anything()],
      [
        'corridor.promise_settled',
        expect.objectContaining({ promise: 'unconfirmed', previousPromise: 'broken' }),
      ],
    ]);
  });

  it('a promise announced before promises were kept (none) is announced once it is known, with none before it', () => {
    expect(
      types(corridorAnnouncements({ status: 'failed', promise: null }, reading('failed', 'broken'), now)),
    ).toEqual([
      ['corridor.promise_settled', expect.objectContaining({ promise: 'broken', previousPromise: null })],
    ]);
  });

  it('a pending promise is never announced as settled', () => {
    expect(corridorAnnouncements({ status: 'announced', promise: null }, reading('open'), now)).toEqual([
      expect.objectContaining({ type: 'corridor.status_changed' }),
    ]);
  });
});
