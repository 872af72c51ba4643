// Guard overhead for `npm run bench`: the same evacuation-report write, authenticated through the guard (API key,
// policy, write rate limit in Redis) and through the benchmark-only route that skips the guard layer
// (POST /api/v1/bench/corridors/:id/evacuations, mounted only with BENCH_UNGUARDED_ROUTES=true). Same build,
// same service, transaction and audit entry. The api must be started with AUTH_OVERHEAD_ENV.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

/** What the api under measurement needs: the unguarded route, and a write limit the benchmark does not reach. */
export const AUTH_OVERHEAD_ENV = { BENCH_UNGUARDED_ROUTES: 'true', WRITES_PER_KEY_PER_MINUTE: '1000000000' };

function run(options) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    autocannon.track(instance, {
      renderProgressBar: false,
      renderResultsTable: false,
      renderLatencyTable: false,
    });
  });
}

async function json(url, options) {
  const response = await fetch(url, options);
  if (!response.ok)
    throw new Error(`${options?.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

// One counter for every run: each request is a distinct report (its own time), never a duplicate.
let sequence = 0;
const startedAt = Date.now() - 3_600_000;

function reportRequests(pathOf, headers, corridorIds, partyIds) {
  return [
    {
      method: 'POST',
      setupRequest: (request) => {
        sequence += 1;
        const corridorId = corridorIds[sequence % corridorIds.length];
        return {
          ...request,
          path: pathOf(corridorId),
          headers: {
            ...headers,
            'content-type': 'application/json',
            'idempotency-key': `auth-bench-${randomUUID()}`,
          },
          body: JSON.stringify({
            sourcePartyId: partyIds[sequence % partyIds.length],
            reportedAt: new Date(startedAt - sequence).toISOString(),
            count: { qualifier: sequence % 4 === 0 ? 'at_least' : 'exact', value: sequence % 500 },
            category: 'civilians',
          }),
        };
      },
    },
  ];
}

const summary = (result) => ({
  rps: Math.round(result.requests.average),
  p99: result.latency.p99,
  errors: result.errors + result.non2xx,
});

/**
 * Measures report creation with and without the guard layer, alternating (guarded, unguarded, twice) so that
 * the database growing during the run does not favour either; `ratio` is guarded / unguarded.
 * With `admin` ({ email, password }), also measures sign-in (argon2id verification, session and audit rows).
 */
export async function benchAuthOverhead({
  base,
  adminToken,
  corridorIds,
  partyIds,
  durationSeconds = 10,
  connections = 10,
  admin,
}) {
  const { key } = await json(`${base}/api/v1/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ name: 'auth overhead bench', scopes: ['read', 'write'] }),
  });
  const guarded = () =>
    run({
      url: base,
      connections,
      duration: durationSeconds / 2,
      requests: reportRequests(
        (id) => `/api/v1/corridors/${id}/evacuations`,
        { authorization: `Bearer ${key}` },
        corridorIds,
        partyIds,
      ),
    });
  const unguarded = () =>
    run({
      url: base,
      connections,
      duration: durationSeconds / 2,
      requests: reportRequests(
        (id) => `/api/v1/bench/corridors/${id}/evacuations`,
        {},
        corridorIds,
        partyIds,
      ),
    });
  if (!(await isMounted(base, corridorIds[0]))) {
    throw new Error('the api was not started with BENCH_UNGUARDED_ROUTES=true (see AUTH_OVERHEAD_ENV)');
  }

  const results = { withGuard: [], withoutGuard: [] };
  for (let round = 0; round < 2; round += 1) {
    results.withGuard.push(await guarded());
    results.withoutGuard.push(await unguarded());
  }
  const merge = (runs) => {
    const parts = runs.map(summary);
    return {
      rps: Math.round(parts.reduce((sum, p) => sum + p.rps, 0) / parts.length),
      p99: Math.max(...parts.map((p) => p.p99)),
      errors: parts.reduce((sum, p) => sum + p.errors, 0),
    };
  };
  const withGuard = merge(results.withGuard);
  const withoutGuard = merge(results.withoutGuard);
  const outcome = { withGuard, withoutGuard, ratio: Number((withGuard.rps / withoutGuard.rps).toFixed(3)) };
  if (admin) {
    outcome.signIn = summary(
      await run({
        url: `${base}/api/v1/auth/login`,
        method: 'POST',
        connections: 2,
        duration: Math.max(2, Math.round(durationSeconds / 4)),
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(admin),
      }),
    );
  }
  return outcome;
}

/** The unguarded route answers 400 to an empty body when mounted; an unmounted one is a plain 404. */
async function isMounted(base, corridorId) {
  const response = await fetch(`${base}/api/v1/bench/corridors/${corridorId}/evacuations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  return response.status === 400;
}
