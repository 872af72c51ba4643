import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '#cw/config';
import { AppModule, type ApiModuleOptions } from './app.module.js';
import { toProblem } from './http/problem.filter.js';
import { PROBLEM_CONTENT_TYPE } from './http/problem.js';

export const API_PREFIX = 'api/v1';

/** Builds the api exactly as production runs it; main.ts and the e2e tests both call this. */
export async function createApiApp(options: ApiModuleOptions = {}): Promise<NestFastifyApplication> {
  const config = loadConfig(options.env);
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: true,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.register(fastifyCookie);

  // Errors raised before Nest sees the request (unreadable JSON, body too large) are problems too.
  const problemLogger = new NestLogger('Http');
  app
    .getHttpAdapter()
    .getInstance()
    .setErrorHandler((error, request, reply) => {
      const body = toProblem(error, request, problemLogger);
      body.instance = request.url;
      void reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
    });

  app.setGlobalPrefix(API_PREFIX, { exclude: ['health'] });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Corridor Watch API')
      .setDescription('Humanitarian evacuation corridors: what was promised, who confirmed it, what happened.')
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key or a session token.' })
      .addCookieAuth('cw_session')
      .addSecurityRequirements('bearer')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
