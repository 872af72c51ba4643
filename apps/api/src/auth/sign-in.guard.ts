import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppError, AppErrorCode } from '#cw/common';
import { AppConfig } from '#cw/config';
import { siteOf } from './request-site.js';

const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;

/**
 * Against login CSRF (a cross-site form signing a browser into the attacker's account): a sign-in is JSON, which
 * no form can send without a CORS preflight, and a browser's must come from this site (or a CORS_ORIGINS page),
 * as its Sec-Fetch-Site or Origin says. A script that sends neither header is not a browser and carries on.
 * Runs before the body is validated, so a form is a 415, not a list of missing fields.
 */
@Injectable()
export class SignInGuard implements CanActivate {
  private readonly publicOrigin: string;
  private readonly corsOrigins: string[];

  constructor(config: AppConfig) {
    this.publicOrigin = new URL(config.PUBLIC_URL).origin;
    this.corsOrigins = config.CORS_ORIGINS.split(',').filter(Boolean);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!JSON_MEDIA_TYPE.test(request.headers['content-type'] ?? '')) {
      throw new AppError(AppErrorCode.UnsupportedMediaType, 'Sign in with a JSON body (application/json).');
    }
    if (siteOf(request, this.publicOrigin, this.corsOrigins) === 'other-site') {
      throw new AppError(AppErrorCode.Forbidden, 'A browser may sign in here only from this site.');
    }
    return true;
  }
}
