import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, RateLimited } from '#cw/common';
import { DomainError } from '#cw/domain';
import { ForeignKeyViolation, InvalidCursor, UniqueViolation } from '#cw/persistence';
import { problem, PROBLEM_CONTENT_TYPE, ProblemDto } from './problem.js';
import { ValidationProblem } from './validation-problem.js';

/** Renders every error as application/problem+json; only the unexpected become 500, logged with the request id. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = toProblem(error, request, this.logger);
    body.instance = request.url;
    if (error instanceof RateLimited) void reply.header('retry-after', String(error.retryAfterSeconds));
    void reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
  }
}

export function toProblem(error: unknown, request: FastifyRequest, logger: Logger): ProblemDto {
  if (error instanceof ValidationProblem) {
    return problem(400, 'validation', error.message, error.errors);
  }
  if (error instanceof DomainError) {
    return problem(
      error.status,
      error.code,
      error.message,
      error.field ? [{ field: error.field, message: error.message }] : [],
    );
  }
  if (error instanceof AppError) {
    return {
      ...problem(
        error.status,
        error.code,
        error.message,
        error.field ? [{ field: error.field, message: error.message }] : [],
      ),
      ...error.extensions,
    };
  }
  if (error instanceof InvalidCursor) {
    return problem(400, 'invalid-cursor', 'This cursor was not issued by this server.', [
      { field: 'cursor', message: error.message },
    ]);
  }
  if (error instanceof UniqueViolation) {
    return problem(409, 'duplicate', 'This was stored already.');
  }
  if (error instanceof ForeignKeyViolation) {
    return problem(422, 'unknown-reference', 'The request names a record that does not exist.');
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    // Nest's exception layer wraps what Fastify refuses before routing (body too large, unreadable JSON).
    const cause = error.cause as { code?: unknown } | undefined;
    if (typeof cause?.code === 'string' && cause.code.startsWith('FST_')) {
      return fastifyProblem(status, cause.code, error.message);
    }
    return problem(status, status === 404 ? 'not-found' : `http-${status}`, error.message);
  }
  const fastifyError = error as { statusCode?: number; code?: string; message?: string };
  if (
    typeof fastifyError?.statusCode === 'number' &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    return fastifyProblem(fastifyError.statusCode, fastifyError.code, fastifyError.message ?? '');
  }
  logger.error({ err: error, requestId: request.id }, 'unexpected error');
  return {
    ...problem(
      500,
      'server-error',
      `Something failed on our side. Quote request id ${request.id} when reporting it.`,
    ),
    requestId: String(request.id),
  };
}

function fastifyProblem(status: number, code: string | undefined, message: string): ProblemDto {
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'body-too-large', 'The request body is larger than this server accepts.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(415, 'unsupported-media-type', 'Send the body as application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(400, 'validation', 'The JSON body is empty.');
    default:
      return problem(
        status,
        status === 400 ? 'malformed-request' : `http-${status}`,
        message || 'The request could not be read.',
      );
  }
}
