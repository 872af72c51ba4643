import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort, spawnWorker } from '../support/processes.js';
import { eventually } from '../support/worker-harness.js';

const API_ENTRY = 'dist/apps/api/src/main.js';

/** The built api (`npm run build`) as production starts it; its output, and a stop. */
function spawnApi(env: Record<string, string>) {
  const child = spawn(process.execPath, [API_ENTRY], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

const answers = async (url: string) => {
  try {
    return (await fetch(url)).status;
  } catch {
    return 0;
  }
};

/** A port nothing listens on: Redis "down" for as long as the test runs. */
const NO_REDIS = 'redis://127.0.0.1:1';

// The built processes, as an operator runs them (issue 16, defect 8).
describe('the api and worker processes', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cw-processes-'));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('the worker logs its Redis outage as JSON lines, not stack dumps', async () => {
    const worker = spawnWorker({
      DATABASE_URL: `sqlite:${join(dir, 'worker.sqlite')}`,
      REDIS_URL: NO_REDIS,
      LOG_LEVEL: 'info',
    });
    try {
      await eventually(
        async () => worker.output(),
        (output) => output.includes('ECONNREFUSED'),
        15_000,
      );
    } finally {
      await worker.kill();
    }
    const lines = worker
      .output()
      .split('\n')
      .filter((line) => line.trim() !== '');
    const notJson = lines.filter((line) => {
      try {
        return typeof JSON.parse(line) !== 'object';
      } catch {
        return true;
      }
    });
    expect(notJson.slice(0, 5)).toEqual([]);
    expect(lines.map((line) => JSON.parse(line) as { level: number; msg: string })).toContainEqual(
      expect.objectContaining({ msg: expect.stringMatching(/Redis.*ECONNREFUSED/) }),
    );
  }, 30_000);

  it('the api listens on HOST only', async () => {
    const port = await freePort();
    const api = spawnApi({
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: `sqlite:${join(dir, 'api.sqlite')}`,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      LOG_LEVEL: 'warn',
    });
    try {
      await eventually(
        () => answers(`http://127.0.0.1:${port}/health`),
        (status) => status === 200,
        30_000,
      );
      // Another loopback address of this machine: a listener on 0.0.0.0 would answer it.
      expect(await answers(`http://127.0.0.2:${port}/health`)).toBe(0);
    } finally {
      await api.stop();
    }
  }, 60_000);
});
