import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AuthService, hasRoleAtLeast, type Role } from '#cw/accounts';
import { AppError, AppErrorCode } from '#cw/common';
import { IS_PUBLIC, REQUIRED_ROLE } from './access.decorators.js';
import { CSRF_HEADER, CSRF_HEADER_VALUE, SESSION_COOKIE } from './session-cookie.js';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Every route needs a signed-in principal with the right role and scope, unless marked @Public. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const isRead = READ_METHODS.has(request.method);

    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const cookie = request.cookies?.[SESSION_COOKIE];
    const principal = await this.auth.authenticate(bearer ?? cookie ?? '');
    if (!principal) {
      throw new AppError(
        AppErrorCode.Unauthenticated,
        'Sign in, or send an API key as "Authorization: Bearer <key>".',
      );
    }
    if (!bearer && !isRead && request.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE) {
      throw new AppError(
        AppErrorCode.Forbidden,
        `A signed-in browser write must carry the ${CSRF_HEADER} header.`,
      );
    }

    const required =
      this.reflector.getAllAndOverride<Role>(REQUIRED_ROLE, targets) ?? (isRead ? 'viewer' : 'reporter');
    if (!hasRoleAtLeast(principal, required)) {
      throw new AppError(
        AppErrorCode.Forbidden,
        `This needs the ${required} role; you are ${principal.role}.`,
      );
    }
    const scope = isRead ? 'read' : 'write';
    if (!principal.scopes.includes(scope)) {
      throw new AppError(AppErrorCode.Forbidden, `This API key lacks the ${scope} scope.`);
    }
    request.principal = principal;
    return true;
  }
}
