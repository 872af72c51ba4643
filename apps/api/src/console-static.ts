import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

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
 * Serves the admin console at `/`: hashed assets cached for a year, index.html never cached, and
 * index.html for any other GET outside /api and /health so the console's own routes survive a reload.
 * Without a built console the API runs alone.
 */
export async function serveConsole(app: NestFastifyApplication): Promise<void> {
  const root = consoleRoot();
  if (!root) return;
  const indexHtml = readFileSync(path.join(root, 'index.html'));
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
  fastify.get('/*', async (request, reply) => {
    const url = request.url.split('?')[0];
    if (url.startsWith('/api/') || url === '/api' || url.startsWith('/health') || path.extname(url)) {
      return reply.callNotFound();
    }
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
  });
  fastify.get('/', async (_request, reply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml),
  );
}
