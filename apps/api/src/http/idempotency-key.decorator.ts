import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { hashRequest, type IdempotencyRequest } from '#cw/idempotency';
import { ValidationProblem } from './validation-problem.js';

const KEY = /^[\x21-\x7e]{1,255}$/;

/** The request's Idempotency-Key with the hash of what it was sent with, or undefined without one. */
export const Idempotency = createParamDecorator(
  (_: unknown, context: ExecutionContext): IdempotencyRequest | undefined => {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const key = request.headers['idempotency-key'];
    if (key === undefined) return undefined;
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw new ValidationProblem([
        { field: 'Idempotency-Key', message: 'Idempotency-Key must be 1–255 visible ASCII characters' },
      ]);
    }
    if (!request.principal) throw new Error('Idempotency used on a public route');
    return {
      principalId: request.principal.userId,
      key,
      requestHash: hashRequest(request.method, request.url, request.body),
    };
  },
);
