#!/usr/bin/env node
// `npm test`: THE test command (CI runs exactly this). Node built-ins only (it runs before `npm ci`).
//
// Finds or starts Redis (REDIS_URL), finds PostgreSQL (TEST_POSTGRES_URL, else its suites skip),
// then runs lint, typecheck, cycles, unit and e2e tests, stopping at the first failure.
// The last line is always `N passed, N failed` (jest and vitest test counts, summed).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies, reexecOnSupportedNode } from './lib/runtime.mjs';
import { findOrStartRedis, findPostgres } from './lib/services.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const RESULTS_DIR = path.join('var', 'test-results');
// The whole run must stay well under 20 minutes; a step still running at the deadline is killed.
const BUDGET_MS = Number(process.env.TEST_TIME_BUDGET_MINUTES || 18) * 60_000;
// Jest has written its results but not exited: something keeps the event loop alive (open handles).
const JEST_EXIT_GRACE_MS = 30_000;

// `build` precedes the tests: the cycle check reads the compiled graph, process-level tests run the built
// worker, and the browser tests load the built console.
const STEPS = [
  { script: 'lint' },
  { script: 'typecheck' },
  { script: 'typecheck:console' },
  { script: 'build' },
  { script: 'cycles' },
  { script: 'test:unit', results: 'unit', runner: 'jest' },
  { script: 'test:e2e', results: 'e2e', runner: 'jest' },
  // Two built apis and two workers on one database: PostgreSQL only (one SQLite file is one machine's).
  { script: 'test:cluster', results: 'cluster', runner: 'jest', needsPostgres: true },
  { script: 'test:console:components', results: 'console-components', runner: 'vitest' },
  { script: 'test:console:browser', results: 'console-browser', runner: 'vitest' },
];

const startedAt = Date.now();
const totals = { passed: 0, failed: 0 };
let redis = null;
let current = null; // the running step's ChildProcess
let interrupted = false;

const say = (msg) => console.log(`[test] ${msg}`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function killGroup(child, signal) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (process.platform === 'win32') child.kill(signal);
    else process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

async function finish(ok, reason) {
  if (current) {
    killGroup(current, 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    killGroup(current, 'SIGKILL');
  }
  if (redis) await redis.stop().catch(() => undefined);
  if (reason) console.error(`[test] ${reason}`);
  say(`${ok ? 'all steps passed' : 'FAILED'} in ${seconds(Date.now() - startedAt)}`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(ok ? 0 : 1);
}

function onSignal(signal) {
  if (interrupted) return;
  interrupted = true;
  finish(false, `${signal}: stopped.`);
}

/**
 * Runs `npm run <script> [-- args]` in its own process group with inherited output.
 * Resolves `{ code, reason }`; `reason` is set when we had to kill it.
 */
function runStep(script, args, { resultsFile } = {}) {
  return new Promise((resolve) => {
    const npmArgs = ['run', script, ...(args.length ? ['--', ...args] : [])];
    const child = spawn(NPM, npmArgs, {
      stdio: 'inherit',
      detached: process.platform !== 'win32',
      shell: process.platform === 'win32',
      env: process.env,
    });
    current = child;
    let reason = null;
    const remaining = BUDGET_MS - (Date.now() - startedAt);
    const budgetTimer = setTimeout(
      () => {
        reason = `\`npm run ${script}\` was still running when the ${BUDGET_MS / 60_000}-minute budget ran out; killed.`;
        killGroup(child, 'SIGKILL');
      },
      Math.max(remaining, 1000),
    );
    let resultsSeenAt = null;
    const hangTimer = resultsFile
      ? setInterval(() => {
          if (!existsSync(resultsFile)) return;
          resultsSeenAt ??= Date.now();
          if (Date.now() - resultsSeenAt > JEST_EXIT_GRACE_MS) {
            reason =
              `the test runner wrote its results but did not exit within ${JEST_EXIT_GRACE_MS / 1000} s: ` +
              'something keeps running after the tests (open handles: close apps, queues, connections in afterAll).';
            killGroup(child, 'SIGKILL');
          }
        }, 1000)
      : null;
    const done = (code) => {
      clearTimeout(budgetTimer);
      if (hangTimer) clearInterval(hangTimer);
      current = null;
      resolve({ code, reason });
    };
    child.once('error', (err) => {
      reason = `could not run npm: ${err.message}`;
      done(1);
    });
    child.once('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

function readTestResults(file) {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8'));
    return {
      passed: data.numPassedTests ?? 0,
      failed: data.numFailedTests ?? 0,
      brokenSuites: data.numRuntimeErrorTestSuites ?? 0,
      failedSuites: data.numFailedTestSuites ?? 0,
    };
  } catch {
    return null;
  }
}

async function main() {
  // Runs the whole suite on Node 24, obtained first when this Node is older.
  reexecOnSupportedNode(say);
  process.once('SIGINT', () => onSignal('SIGINT'));
  process.once('SIGTERM', () => onSignal('SIGTERM'));

  const installError = ensureDependencies(say);
  if (installError) await finish(false, installError);

  redis = await findOrStartRedis({ log: say });
  process.env.REDIS_URL = redis.url;
  say(`Redis: ${redis.url}${redis.started ? ' (started for this run)' : ''}`);

  const postgres = await findPostgres({ onSkip: (why) => say(`(${why})`) });
  if (postgres) {
    process.env.TEST_POSTGRES_URL = postgres;
    say(`PostgreSQL: ${postgres}`);
  } else {
    delete process.env.TEST_POSTGRES_URL;
    say('PostgreSQL not reachable: PostgreSQL suites and the cluster test will be skipped');
  }

  mkdirSync(RESULTS_DIR, { recursive: true });
  for (const step of STEPS) {
    if (interrupted) return;
    if (step.needsPostgres && !postgres) {
      say(`npm run ${step.script}: not run, it needs PostgreSQL`);
      continue;
    }
    const stepStart = Date.now();
    console.log(`\n[test] ── npm run ${step.script} ──`);
    let resultsFile = null;
    const args = [];
    if (step.results) {
      // Absolute: the console's component tests run with the console as their root.
      resultsFile = path.resolve(RESULTS_DIR, `${step.results}.json`);
      rmSync(resultsFile, { force: true });
      // Both write jest's JSON result shape (numPassedTests, numFailedTests, …).
      if (step.runner === 'jest') args.push('--json', `--outputFile=${resultsFile}`);
      else args.push('--reporter=default', '--reporter=json', `--outputFile=${resultsFile}`);
    }
    const { code, reason } = await runStep(step.script, args, { resultsFile });
    if (interrupted) return;
    let extra = '';
    let isCounted = true;
    if (resultsFile) {
      const results = readTestResults(resultsFile);
      if (results) {
        totals.passed += results.passed;
        totals.failed += results.failed;
        if (results.brokenSuites) extra = ` (${results.brokenSuites} test suite(s) failed to run)`;
      } else {
        // A run whose tests cannot be counted fails: the last line must add up every test that ran.
        isCounted = false;
        extra = ` (${step.runner} wrote no results)`;
      }
    }
    const isOk = code === 0 && !reason && isCounted;
    say(`npm run ${step.script}: ${isOk ? 'ok' : 'FAILED'} in ${seconds(Date.now() - stepStart)}${extra}`);
    if (!isOk) {
      await finish(
        false,
        `${reason ? `${reason}\n[test] ` : ''}stopped at \`npm run ${step.script}\`${extra}.`,
      );
      return;
    }
  }
  await finish(true);
}

main().catch((err) => finish(false, `test runner error: ${err.stack || err.message}`));
