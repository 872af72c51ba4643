import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AuthService, type Principal } from '#cw/accounts';
import { AuditService, type AuditRecord } from '#cw/audit';
import { RateLimited } from '#cw/common';
import { AppConfig } from '#cw/config';
import { Database } from '#cw/persistence';
import { PROBLEM_CONTENT_TYPE, problem } from '../http/problem.js';
import { RateLimits } from '../auth/rate-limits.js';
import { siteOf } from '../auth/request-site.js';
import { sessionCookieName } from '../auth/session-cookie.js';
import { jobRecordId } from './job-audit.js';
import { JobQueues } from './job-queues.js';

export const BULL_BOARD_PATH = '/api/admin/queues';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Path words that name no operation: what is left of a route once they and its parameters are dropped is its verb.
const NOT_VERBS = new Set(['api', 'queues', 'job-schedulers']);

/**
 * Bull Board, for admins only. It is a Fastify plugin outside Nest's guard, so its own onRequest hook
 * authenticates the session cookie or bearer token, requires the admin role (and for a write: the write scope,
 * this site as origin, and room in the key's write rate limit), and its onSend hook audits every write that
 * succeeded.
 */
export async function mountBullBoard(app: NestFastifyApplication): Promise<void> {
  const queues = app.get(JobQueues);
  const auth = app.get(AuthService);
  const audit = app.get(AuditService);
  const db = app.get(Database);
  const limits = app.get(RateLimits);
  const { PUBLIC_URL } = app.get(AppConfig);
  const publicOrigin = new URL(PUBLIC_URL).origin;
  const sessionCookie = sessionCookieName(PUBLIC_URL);
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(BULL_BOARD_PATH);
  createBullBoard({
    queues: queues.all.map((queue) => new BullMQAdapter(queue, { readOnlyMode: false })),
    serverAdapter,
  });
  await app.register(async (scope: FastifyInstance) => {
    scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const refuse = (status: number, slug: string, detail: string) =>
        reply
          .status(status)
          .header('content-type', PROBLEM_CONTENT_TYPE)
          .send(problem(status, slug, detail));
      const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
      const principal = await auth.authenticate(bearer ?? request.cookies?.[sessionCookie] ?? '');
      if (!principal) return refuse(401, 'unauthenticated', 'Sign in as an admin to see the queues.');
      if (principal.role !== 'admin') {
        return refuse(403, 'forbidden', `Bull Board needs the admin role; you are ${principal.role}.`);
      }
      if (!SAFE_METHODS.has(request.method)) {
        if (!principal.scopes.includes('write')) {
          return refuse(403, 'forbidden', 'This API key lacks the write scope.');
        }
        // CSRF: its UI cannot send our x-requested-with header, so the browser must show it came from this site.
        if (!bearer && siteOf(request, publicOrigin) !== 'this-site') {
          return refuse(
            403,
            'forbidden',
            'A signed-in browser write to the queues must come from this site.',
          );
        }
        // The same budget of writes per key (or session) as the rest of the API.
        try {
          limits.consumeWrite(principal.credential.id);
        } catch (error) {
          if (!(error instanceof RateLimited)) throw error;
          void reply.header('retry-after', String(error.retryAfterSeconds));
          return refuse(error.status, error.code, error.message);
        }
      }
      request.principal = { ...principal, requestId: String(request.id) };
    });
    // Before the answer leaves, so an admin never sees a write succeed whose entry was not stored.
    scope.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      if (!SAFE_METHODS.has(request.method) && request.principal && reply.statusCode < 400) {
        await audit.record(db, boardWriteRecord(request, request.principal));
      }
      return payload;
    });
    await scope.register(serverAdapter.registerPlugin(), { prefix: BULL_BOARD_PATH });
  });
}

/**
 * What a Bull Board write did, named from its route: `PUT …/queues/:queueName/:jobId/retry` is `job.retry` on
 * that job, `PUT …/queues/:queueName/clean/:queueStatus` is `queue.clean`. Bull Board changes Redis, out of a
 * transaction of ours, so the entry records what was asked, without a before.
 */
function boardWriteRecord(request: FastifyRequest, actor: Principal): AuditRecord {
  const params = (request.params ?? {}) as Record<string, string | undefined>;
  const route = (request.routeOptions.url ?? '').slice(BULL_BOARD_PATH.length);
  const entity = params.jobId ? 'job' : params.schedulerId ? 'job_scheduler' : 'queue';
  const verb = route
    .split('/')
    .filter((word) => word && !word.startsWith(':') && !NOT_VERBS.has(word))
    .join('_')
    .replaceAll('-', '_');
  const id = params.jobId ?? params.schedulerId;
  const queue = params.queueName;
  return {
    actor,
    action: `${entity}.${verb || (request.method === 'PATCH' ? 'update' : request.method.toLowerCase())}`,
    entity,
    entityId: id && queue && entity !== 'queue' ? jobRecordId(entity, queue, id) : (queue ?? 'all'),
    before: null,
    after: {
      via: 'bull-board',
      queue: queue ?? 'all',
      ...(params.jobId && { jobId: params.jobId }),
      ...(params.schedulerId && { schedulerId: params.schedulerId }),
      ...(params.queueStatus && { status: params.queueStatus }),
    },
  };
}
