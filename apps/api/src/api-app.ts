import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '#cw/config';
import { AppModule, type ApiModuleOptions } from './app.module.js';
import { PUBLIC_OPERATION } from './auth/access.decorators.js';

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
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.register(fastifyCookie);

  // Errors raised before a handler runs (unreadable JSON, body too large) need no handler of their own:
  // Nest installs its exception layer as Fastify's error handler, so ProblemFilter renders them too.
  // (A second setErrorHandler here would be overridden by Nest's, with Fastify warning FSTWRN004.)

  app.setGlobalPrefix(API_PREFIX, { exclude: ['health'] });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Corridor Watch API')
      .setDescription(
        'Humanitarian evacuation corridors: what was promised, who confirmed it, what happened.',
      )
      .setVersion('1')
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'opaque',
        description: 'An API key or a session token.',
      })
      .addCookieAuth('cw_session')
      .addSecurityRequirements('bearer')
      .build(),
  );
  markPublicOperations(document);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

/** Operations open without sign-in override the document's global bearer requirement. */
function markPublicOperations(document: OpenAPIObject): void {
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as Record<string, unknown>[]) {
      if (operation && typeof operation === 'object' && operation[PUBLIC_OPERATION]) {
        operation.security = [];
        delete operation[PUBLIC_OPERATION];
      }
    }
  }
}
