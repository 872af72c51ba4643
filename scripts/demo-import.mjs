#!/usr/bin/env node
// Imports data/azovstal-2022.json through the public HTTP API, the way an integrator would.
// Node built-ins and global fetch only.
//
//   node scripts/demo-import.mjs --url http://localhost:3000 --email admin@corridor.local --password '…'
//   node scripts/demo-import.mjs --url http://localhost:3000 --token <api key or session token>
//
// Every record's `key` is sent as its `Idempotency-Key`, so running it twice creates nothing twice.
//
// Each record is sent with every field of the data file, under the name API.md gives it. A server older than the
// data (one that has no `measure` yet, say) would refuse the whole record for one field it does not know: so the
// importer reads the server's own contract (GET /api/docs-json) and leaves out, and reports, only what that
// contract does not take — a field it does not describe, a value outside its enum, a null it does not allow (and
// a record whose required field is such a value). Anything else the server refuses stops the import, as before.
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

// Which table each reference field points into, and the field name the API expects (data/README.md).
const REFERENCES = {
  originKey: { table: 'locations', field: 'originId' },
  destinationKey: { table: 'locations', field: 'destinationId' },
  arrivedAtKey: { table: 'locations', field: 'arrivedAtId' },
  countedAtKey: { table: 'locations', field: 'countedAtId' },
  placeKey: { table: 'locations', field: 'placeId' },
  stopKeys: { table: 'locations', field: 'stopIds', many: true },
  announcedByKey: { table: 'parties', field: 'announcedById' },
  partyKey: { table: 'parties', field: 'partyId' },
  sourcePartyKey: { table: 'parties', field: 'sourcePartyId' },
  reportedByKey: { table: 'parties', field: 'reportedById' },
  requiredConfirmationKeys: { table: 'parties', field: 'requiredConfirmationIds', many: true },
  facilitatorKeys: { table: 'parties', field: 'facilitatorIds', many: true },
  corridorKeys: { table: 'corridors', field: 'corridorIds', many: true },
};

// Import order (references point backwards only) and the route each kind is posted to, as the API document
// names it; `{id}` is the record's corridor.
const SECTIONS = [
  { name: 'parties', label: 'parties', route: '/api/v1/parties' },
  // `sourceUrl` says where the coordinates come from: the API keeps no such field for a place.
  { name: 'locations', label: 'locations', route: '/api/v1/locations', drop: ['sourceUrl'] },
  { name: 'corridors', label: 'corridors', route: '/api/v1/corridors' },
  { name: 'operations', label: 'operations', route: '/api/v1/operations' },
  {
    name: 'confirmations',
    label: 'confirmations',
    route: '/api/v1/corridors/{id}/confirmations',
    nested: true,
  },
  {
    name: 'evacuations',
    label: 'evacuation reports',
    route: '/api/v1/corridors/{id}/evacuations',
    nested: true,
  },
  {
    name: 'remaining',
    label: 'remaining-population reports',
    route: '/api/v1/corridors/{id}/remaining',
    nested: true,
  },
  { name: 'incidents', label: 'incidents', route: '/api/v1/corridors/{id}/incidents', nested: true },
];

/** A record that cannot be sent to this server: it is left out, with the reason, and the import goes on. */
class LeftOut extends Error {}

function lookup(ids, table, key, record) {
  const id = ids[table].get(key);
  if (id === LEFT_OUT) throw new LeftOut(`it refers to ${table} "${key}", which was left out`);
  if (!id) {
    throw new ImportError(`record "${record.key}" refers to unknown ${table} key "${key}"`, {
      record: record.key,
    });
  }
  return id;
}

const LEFT_OUT = Symbol('left out');

/** Turns a data-file record into an API request body (keys mapped to ids, `key` and dropped fields removed). */
export function toRequestBody(record, section, ids) {
  const body = {};
  for (const [field, value] of Object.entries(record)) {
    if (field === 'key' || (section.nested && field === 'corridorKey') || section.drop?.includes(field))
      continue;
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

/** The server's API document, or null when it serves none (then every field is sent as it is). */
async function readContract(fetchImpl, baseUrl, token) {
  try {
    const { data } = await send(fetchImpl, baseUrl, 'GET', '/api/docs-json', { token });
    return data?.paths ? data : null;
  } catch {
    return null;
  }
}

/** The body schema of `POST route` in the document: undefined when the server has no such route. */
function bodySchemaOf(contract, route) {
  const operation = contract.paths[route]?.post;
  return operation && (operation.requestBody?.content?.['application/json']?.schema ?? {});
}

/** A schema with its references followed (`$ref`, a lone `allOf`), nullable if any step says so. */
function resolve(schema, contract) {
  let current = schema ?? {};
  let nullable = Boolean(current.nullable);
  while (current.$ref || current.allOf?.length === 1) {
    current = current.$ref
      ? (contract.components?.schemas?.[current.$ref.split('/').pop()] ?? {})
      : current.allOf[0];
    nullable ||= Boolean(current.nullable);
  }
  return { ...current, nullable: nullable || [].concat(current.type ?? []).includes('null') };
}

/**
 * What of `value` the schema takes: `{ value, leftOut }` with what was left out (a field it does not describe, an
 * optional field or a list item it would refuse), or `{ refused }` when the value itself cannot be taken.
 */
export function fitToSchema(value, schema, contract, at = '') {
  const s = resolve(schema, contract);
  if (value === null) return s.nullable ? { value, leftOut: [] } : { refused: 'null is not accepted' };
  if (s.enum && !s.enum.includes(value)) {
    return { refused: `${JSON.stringify(value)} is not one of ${s.enum.join(', ')}` };
  }
  const leftOut = [];
  if (Array.isArray(value) && s.items) {
    const kept = [];
    value.forEach((item, i) => {
      const fitted = fitToSchema(item, s.items, contract, `${at}[${i}]`);
      if (fitted.refused) leftOut.push({ field: `${at}[${i}]`, reason: fitted.refused });
      else (kept.push(fitted.value), leftOut.push(...fitted.leftOut));
    });
    return { value: kept, leftOut };
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && s.properties) {
    const kept = {};
    for (const [field, part] of Object.entries(value)) {
      const where = at ? `${at}.${field}` : field;
      if (!(field in s.properties)) {
        if (s.additionalProperties) kept[field] = part;
        else leftOut.push({ field: where, reason: 'not a field this server takes' });
        continue;
      }
      const fitted = fitToSchema(part, s.properties[field], contract, where);
      if (fitted.refused) {
        if (s.required?.includes(field)) return { refused: `${where}: ${fitted.refused}` };
        leftOut.push({ field: where, reason: fitted.refused });
      } else {
        kept[field] = fitted.value;
        leftOut.push(...fitted.leftOut);
      }
    }
    return { value: kept, leftOut };
  }
  return { value, leftOut };
}

/** "parties.side (5), evacuations (7 records: count.qualifier …)": what was left out, by field, for the summary. */
function describeLeftOut(leftOut) {
  const counts = new Map();
  for (const item of leftOut) {
    const what = item.field
      ? `${item.section}.${item.field.replace(/\[\d+\]/g, '[]')}`
      : `${item.section} (whole records)`;
    counts.set(what, (counts.get(what) ?? 0) + 1);
  }
  return [...counts].map(([what, n]) => `${what} (${n})`).join(', ');
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
 * Returns `{ counts: { parties: n, … }, replayed, leftOut: [{ section, record, field, reason }], summary }`;
 * throws ImportError on any non-2xx answer.
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

  const ids = { parties: new Map(), locations: new Map(), corridors: new Map(), operations: new Map() };
  const contract = await readContract(fetchImpl, baseUrl, token);
  const counts = {};
  const leftOut = [];
  let replayed = 0;

  for (const section of SECTIONS) {
    const records = data[section.name] ?? [];
    counts[section.name] = 0;
    const schema = contract ? bodySchemaOf(contract, section.route) : {};
    for (const record of records) {
      const leave = (reason, field = null) => {
        leftOut.push({ section: section.name, record: record.key, field, reason });
        ids[section.name]?.set(record.key, LEFT_OUT);
        log(`${section.name} ${record.key} left out: ${field ? `${field}: ` : ''}${reason}`);
      };
      if (schema === undefined) {
        leave(`this server has no POST ${section.route}`);
        continue;
      }
      let body;
      let corridorId;
      try {
        body = toRequestBody(record, section, ids);
        if (section.nested) corridorId = lookup(ids, 'corridors', record.corridorKey, record);
      } catch (err) {
        if (!(err instanceof LeftOut)) throw err;
        leave(err.message);
        continue;
      }
      if (contract) {
        const fitted = fitToSchema(body, schema, contract);
        if (fitted.refused) {
          leave(fitted.refused);
          continue;
        }
        body = fitted.value;
        for (const item of fitted.leftOut) {
          leftOut.push({ section: section.name, record: record.key, ...item });
          log(`${section.name} ${record.key}: left out ${item.field}: ${item.reason}`);
        }
      }
      const urlPath = section.route.replace('{id}', encodeURIComponent(corridorId ?? ''));
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
      ids[section.name]?.set(record.key, id);
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
    (replayed ? ` (${replayed} already there, replayed by Idempotency-Key)` : '') +
    (leftOut.length ? `; left out, as this server does not take them: ${describeLeftOut(leftOut)}` : '');
  return { counts, replayed, leftOut, summary };
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
