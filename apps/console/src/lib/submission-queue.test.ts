import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError } from '../api/client';
import { SubmissionQueue, type Submission } from './submission-queue';

class MemoryStorage implements Storage {
  private data = new Map<string, string>();
  get length() {
    return this.data.size;
  }
  clear() {
    this.data.clear();
  }
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  key(index: number) {
    return [...this.data.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const report = {
  path: '/corridors/c1/evacuations',
  body: { count: { qualifier: 'exact', value: 344 } },
  label: 'UN: 344',
};

afterEach(() => {
  vi.useRealTimers();
});

describe('the offline submission queue', () => {
  it('retries a submission lost to a dropped connection with the same Idempotency-Key until it is stored', async () => {
    vi.useFakeTimers();
    const keys: string[] = [];
    let online = false;
    const send = vi.fn(async (s: Submission) => {
      keys.push(s.idempotencyKey);
      if (!online) throw new NetworkError('Failed to fetch');
      return { id: 'r1' };
    });
    const queue = new SubmissionQueue(new MemoryStorage(), send, 1_000);
    const submitted = queue.enqueue(report);
    await vi.advanceTimersByTimeAsync(0);
    // No answer at all: said in the reader's language later, never as the browser's "Failed to fetch".
    expect(queue.get(submitted.idempotencyKey)).toMatchObject({ state: 'pending', isUnreachable: true });
    expect(queue.get(submitted.idempotencyKey)?.error).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1_000); // second try, still offline
    expect(queue.get(submitted.idempotencyKey)?.state).toBe('pending');
    online = true;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(queue.get(submitted.idempotencyKey)).toMatchObject({ state: 'stored', isUnreachable: false });
    expect(keys).toHaveLength(3);
    expect(new Set(keys)).toEqual(new Set([submitted.idempotencyKey]));
    queue.stop();
  });

  it('keeps a pending submission across a reload and sends it, with its key, from the new page', async () => {
    const storage = new MemoryStorage();
    const offline = new SubmissionQueue(storage, async () => {
      throw new NetworkError('offline');
    });
    const submitted = offline.enqueue(report);
    await flush();
    offline.stop(); // the page is closed

    const sent: Submission[] = [];
    const reloaded = new SubmissionQueue(storage, async (s) => {
      sent.push(s);
      return {};
    });
    expect(reloaded.list().map((s) => s.state)).toEqual(['pending']);
    await reloaded.flush();
    expect(sent.map((s) => [s.idempotencyKey, s.path, s.body])).toEqual([
      [submitted.idempotencyKey, report.path, report.body],
    ]);
    expect(JSON.parse(storage.getItem('cw.pendingSubmissions') ?? '[]')).toEqual([]);
  });

  it('stops retrying what the server refuses, and shows why, until the person discards it', async () => {
    const storage = new MemoryStorage();
    const send = vi.fn(async () => {
      throw new ApiError(422, { type: 'x', title: 'Invalid', status: 422, detail: 'count below zero' });
    });
    const queue = new SubmissionQueue(storage, send, 1);
    const submitted = queue.enqueue(report);
    await flush();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(send).toHaveBeenCalledTimes(1);
    expect(queue.get(submitted.idempotencyKey)).toMatchObject({ state: 'failed', error: 'count below zero' });
    queue.discard(submitted.idempotencyKey);
    expect(queue.list()).toEqual([]);
  });

  it('retries after a server error or an expired sign-in, but never sends one submission twice at once', async () => {
    let calls = 0;
    let release: () => void = () => undefined;
    const queue = new SubmissionQueue(
      new MemoryStorage(),
      () =>
        new Promise((resolve, reject) => {
          calls++;
          if (calls === 1) reject(new ApiError(503, null));
          else release = () => resolve({});
        }),
      1,
    );
    const submitted = queue.enqueue(report);
    await new Promise((resolve) => setTimeout(resolve, 10));
    void queue.flush();
    void queue.flush();
    await flush();
    expect(calls).toBe(2);
    release();
    await flush();
    expect(queue.get(submitted.idempotencyKey)?.state).toBe('stored');
  });
});
