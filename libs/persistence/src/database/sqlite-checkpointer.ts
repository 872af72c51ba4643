import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const CHECKPOINT_INTERVAL_MS = 250;
/** Left to SQLite only if the thread falls behind: 40 MB of WAL instead of the default 4 MB. */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;

// Plain CommonJS, run as the thread's whole program: it needs nothing but the driver.
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { timeout: 5000 });
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage(String(error));
  }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Copies the write-ahead log into the database file from a thread of its own. SQLite's automatic checkpoint
 * runs inside the commit that crosses its threshold, on the event loop, and waits there for the disk: every
 * thousandth page a request would stall for milliseconds. A PASSIVE checkpoint never blocks writers or
 * readers, so this thread only ever delays itself.
 */
export class SqliteCheckpointer {
  private readonly thread: Worker;

  constructor(path: string, onError: (message: string) => void) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.thread = new Worker(THREAD_SOURCE, {
      eval: true,
      workerData: { driver, path, intervalMs: CHECKPOINT_INTERVAL_MS },
      // Its own V8 heap, for a timer and a pragma: the process's young-generation size would be mostly unused.
      resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16 },
    });
    this.thread.on('message', (message: string) => onError(message));
    this.thread.on('error', (error) => onError(String(error)));
    this.thread.unref();
  }

  async stop(): Promise<void> {
    // Held again while it closes: a process with nothing else to do would otherwise exit mid-close.
    this.thread.ref();
    const exited = new Promise<void>((resolve) => this.thread.once('exit', () => resolve()));
    this.thread.postMessage('stop');
    await exited;
  }
}
