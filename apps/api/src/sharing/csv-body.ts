import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { AppConfig } from '#cw/config';

/**
 * CSV imports are sent as `text/csv`, read whole as bytes (the import decodes them, so a file that is not
 * UTF-8 is a problem it names, not a 400 of the parser), up to their own limit, IMPORT_BODY_LIMIT_BYTES.
 */
@Injectable()
export class CsvBody implements OnModuleInit {
  constructor(
    private readonly adapter: HttpAdapterHost,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter.getInstance<FastifyInstance>();
    if (fastify.hasContentTypeParser('text/csv')) return;
    fastify.addContentTypeParser(
      'text/csv',
      { parseAs: 'buffer', bodyLimit: this.config.IMPORT_BODY_LIMIT_BYTES },
      (_request, body, done) => done(null, body),
    );
  }
}
