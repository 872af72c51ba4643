// What `npm start` and `npm run start:cluster` share: the build check and the first admin's credentials.
// Node built-ins only (it runs before `npm ci`).
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const API_ENTRY = 'dist/apps/api/src/main.js';
export const WORKER_ENTRY = 'dist/apps/worker/src/main.js';
export const MIGRATE_ENTRY = 'dist/libs/persistence/src/migrate.main.js';
const BUILD_OUTPUTS = [API_ENTRY, WORKER_ENTRY, MIGRATE_ENTRY];

/**
 * How the api runs (docs/performance.md, "Memory"): V8's young generation capped at 2 × 8 MB (Node 24 grows it
 * to 2 × 64 MB on a machine with this much memory, for no speed the api measures), and libuv's pool at two threads,
 * each keeping the 19 MiB arena of the argon2 hashes it ran (four threads kept four). Also in package.json's
 * start:api and the Dockerfile.
 */
export const API_NODE_ARGS = ['--max-semi-space-size=8'];
export const API_ENV = { UV_THREADPOOL_SIZE: '2' };
export const CREDENTIALS_FILE = path.join('var', 'bootstrap-admin.json');
const DEFAULT_ADMIN_EMAIL = 'admin@corridor.local';

/** Runs a command with inherited output; rejects on a non-zero exit. */
export function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`\`${command} ${args.join(' ')}\` failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

/** Newest mtime of the TypeScript sources under apps/ and libs/ (specs and declarations excluded). */
function newestSource(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
      newest = Math.max(newest, newestSource(full));
    } else if (
      entry.name.endsWith('.ts') &&
      !entry.name.endsWith('.d.ts') &&
      !entry.name.endsWith('.spec.ts')
    ) {
      newest = Math.max(newest, statSync(full).mtimeMs);
    }
  }
  return newest;
}

export function buildIsStale() {
  if (!BUILD_OUTPUTS.every((f) => existsSync(f))) return 'dist/ is missing';
  const built = Math.min(...BUILD_OUTPUTS.map((f) => statSync(f).mtimeMs));
  const sources = Math.max(newestSource('apps'), newestSource('libs'));
  return sources > built ? 'sources changed since the last build' : null;
}

function randomPassword(length = 20) {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** The first admin's credentials: from the environment, else var/bootstrap-admin.json, else generated. */
export function bootstrapAdmin(say) {
  const envEmail = process.env.BOOTSTRAP_ADMIN_EMAIL;
  const envPassword = process.env.BOOTSTRAP_ADMIN_PASSWORD;
  if (envPassword)
    return { email: envEmail || DEFAULT_ADMIN_EMAIL, password: envPassword, source: 'environment' };
  if (existsSync(CREDENTIALS_FILE)) {
    try {
      const saved = JSON.parse(readFileSync(CREDENTIALS_FILE, 'utf8'));
      if (saved.email && saved.password) {
        if (envEmail && envEmail !== saved.email) {
          say(
            `BOOTSTRAP_ADMIN_EMAIL=${envEmail} ignored: ${CREDENTIALS_FILE} holds ${saved.email} ` +
              '(delete that file, and the database, to bootstrap another admin).',
          );
        }
        return { email: saved.email, password: saved.password, source: CREDENTIALS_FILE };
      }
    } catch {
      say(`${CREDENTIALS_FILE} is unreadable; generating new credentials.`);
    }
  }
  const admin = { email: envEmail || DEFAULT_ADMIN_EMAIL, password: randomPassword() };
  writeFileSync(
    CREDENTIALS_FILE,
    JSON.stringify({ ...admin, createdAt: new Date().toISOString() }, null, 2) + '\n',
    { mode: 0o600 },
  );
  chmodSync(CREDENTIALS_FILE, 0o600);
  return { ...admin, source: 'generated' };
}

/** Stops a child process: SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
export function stopProcess(child, graceMs) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
