#!/usr/bin/env node
// Imports data/azovstal-2022.json through the public HTTP API, the way an integrator would.
// Node built-ins and global fetch only.
//
//   node scripts/demo-import.mjs --url http://localhost:3000 --email admin@corridor.local --password '…'
//   node scripts/demo-import.mjs --url http://localhost:3000 --token <api key or session token>
//
// Every record's `key` is sent as its `Idempotency-Key`, so running it twice creates nothing twice.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_DATA_FILE = path.join(ROOT, 'data', 'azovstal-2022.json');

/** Thrown on any non-2xx answer; carries the HTTP status and the problem+json body. */
export class ImportError extends Error {
  constructor(message, { status, problem, record } = {}) {
    super(message);
    this.name = 'ImportError';
    this.status = status;
    this.problem = problem;
    this.record = record;
  }
}

// Which table each reference field points into, and the field name the API expects.
const REFERENCES = {
  originKey: { table: 'locations', field: 'originId' },
  destinationKey: { table: 'locations', field: 'destinationId' },
  arrivedAtKey: { table: 'locations', field: 'arrivedAtId' },
  announcedByKey: { table: 'parties', field: 'announcedById' },
  partyKey: { table: 'parties', field: 'partyId' },
  sourcePartyKey: { table: 'parties', field: 'sourcePartyId' },
  requiredConfirmationKeys: { table: 'parties', field: 'requiredConfirmationIds', many: true },
};

// Import order (references point backwards only) and where each kind is posted.
const SECTIONS = [
  { name: 'parties', label: 'parties', path: () => '/api/v1/parties' },
  { name: 'locations', label: 'locations', path: () => '/api/v1/locations', drop: ['sourceUrl'] },
  { name: 'corridors', label: 'corridors', path: () => '/api/v1/corridors' },
  { name: 'confirmations', label: 'confirmations', path: (c) => `${c}/confirmations`, nested: true },
  { name: 'evacuations', label: 'evacuation reports', path: (c) => `${c}/evacuations`, nested: true },
  { name: 'remaining', label: 'remaining-population reports', path: (c) => `${c}/remaining`, nested: true },
  { name: 'incidents', label: 'incidents', path: (c) => `${c}/incidents`, nested: true },
];

function lookup(ids, table, key, record) {
  const id = ids[table].get(key);
  if (!id) {
    throw new ImportError(`record "${record.key}" refers to unknown ${table} key "${key}"`, {
      record: record.key,
    });
  }
  return id;
}

/** Turns a data-file record into an API request body (keys mapped to ids, `key` and dropped fields removed). */
export function toRequestBody(record, section, ids) {
  const body = {};
  for (const [field, value] of Object.entries(record)) {
    if (field === 'key' || field === 'corridorKey' || section.drop?.includes(field)) continue;
    const ref = REFERENCES[field];
    if (ref) {
      if (value === null || value === undefined) body[ref.field] = value ?? null;
      else if (ref.many) body[ref.field] = value.map((k) => lookup(ids, ref.table, k, record));
      else body[ref.field] = lookup(ids, ref.table, value, record);
    } else if (/Keys?$/.test(field)) {
      throw new ImportError(`record "${record.key}": no mapping for reference field "${field}"`, {
        record: record.key,
      });
    } else {
      // windows, schedule (read in `timezone`), count, notes and sources pass through as they are.
      body[field] = value;
    }
  }
  return body;
}

async function readProblem(res) {
  const text = await res.text().catch(() => '');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function describe(problem) {
  return typeof problem === 'string' ? problem : JSON.stringify(problem, null, 2);
}

async function send(fetchImpl, baseUrl, method, urlPath, { token, body, idempotencyKey } = {}) {
  const headers = { accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  const url = new URL(urlPath, baseUrl);
  let res;
  try {
    res = await fetchImpl(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30000),
    });
  } catch (err) {
    throw new ImportError(`${method} ${url} failed: ${err.cause?.code || err.cause?.message || err.message}`);
  }
  if (!res.ok) {
    const problem = await readProblem(res);
    throw new ImportError(`${method} ${url.pathname} answered ${res.status}`, {
      status: res.status,
      problem,
    });
  }
  const text = await res.text();
  return { res, data: text ? JSON.parse(text) : null };
}

/** Signs in and returns the bearer token. */
export async function login(baseUrl, email, password, { fetchImpl = fetch } = {}) {
  const { data } = await send(fetchImpl, baseUrl, 'POST', '/api/v1/auth/login', {
    body: { email, password },
  });
  if (!data?.token) throw new ImportError('login answered without a token', { problem: data });
  return data.token;
}

/**
 * Imports the demo data set. Give `token`, or `email` and `password`.
 * Returns `{ counts: { parties: n, … }, replayed, summary }`; throws ImportError on any non-2xx answer.
 */
export async function importDemo({
  baseUrl,
  token,
  email,
  password,
  file = DEFAULT_DATA_FILE,
  fetchImpl = fetch,
  log = () => {},
} = {}) {
  if (!baseUrl) throw new ImportError('baseUrl is required');
  const data = JSON.parse(readFileSync(file, 'utf8'));
  if (!token) {
    if (!email || !password) throw new ImportError('give a token, or an email and a password');
    token = await login(baseUrl, email, password, { fetchImpl });
  }

  const ids = { parties: new Map(), locations: new Map(), corridors: new Map() };
  const corridorPaths = new Map();
  const counts = {};
  let replayed = 0;

  for (const section of SECTIONS) {
    const records = data[section.name] ?? [];
    counts[section.name] = 0;
    for (const record of records) {
      const body = toRequestBody(record, section, ids);
      let urlPath;
      if (section.nested) {
        const corridorPath = corridorPaths.get(record.corridorKey);
        if (!corridorPath) {
          throw new ImportError(
            `record "${record.key}" refers to unknown corridor key "${record.corridorKey}"`,
            {
              record: record.key,
            },
          );
        }
        urlPath = section.path(corridorPath);
      } else {
        urlPath = section.path();
      }
      let answer;
      try {
        answer = await send(fetchImpl, baseUrl, 'POST', urlPath, { token, body, idempotencyKey: record.key });
      } catch (err) {
        if (err instanceof ImportError) {
          err.record = record.key;
          err.message = `${section.name} "${record.key}": ${err.message}`;
        }
        throw err;
      }
      const id = answer.data?.id;
      if (!id) {
        throw new ImportError(`${section.name} "${record.key}": the answer carries no id`, {
          status: answer.res.status,
          problem: answer.data,
          record: record.key,
        });
      }
      if (ids[section.name]) ids[section.name].set(record.key, id);
      if (section.name === 'corridors')
        corridorPaths.set(record.key, `/api/v1/corridors/${encodeURIComponent(id)}`);
      const replayHeader =
        answer.res.headers.get('idempotent-replayed') ?? answer.res.headers.get('idempotency-replayed');
      if (replayHeader === 'true') replayed += 1;
      counts[section.name] += 1;
      log(`${section.name} ${record.key} -> ${id}`);
    }
  }

  const parts = SECTIONS.map((s) => `${counts[s.name]} ${s.label}`);
  const summary =
    `Demo data imported into ${baseUrl}: ${parts.join(', ')}` +
    (replayed ? ` (${replayed} already there, replayed by Idempotency-Key)` : '');
  return { counts, replayed, summary };
}

function readBootstrapFile() {
  const file = path.join(ROOT, 'var', 'bootstrap-admin.json');
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      token: { type: 'string' },
      file: { type: 'string' },
      verbose: { type: 'boolean', short: 'v' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(
      'Usage: node scripts/demo-import.mjs --url http://localhost:3000 (--email E --password P | --token T) [--file F] [-v]\n' +
        'Defaults: --url from PUBLIC_URL or http://localhost:$PORT; credentials from BOOTSTRAP_ADMIN_EMAIL/\n' +
        'BOOTSTRAP_ADMIN_PASSWORD or var/bootstrap-admin.json (written by `npm start`).',
    );
    return;
  }
  const saved = readBootstrapFile();
  const baseUrl = values.url || process.env.PUBLIC_URL || `http://localhost:${process.env.PORT || 3000}`;
  const email = values.email || process.env.BOOTSTRAP_ADMIN_EMAIL || saved.email;
  const password = values.password || process.env.BOOTSTRAP_ADMIN_PASSWORD || saved.password;
  try {
    const result = await importDemo({
      baseUrl,
      token: values.token,
      email,
      password,
      file: values.file ? path.resolve(values.file) : DEFAULT_DATA_FILE,
      log: values.verbose ? (line) => console.log(line) : undefined,
    });
    console.log(result.summary);
  } catch (err) {
    console.error(`Demo import failed: ${err.message}`);
    if (err.problem !== undefined) console.error(describe(err.problem));
    process.exitCode = 1;
  }
}

/** Prints an ImportError the way the command line does (used by start.mjs). */
export function formatImportError(err) {
  return `${err.message}${err.problem !== undefined ? `\n${describe(err.problem)}` : ''}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
