import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Principal, Role } from '#cw/accounts';

export const IS_PUBLIC = 'cw:isPublic';
/** Marks public operations in the OpenAPI document, where createApiApp turns it into `security: []`. */
export const PUBLIC_OPERATION = 'x-public';
export const REQUIRED_ROLE = 'cw:requiredRole';

/** Open without sign-in: only health, docs and sign-in itself. */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_OPERATION, true));

/** The least role a route needs; without it, reading needs `viewer` and writing `reporter`. */
export const RequireRole = (role: Role): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLE, role);

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** The authenticated principal of the request; the guard guarantees one on non-public routes. */
export const Actor = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<FastifyRequest>().principal;
  if (!principal) throw new Error('Actor used on a public route');
  return principal;
});
