import { ApiError, NetworkError, newIdempotencyKey } from '../api/client';

export type SubmissionState = 'pending' | 'failed' | 'stored';

/** A report a person submitted: kept until the server has stored it, resent with the same key. */
export interface Submission {
  idempotencyKey: string;
  path: string;
  body: unknown;
  /** What the person would call it ("Evacuation count for …"), shown in the pending list. */
  label: string;
  corridorId?: string;
  createdAt: string;
  attempts: number;
  state: SubmissionState;
  /** The server's words when it refused; never the browser's own (see `isUnreachable`). */
  error?: string;
  /** The last try got no answer at all (offline, dropped connection): shown in the reader's language. */
  isUnreachable?: boolean;
  result?: unknown;
}

export type Sender = (submission: Submission) => Promise<unknown>;

const STORAGE_KEY = 'cw.pendingSubmissions';
const MAX_DELAY_MS = 30_000;

/** Worth another try: no answer at all, a server error, or the sign-in lapsed (the person signs in again). */
function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  if (error instanceof ApiError) return error.status >= 500 || [401, 408, 425, 429].includes(error.status);
  return true;
}

export class SubmissionQueue {
  private readonly listeners = new Set<() => void>();
  private readonly inFlight = new Set<string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private submissions: Submission[];
  private snapshot: readonly Submission[];

  constructor(
    private readonly storage: Storage,
    private readonly send: Sender,
    private readonly baseDelayMs = 1_000,
  ) {
    this.submissions = this.load();
    this.snapshot = [...this.submissions];
  }

  /** Everything not yet stored, plus the ones stored in this session (so a form can say "stored"). */
  list = (): readonly Submission[] => this.snapshot;

  get(key: string): Submission | undefined {
    return this.submissions.find((s) => s.idempotencyKey === key);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Records the submission first (so a reload keeps it), then tries to send it. */
  enqueue(input: { path: string; body: unknown; label: string; corridorId?: string }): Submission {
    const submission: Submission = {
      ...input,
      idempotencyKey: newIdempotencyKey(),
      createdAt: new Date().toISOString(),
      attempts: 0,
      state: 'pending',
    };
    this.submissions.push(submission);
    this.changed();
    void this.attempt(submission.idempotencyKey);
    return submission;
  }

  /** Sends every pending submission now (at start, when the browser is back online, on "retry"). */
  flush(): Promise<void[]> {
    return Promise.all(
      this.submissions.filter((s) => s.state === 'pending').map((s) => this.attempt(s.idempotencyKey)),
    );
  }

  discard(key: string): void {
    this.clearTimer(key);
    this.submissions = this.submissions.filter((s) => s.idempotencyKey !== key);
    this.changed();
  }

  stop(): void {
    for (const key of [...this.timers.keys()]) this.clearTimer(key);
  }

  private async attempt(key: string): Promise<void> {
    const submission = this.get(key);
    if (!submission || submission.state !== 'pending' || this.inFlight.has(key)) return;
    this.clearTimer(key);
    this.inFlight.add(key);
    try {
      const result = await this.send(submission);
      this.update(key, { state: 'stored', result, error: undefined, isUnreachable: false });
    } catch (error) {
      const attempts = submission.attempts + 1;
      const isUnreachable = error instanceof NetworkError;
      const reason = isUnreachable ? undefined : (error as Error).message;
      if (isRetryable(error)) {
        this.update(key, { attempts, error: reason, isUnreachable });
        const delay = Math.min(MAX_DELAY_MS, this.baseDelayMs * 2 ** Math.min(attempts - 1, 10));
        this.timers.set(
          key,
          setTimeout(() => void this.attempt(key), delay),
        );
      } else {
        this.update(key, { attempts, state: 'failed', error: reason, isUnreachable });
      }
    } finally {
      this.inFlight.delete(key);
    }
  }

  private update(key: string, patch: Partial<Submission>): void {
    this.submissions = this.submissions.map((s) => (s.idempotencyKey === key ? { ...s, ...patch } : s));
    this.changed();
  }

  private clearTimer(key: string): void {
    const timer = this.timers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(key);
  }

  private changed(): void {
    this.snapshot = [...this.submissions];
    // Stored ones need no keeping across a reload; pending and failed ones do.
    const kept = this.submissions.filter((s) => s.state !== 'stored');
    try {
      this.storage.setItem(STORAGE_KEY, JSON.stringify(kept));
    } catch {
      // storage full or disabled: the submission still lives in memory for this page
    }
    for (const listener of this.listeners) listener();
  }

  private load(): Submission[] {
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(STORAGE_KEY) ?? '[]');
      return Array.isArray(parsed) ? (parsed as Submission[]).filter((s) => s.state !== 'stored') : [];
    } catch {
      return [];
    }
  }
}
