import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort } from '../support/processes.js';
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

// The built processes, as an operator runs them (issue 16, defect 8).
describe('the api and worker processes', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cw-processes-'));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

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
