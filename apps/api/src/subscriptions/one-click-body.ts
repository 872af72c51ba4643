import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/**
 * Mail providers send the RFC 8058 one-click POST as a form (`List-Unsubscribe=One-Click`). Fastify parses only
 * JSON by default and would answer 415; the token is in the query, so the form body is read as plain text.
 */
@Injectable()
export class OneClickBody implements OnModuleInit {
  constructor(private readonly adapter: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter.getInstance<FastifyInstance>();
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data']) {
      if (!fastify.hasContentTypeParser(type)) {
        fastify.addContentTypeParser(type, { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) =>
          done(null, body),
        );
      }
    }
  }
}
