import { useSyncExternalStore } from 'react';
import { api } from '../api/client';
import { SubmissionQueue, type Submission } from './submission-queue';

let instance: SubmissionQueue | null = null;

/** The one queue of this browser tab; its submissions outlive a reload in localStorage. */
export function submissionQueue(): SubmissionQueue {
  if (!instance) {
    instance = new SubmissionQueue(window.localStorage, (s) =>
      api(s.path, { method: 'POST', body: s.body, idempotencyKey: s.idempotencyKey }),
    );
    window.addEventListener('online', () => void instance?.flush());
    void instance.flush();
  }
  return instance;
}

export function useSubmissions(): readonly Submission[] {
  const queue = submissionQueue();
  return useSyncExternalStore(queue.subscribe, queue.list, queue.list);
}

export function useSubmission(key: string | null): Submission | undefined {
  const all = useSubmissions();
  return key ? all.find((s) => s.idempotencyKey === key) : undefined;
}
