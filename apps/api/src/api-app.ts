import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { constants as zlib } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController } from 'fastify';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import type { Logger as Pino } from 'pino';
import { loadConfig } from '#cw/config';
import { PinoNestLogger } from '#cw/logging';
import { AppModule, type ApiModuleOptions } from './app.module.js';
import { loggableUrl } from './http/loggable-url.js';
import { describeApi } from './http/api-document.js';
import { answerClientError, renderFrameworkError } from './http/refused-before-routing.js';
import { logOptions } from './http/log-options.js';
import { serveConsole } from './console-static.js';
import { mountBullBoard } from './jobs/bull-board.js';
import { cacheValidationRules } from './http/validation-rules-cache.js';

export const API_PREFIX = 'api/v1';
const REQUEST_ID = /^[\w.:+=/-]{1,100}$/;

/** Builds the api exactly as production runs it; main.ts and the e2e tests both call this. */
export async function createApiApp(options: ApiModuleOptions = {}): Promise<NestFastifyApplication> {
  const config = loadConfig(options.env);
  cacheValidationRules();
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    // Only the proxies TRUST_PROXY names may set the client address (the sign-in limit counts per address).
    trustProxy: config.trustProxy,
    // A caller's (or proxy's) X-Request-Id is kept only when it looks like one: it is echoed, logged and
    // written to the audit (at most 100 characters), so it must not be the caller's choice of anything else.
    requestIdHeader: false,
    genReqId: (request: IncomingMessage) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    logger: logOptions(config),
    // Requests are logged once each by the onResponse hook below, not twice by Fastify.
    logController: new LogController({ disableRequestLogging: true }),
    // A request not received whole in time is answered 408 (Fastify leaves Node's timeout off by default); Node
    // checks its connections for it every so often, here a quarter of the timeout at most.
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    http: {
      connectionsCheckingInterval: Math.min(30_000, Math.floor(config.REQUEST_TIMEOUT_MS / 4)),
      headersTimeout: Math.min(60_000, config.REQUEST_TIMEOUT_MS),
    },
    // Refused before any route or hook, still as problem+json: an over-long path (414), headers too large (431).
    frameworkErrors: renderFrameworkError,
    clientErrorHandler: answerClientError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    bufferLogs: true,
  });
  app.enableShutdownHooks();
  await app.register(fastifyCookie);
  // A corridor list read on a phone over a slow link: answers over 1 KB are compressed when the client
  // accepts it (brotli at a quality that costs little CPU). The console's files are compressed at build time.
  await app.register(fastifyCompress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });
  const isHttps = config.PUBLIC_URL.startsWith('https://');
  // helmet itself, built once: @fastify/helmet builds it again for every request.
  const securityHeaders = (styleSrc: string[]) =>
    helmet({
      // Same-origin everything.
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc,
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          // Field offices may serve it over plain http on an isolated network: upgrading would break it there.
          upgradeInsecureRequests: isHttps ? [] : null,
        },
      },
      hsts: isHttps,
    });
  const strictHeaders = securityHeaders(["'self'"]);
  // The Swagger UI and Bull Board pages are not ours and carry inline <style> blocks.
  const thirdPartyPageHeaders = securityHeaders(["'self'", "'unsafe-inline'"]);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      const isThirdPartyPage = /^\/api\/(docs|admin\/queues)(\/|$|\?)/.test(request.url);
      (isThirdPartyPage ? thirdPartyPageHeaders : strictHeaders)(request.raw, reply.raw, (error?: unknown) =>
        done(error as Error | undefined),
      );
    });
  // Closed unless CORS_ORIGINS names the browser origins that may call the API.
  const corsOrigins = config.CORS_ORIGINS.split(',').filter(Boolean);
  if (corsOrigins.length) {
    app.enableCors({
      origin: corsOrigins,
      credentials: true,
      methods: ['GET', 'POST', 'PATCH', 'DELETE'],
      allowedHeaders: [
        'authorization',
        'content-type',
        'idempotency-key',
        'x-requested-with',
        'x-request-id',
      ],
      exposedHeaders: ['x-request-id', 'retry-after'],
      maxAge: 600,
    });
  }
  await mountBullBoard(app);
  const fastify = app.getHttpAdapter().getInstance();
  app.useLogger(new PinoNestLogger(fastify.log as unknown as Pino));
  // One line per request, with its id, status and duration; the request id is echoed for support calls.
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: loggableUrl(request.url),
        statusCode: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request completed',
    );
  });

  // Errors raised before a handler runs (unreadable JSON, body too large) need no handler of their own:
  // Nest installs its exception layer as Fastify's error handler, so ProblemFilter renders them too.
  // (A second setErrorHandler here would be overridden by Nest's, with Fastify warning FSTWRN004.)

  app.setGlobalPrefix(API_PREFIX, { exclude: ['health'] });
  SwaggerModule.setup('api/docs', app, describeApi(app), { jsonDocumentUrl: 'api/docs-json' });
  await serveConsole(app);
  return app;
}
