import { v5 as uuidv5 } from 'uuid';

const JOB_RECORD_NAMESPACE = '2fb1ff0a-6d5e-402b-bb14-e6e8e6f0ff5c';

/**
 * The audit's id of a job or job scheduler. Their own ids do not fit a record id (a scheduler's jobs are
 * `repeat:<scheduler>:<millis>`), so the entry names them by a UUID derived from queue and id (the same for
 * every entry about one job, whether written by the retry route or Bull Board) and keeps both in `after`.
 */
export function jobRecordId(kind: 'job' | 'job_scheduler', queue: string, id: string): string {
  return uuidv5(`${kind}\n${queue}\n${id}`, JOB_RECORD_NAMESPACE);
}
