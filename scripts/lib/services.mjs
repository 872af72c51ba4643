// Finds (or starts) the services Corridor Watch needs on a developer or CI machine.
// Node built-ins only: this file runs before `npm ci` (findOrStartPostgres loads `pg`, so it runs after).
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, existsSync, mkdirSync, readdirSync, constants as fsConstants } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';

const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A free TCP port on 127.0.0.1 (the kernel picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** True when nothing listens on `port` (so a server can bind it). */
export function isPortFree(port, host = '0.0.0.0') {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** Opens a TCP (or TLS) connection; resolves with the socket or rejects after `timeoutMs`. */
function connect({ host, port, useTls = false, timeoutMs = 1500 }) {
  return new Promise((resolve, reject) => {
    const socket = useTls
      ? tls.connect({ host, port, servername: net.isIP(host) ? undefined : host })
      : net.connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`timed out connecting to ${host}:${port}`));
    }, timeoutMs);
    socket.once(useTls ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      socket.destroy();
      reject(err);
    });
  });
}

function parseRedisUrl(url) {
  const u = new URL(url);
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
    throw new Error(`REDIS_URL must start with redis:// or rediss:// (got ${u.protocol}//)`);
  }
  return {
    host: u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: Number(u.port || 6379),
    username: decodeURIComponent(u.username || ''),
    password: decodeURIComponent(u.password || ''),
    useTls: u.protocol === 'rediss:',
  };
}

/** RESP-encodes one command (bulk strings, so passwords with spaces are safe). */
function respCommand(...args) {
  return `*${args.length}\r\n` + args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('');
}

/**
 * Sends PING (after AUTH when the URL carries credentials) over a raw socket.
 * Resolves true on `+PONG`, false on anything else (refused, timeout, auth error).
 */
export async function pingRedis(url, timeoutMs = 1500) {
  let target;
  try {
    target = parseRedisUrl(url);
  } catch {
    return false;
  }
  let socket;
  try {
    socket = await connect({ ...target, timeoutMs });
  } catch {
    return false;
  }
  return new Promise((resolve) => {
    let buffer = '';
    const done = (ok) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      if (buffer.includes('+PONG')) done(true);
      else if (buffer.startsWith('-') || buffer.includes('\r\n-')) done(false);
    });
    socket.on('error', () => done(false));
    socket.on('close', () => done(false));
    let payload = '';
    if (target.password) {
      payload += target.username
        ? respCommand('AUTH', target.username, target.password)
        : respCommand('AUTH', target.password);
    }
    payload += target.password ? respCommand('PING') : 'PING\r\n';
    socket.write(payload);
  });
}

/** Looks for an executable on PATH (and the usual Homebrew / sbin places). */
export function whichSync(command) {
  const dirs = (process.env.PATH || '').split(path.delimiter).filter(Boolean);
  dirs.push('/usr/sbin', '/usr/local/bin', '/usr/local/sbin', '/opt/homebrew/bin');
  const exts = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const dir of dirs) {
    for (const ext of exts) {
      const candidate = path.join(dir, command + ext);
      try {
        accessSync(candidate, fsConstants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/** Stops a child process: SIGTERM, then SIGKILL after `graceMs`. Resolves when it has exited. */
export function stopChild(child, graceMs = 10000) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }, graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      child.kill('SIGTERM');
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}

function redisInstallHint() {
  return (
    'Redis is required (BullMQ queues) but none answers and `redis-server` was not found.\n' +
    '  Install it:  Debian/Ubuntu: sudo apt-get install redis-server   macOS: brew install redis\n' +
    '  or point REDIS_URL at a running Redis (redis://host:6379).'
  );
}

/**
 * Returns `{ url, started, stop }`:
 *  1. REDIS_URL when set and answering PING;
 *  2. else redis://127.0.0.1:6379 when it answers PING;
 *  3. else a `redis-server` spawned from PATH on a free port (no persistence), stopped by `stop()`.
 * When none of these works, prints one clear message and exits the process with code 1.
 */
export async function findOrStartRedis({
  log = (msg) => console.log(msg),
  defaultUrl = DEFAULT_REDIS_URL,
} = {}) {
  const noop = async () => {};
  const fromEnv = process.env.REDIS_URL;
  if (fromEnv) {
    if (await pingRedis(fromEnv)) return { url: fromEnv, started: false, stop: noop };
    log(`REDIS_URL=${redact(fromEnv)} does not answer PING; looking for another Redis.`);
  }
  if (await pingRedis(defaultUrl)) return { url: defaultUrl, started: false, stop: noop };

  const binary = whichSync('redis-server');
  if (!binary) {
    console.error(redisInstallHint());
    process.exit(1);
  }
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    os.tmpdir(),
    '--daemonize',
    'no',
  ];
  const child = spawn(binary, args, {
    // Own process group: a terminal Ctrl-C reaches us, and we stop Redis last, after the apps.
    detached: process.platform !== 'win32',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  let spawnError = null;
  child.once('error', (err) => {
    spawnError = err;
  });
  // Never leave an orphan Redis behind, even on an abrupt exit of this process.
  const killOnExit = () => {
    try {
      child.kill('SIGTERM');
    } catch {
      // already gone
    }
  };
  process.once('exit', killOnExit);

  const deadline = Date.now() + 10000;
  while (Date.now() < deadline) {
    if (spawnError || child.exitCode !== null) break;
    if (await pingRedis(url, 500)) {
      log(`Started redis-server on ${url} (${binary}); it stops when this command ends.`);
      const stop = async () => {
        process.removeListener('exit', killOnExit);
        await stopChild(child, 5000);
      };
      return { url, started: true, stop, process: child };
    }
    await sleep(100);
  }
  killOnExit();
  console.error(
    `Could not start ${binary} on port ${port}` +
      (spawnError
        ? `: ${spawnError.message}`
        : child.exitCode !== null
          ? ` (exit code ${child.exitCode})`
          : '') +
      (stderr.trim() ? `\n${stderr.trim()}` : '') +
      '\n' +
      redisInstallHint(),
  );
  process.exit(1);
}

/**
 * Probes PostgreSQL at `url`: TCP connect, then a protocol-3 startup message, and reads until the
 * server is ready for queries (trust auth) or refuses. Resolves `{ ok, reason }`.
 */
export async function probePostgres(url, timeoutMs = 2000) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, reason: `not a URL: ${url}` };
  }
  const host = u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
  const port = Number(u.port || 5432);
  const user = decodeURIComponent(u.username || 'postgres');
  const database = decodeURIComponent(u.pathname.replace(/^\//, '') || user);
  const hasPassword = Boolean(u.password);
  let socket;
  try {
    socket = await connect({ host, port, timeoutMs });
  } catch (err) {
    return { ok: false, reason: `nothing answers on ${host}:${port} (${err.code || err.message})` };
  }
  return new Promise((resolve) => {
    let buffer = Buffer.alloc(0);
    const done = (result) => {
      clearTimeout(timer);
      try {
        // Terminate ('X'), then close.
        socket.end(Buffer.from([0x58, 0, 0, 0, 4]));
      } catch {
        // ignore
      }
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(
      () => done({ ok: false, reason: `no startup answer within ${timeoutMs} ms` }),
      timeoutMs,
    );
    socket.on('error', (err) => done({ ok: false, reason: err.message }));
    socket.on('close', () => done({ ok: false, reason: 'connection closed during startup' }));
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      while (buffer.length >= 5) {
        const type = String.fromCharCode(buffer[0]);
        const length = buffer.readInt32BE(1);
        if (buffer.length < 1 + length) return;
        const body = buffer.subarray(5, 1 + length);
        buffer = buffer.subarray(1 + length);
        if (type === 'E') {
          const fields = {};
          for (const part of body.toString('utf8').split('\0')) if (part) fields[part[0]] = part.slice(1);
          return done({ ok: false, reason: `server refused: ${fields.M || 'error'}` });
        }
        if (type === 'R') {
          const code = body.readInt32BE(0);
          // 0 = AuthenticationOk; anything else needs a password this probe does not send.
          if (code !== 0) {
            return done(
              hasPassword
                ? { ok: true, reason: 'password authentication requested (not verified by the probe)' }
                : {
                    ok: false,
                    reason: `server asks for a password (auth method ${code}); give one in the URL`,
                  },
            );
          }
        }
        if (type === 'Z') return done({ ok: true, reason: 'ready for queries' });
      }
    });
    const params = Buffer.from(`user\0${user}\0database\0${database}\0\0`, 'utf8');
    const header = Buffer.alloc(8);
    header.writeInt32BE(8 + params.length, 0);
    header.writeInt32BE(196608, 4); // protocol 3.0
    socket.write(Buffer.concat([header, params]));
  });
}

/**
 * TEST_POSTGRES_URL when set; else postgres://postgres@127.0.0.1:5432/test when it accepts a
 * connection; else null. `onSkip(reason)` is told why the default was not usable.
 */
export async function findPostgres({ onSkip } = {}) {
  if (process.env.TEST_POSTGRES_URL) return process.env.TEST_POSTGRES_URL;
  const probe = await probePostgres(DEFAULT_POSTGRES_URL);
  if (probe.ok) return DEFAULT_POSTGRES_URL;
  onSkip?.(`${DEFAULT_POSTGRES_URL}: ${probe.reason}`);
  return null;
}

/**
 * Polls `url` until it answers 2xx. Rejects after `timeoutMs`, or as soon as `shouldAbort()`
 * returns a string (the reason).
 */
export async function waitForHttp(url, timeoutMs = 60000, { intervalMs = 250, shouldAbort } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const abort = shouldAbort?.();
    if (abort) throw new Error(`gave up waiting for ${url}: ${abort}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(Math.min(5000, timeoutMs)) });
      if (res.ok) {
        await res.arrayBuffer().catch(() => undefined);
        return res;
      }
      last = `HTTP ${res.status}: ${(await res.text().catch(() => '')).slice(0, 300)}`;
    } catch (err) {
      last = err.cause?.code || err.message;
    }
    await sleep(intervalMs);
  }
  throw new Error(`${url} did not answer 2xx within ${Math.round(timeoutMs / 1000)} s (last: ${last})`);
}

/** Hides the password in a URL for logs. */
export function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/** initdb and pg_ctl: on the PATH, else in Debian's /usr/lib/postgresql/<major>/bin (the newest). */
function postgresBinaries() {
  const onPath = whichSync('pg_ctl');
  if (onPath && whichSync('initdb')) return { pgCtl: onPath, initdb: whichSync('initdb') };
  const base = '/usr/lib/postgresql';
  let majors;
  try {
    majors = readdirSync(base)
      .filter((name) => /^\d+$/.test(name))
      .sort((x, y) => Number(y) - Number(x));
  } catch {
    return null;
  }
  for (const major of majors) {
    const bin = path.join(base, major, 'bin');
    if (existsSync(path.join(bin, 'pg_ctl')) && existsSync(path.join(bin, 'initdb')))
      return { pgCtl: path.join(bin, 'pg_ctl'), initdb: path.join(bin, 'initdb') };
  }
  return null;
}

function runQuietly(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let output = '';
    child.stdout.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
    child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${path.basename(command)} failed: ${output.trim()}`)),
    );
  });
}

/** Creates `database` on the server of `serverUrl` unless it exists (the `pg` package: call after `npm ci`). */
async function ensureDatabase(serverUrl, database) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!found.rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Returns `{ url, started, stop }` for a PostgreSQL database:
 *  1. DATABASE_URL when it is a postgres:// URL (it must answer);
 *  2. else database `database` on postgres://postgres@127.0.0.1:5432 (created when missing) when that answers;
 *  3. else a server of our own: `initdb` into `dataDir` (once; trust authentication, 127.0.0.1 only), started with
 *     `pg_ctl` on a free port and stopped by `stop()`. As root, PostgreSQL refuses to run: it runs as the
 *     `postgres` system user (runuser), which owns `dataDir`.
 * When none of these works, prints one clear message and exits the process with code 1.
 */
export async function findOrStartPostgres({
  log = (msg) => console.log(msg),
  dataDir = path.resolve('var', 'postgres'),
  database = 'corridor_watch',
  localUrl = 'postgres://postgres@127.0.0.1:5432/postgres',
} = {}) {
  const noop = async () => {};
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv?.startsWith('postgres')) {
    const probe = await probePostgres(fromEnv);
    if (probe.ok) return { url: fromEnv, started: false, stop: noop };
    console.error(`DATABASE_URL=${redact(fromEnv)} does not answer: ${probe.reason}`);
    process.exit(1);
  }
  if ((await probePostgres(localUrl)).ok) {
    return { url: await ensureDatabase(localUrl, database), started: false, stop: noop };
  }

  const binaries = postgresBinaries();
  if (!binaries) {
    console.error(
      'PostgreSQL is required for the cluster but none answers on 127.0.0.1:5432 and initdb/pg_ctl were not found.\n' +
        '  Install it:  Debian/Ubuntu: sudo apt-get install postgresql   macOS: brew install postgresql\n' +
        '  or point DATABASE_URL at a running PostgreSQL (postgres://user:pass@host:5432/db).',
    );
    process.exit(1);
  }
  const isRoot = process.getuid?.() === 0;
  const asOwner = (command, args) =>
    isRoot ? runQuietly('runuser', ['-u', 'postgres', '--', command, ...args]) : runQuietly(command, args);
  mkdirSync(dataDir, { recursive: true });
  if (isRoot) await runQuietly('chown', ['postgres:postgres', dataDir]);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`initialising a PostgreSQL data directory in ${dataDir}…`);
    await asOwner(binaries.initdb, [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--no-sync',
    ]);
  }
  const port = await freePort();
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dataDir}`;
  await asOwner(binaries.pgCtl, [
    '-D',
    dataDir,
    '-l',
    path.join(dataDir, 'server.log'),
    '-o',
    options,
    '-w',
    'start',
  ]);
  const stop = async () => {
    process.removeListener('exit', stopOnExit);
    await asOwner(binaries.pgCtl, ['-D', dataDir, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
  };
  // An abrupt exit of this process must not leave the server running (its port is ours for this run only).
  const stopOnExit = () => {
    try {
      spawnSync(isRoot ? 'runuser' : binaries.pgCtl, [
        ...(isRoot ? ['-u', 'postgres', '--', binaries.pgCtl] : []),
        ...['-D', dataDir, '-m', 'immediate', 'stop'],
      ]);
    } catch {
      // already gone
    }
  };
  process.once('exit', stopOnExit);
  const server = `postgres://postgres@127.0.0.1:${port}/postgres`;
  log(`Started PostgreSQL on 127.0.0.1:${port} (data in ${dataDir}); it stops when this command ends.`);
  return { url: await ensureDatabase(server, database), started: true, stop };
}
