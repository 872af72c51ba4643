import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '#cw/config';
import { sessionCookieName } from './auth/session-cookie.js';
import { renderFrameworkError } from './http/refused-before-routing.js';

/** The dashboard's one read, started by the HTML itself so it travels beside the scripts, not after them. */
const DASHBOARD_PRELOAD = '<link rel="preload" href="/api/v1/dashboard" as="fetch" crossorigin>';

// The built console (apps/console/dist), found from the compiled file (dist/apps/api/src) or the source tree.
function consoleRoot(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [
    path.resolve(here, '../../../../apps/console/dist'),
    path.resolve(here, '../../console/dist'),
    path.resolve(process.cwd(), 'apps/console/dist'),
  ];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? null;
}

/**
 * Serves the admin console at `/`: hashed assets (and their .br/.gz twins, chosen by Accept-Encoding) cached for a
 * year, index.html never cached, and index.html for any other GET outside /api and /health so the console's own
 * routes survive a reload. `/` for a signed-in browser also preloads the dashboard's data. Without a built console
 * the API runs alone.
 */
export async function serveConsole(app: NestFastifyApplication): Promise<void> {
  const sessionCookie = sessionCookieName(app.get(AppConfig).PUBLIC_URL);
  const root = consoleRoot();
  if (!root) return;
  const indexHtml = readFileSync(path.join(root, 'index.html'), 'utf8');
  const dashboardHtml = withPreload(indexHtml, DASHBOARD_PRELOAD);
  await app.register(fastifyStatic as never, {
    root,
    prefix: '/',
    wildcard: false,
    index: false,
    decorateReply: false,
    cacheControl: false,
    preCompressed: true,
    setHeaders: (reply: { header(name: string, value: string): unknown }, filePath: string) => {
      const isHashed = filePath.includes(`${path.sep}assets${path.sep}`);
      reply.header('cache-control', isHashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  const maxParamLength = fastify.initialConfig.maxParamLength ?? 100;
  const sendHtml = (reply: FastifyReplyLike, html: string) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
  fastify.get('/*', async (request, reply) => {
    const url = request.url.split('?')[0];
    if (url.startsWith('/api/') || url === '/api' || url.startsWith('/health') || path.extname(url)) {
      // This catch-all takes what the router gave up on, an over-long id included: still a 414, as without it.
      if (url.split('/').some((part) => part.length > maxParamLength)) {
        return renderFrameworkError(new FrameworkError('FST_ERR_MAX_PARAM_LENGTH'), request, reply);
      }
      return reply.callNotFound();
    }
    return sendHtml(reply, indexHtml);
  });
  fastify.get('/', async (request, reply) => {
    // Without a session the console goes to sign-in: preloading would only fetch a 401.
    const hasSession = (request.headers.cookie ?? '').includes(`${sessionCookie}=`);
    return sendHtml(reply.header('vary', 'Cookie'), hasSession ? dashboardHtml : indexHtml);
  });
}

class FrameworkError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

interface FastifyReplyLike {
  header(name: string, value: string): this;
  type(contentType: string): this;
  send(payload: string): unknown;
}

/** The preload first in <head>: the browser starts it before it has parsed the script tags. */
function withPreload(html: string, link: string): string {
  const at = html.indexOf('<meta name="viewport"');
  return at < 0
    ? html.replace('</head>', `${link}</head>`)
    : `${html.slice(0, at)}${link}\n    ${html.slice(at)}`;
}
