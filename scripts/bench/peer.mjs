// The peer for `npm run bench`: peer-crud (an idiomatic NestJS + TypeORM CRUD of corridors and evacuation reports, on
// better-sqlite3 and the Fastify adapter), run from a temporary copy in the same sitting as our api, with the same
// connections, seconds and data size, so our figures can be printed as ratios to its. Its code is never copied into
// this repository; the bench takes its path from PEER_CRUD_DIR (default ../shared/peer-crud beside the repository).
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { freePort } from '../lib/services.mjs';

export function peerDirectory(root) {
  return path.resolve(root, process.env.PEER_CRUD_DIR ?? '../shared/peer-crud');
}

/**
 * A writable copy of the peer in a temporary directory, built with its own tsc. Its node_modules (better-sqlite3
 * compiles from source, a minute or more) are kept in var/bench/peer-modules/<lockfile and Node version> for the
 * next run; nothing else of it outlives the bench.
 */
export function preparePeer(source, log) {
  const dir = mkdtempSync(path.join(tmpdir(), 'cw-peer-'));
  cpSync(source, dir, {
    recursive: true,
    filter: (from) => !/[\\/](node_modules|dist)$|\.db(-wal|-shm)?$/.test(from),
  });
  execFileSync('chmod', ['-R', 'u+w', dir]); // the shared copy is read-only, and so would be ours
  const lock = readFileSync(path.join(dir, 'package-lock.json'));
  const key = createHash('sha256').update(lock).update(process.version).digest('hex').slice(0, 16);
  const cache = path.resolve('var', 'bench', 'peer-modules', key);
  if (!existsSync(path.join(cache, 'node_modules'))) {
    log(`installing the peer's dependencies (npm ci; better-sqlite3 compiles from source)…`);
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, npm_config_nodedir: path.dirname(path.dirname(process.execPath)) },
    });
    mkdirSync(cache, { recursive: true });
    renameSync(path.join(dir, 'node_modules'), path.join(cache, 'node_modules'));
  }
  symlinkSync(path.join(cache, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  execFileSync(path.join(dir, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], {
    cwd: dir,
    stdio: 'inherit',
  });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Its schema (synchronised by the peer at start) filled as our bench fills ours: corridors, and reports on them. */
function seedPeer(file, { corridors, reportsPerCorridor }) {
  const db = new Database(file);
  db.pragma('synchronous = NORMAL');
  const at = new Date().toISOString().replace('T', ' ').slice(0, 19);
  const ids = Array.from({ length: corridors }, () => randomUUID());
  const corridor = db.prepare(
    'INSERT INTO corridor (id, name, origin, destination, status, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const report = db.prepare(
    'INSERT INTO evacuation_report (id, corridor_id, reported_at, source, precision, value, max, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    ids.forEach((id, i) => corridor.run(id, `Corridor ${i}`, `Town ${i}`, `Shelter ${i % 100}`, 'open', at));
    for (let i = 0; i < corridors * reportsPerCorridor; i += 1) {
      const reportedAt = new Date(Date.now() - i * 1000).toISOString();
      report.run(randomUUID(), ids[i % corridors], reportedAt, 'sensor', 'exact', i % 500, null, at);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return ids;
}

function peakRssMb(pid) {
  return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
}

/**
 * The peer started on its own database and seeded, so that its measures can alternate with ours (the machine's
 * speed drifts within minutes): `create` and `list` take our bench's measuring function (warm-up included).
 */
export async function startPeer({ dir, size, log }) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const file = path.join(dir, 'bench-fastify.db');
  const server = spawn(process.execPath, ['dist/main.js'], {
    cwd: dir,
    env: { ...process.env, ADAPTER: 'fastify', DB_PATH: file, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    if (server.exitCode !== null) return;
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  };
  try {
    for (let i = 0; ; i += 1) {
      if (server.exitCode !== null) throw new Error(`the peer exited (${server.exitCode})`);
      if (
        await fetch(`${base}/corridors?limit=1`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (i > 600) throw new Error('the peer did not answer within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    log(
      `seeding the peer: ${size.corridors} corridors, ${size.corridors * size.reportsPerCorridor} reports…`,
    );
    const ids = seedPeer(file, size);
    return {
      create: (measure) =>
        measure({
          url: `${base}/reports`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          requests: [
            {
              setupRequest: (request) => ({
                ...request,
                body: JSON.stringify({
                  corridorId: ids[Math.floor(Math.random() * ids.length)],
                  reportedAt: new Date().toISOString(),
                  source: 'sensor',
                  precision: 'exact',
                  value: Math.floor(Math.random() * 1000),
                  max: 1000,
                }),
              }),
            },
          ],
        }),
      list: (measure) => measure({ url: `${base}/corridors?limit=50` }),
      peakRssMb: () => Math.round(peakRssMb(server.pid)),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
