import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AuthService } from '#cw/accounts';
import { PROBLEM_CONTENT_TYPE, problem } from '../http/problem.js';
import { SESSION_COOKIE } from '../auth/session-cookie.js';
import { JobQueues } from './job-queues.js';

export const BULL_BOARD_PATH = '/api/admin/queues';

/**
 * Bull Board, for admins only. It is a Fastify plugin outside Nest's guard, so its own onRequest hook
 * authenticates the session cookie or bearer token and requires the admin role.
 */
export async function mountBullBoard(app: NestFastifyApplication): Promise<void> {
  const queues = app.get(JobQueues);
  const auth = app.get(AuthService);
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(BULL_BOARD_PATH);
  createBullBoard({
    queues: queues.all.map((queue) => new BullMQAdapter(queue, { readOnlyMode: false })),
    serverAdapter,
  });
  await app.register(async (scope: FastifyInstance) => {
    scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
      const principal = await auth.authenticate(bearer ?? request.cookies?.[SESSION_COOKIE] ?? '');
      if (principal?.role === 'admin') return;
      const body = principal
        ? problem(403, 'forbidden', `Bull Board needs the admin role; you are ${principal.role}.`)
        : problem(401, 'unauthenticated', 'Sign in as an admin to see the queues.');
      return reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
    });
    await scope.register(serverAdapter.registerPlugin(), { prefix: BULL_BOARD_PATH });
  });
}
