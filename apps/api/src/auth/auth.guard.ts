import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AuthService, viewerOf, type Principal } from '#cw/accounts';
import { AuditService } from '#cw/audit';
import { AppError, AppErrorCode } from '#cw/common';
import { AppConfig } from '#cw/config';
import { REPORT_KIND_NAMES } from '#cw/reports';
import { Database, EmbargoRepository } from '#cw/persistence';
import { policyOf, roleMeets, type ObjectRule, type OwnedRecord, type RoutePolicy } from './access-policy.js';
import { RateLimits } from './rate-limits.js';
import { RecordOwners } from './record-owners.js';
import { CSRF_HEADER, CSRF_HEADER_VALUE, sessionCookieName } from './session-cookie.js';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// As the handlers' own 404s name them: a refusal must read exactly like an unknown id.
const RECORD_NAMES: Record<OwnedRecord, string> = {
  corridor: 'corridor',
  location: 'place',
  operation: 'operation',
  api_key: 'API key',
  user: 'user',
  webhook_endpoint: 'webhook endpoint',
  subscription: 'subscription',
  ...REPORT_KIND_NAMES,
};

/**
 * Applies the access policy (access-policy.ts) to every request: who is asking, whether their role and key
 * scope allow the route, whether the record named belongs to their organisation, and the write rate limit.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly sessionCookie: string;

  constructor(
    private readonly auth: AuthService,
    private readonly limits: RateLimits,
    private readonly owners: RecordOwners,
    private readonly audit: AuditService,
    private readonly db: Database,
    private readonly embargoes: EmbargoRepository,
    config: AppConfig,
  ) {
    this.sessionCookie = sessionCookieName(config.PUBLIC_URL);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const policy = policyOf(request.method, request.routeOptions.url);
    if (!policy) {
      // Fail closed: a route nobody wrote a rule for is nobody's.
      throw new AppError(AppErrorCode.Forbidden, 'This route has no access rule yet.');
    }
    if (policy.role === 'public') return true;
    const isRead = READ_METHODS.has(request.method);

    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const cookie = request.cookies?.[this.sessionCookie];
    const authenticated = await this.auth.authenticate(bearer ?? cookie ?? '');
    if (!authenticated) {
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
    if (!roleMeets(authenticated.role, policy)) {
      throw new AppError(
        AppErrorCode.Forbidden,
        `This needs the ${policy.role} role; you are ${authenticated.role}.`,
      );
    }
    if (!authenticated.scopes.includes(policy.scope)) {
      throw new AppError(AppErrorCode.Forbidden, `This API key lacks the ${policy.scope} scope.`);
    }
    if (policy.sessionOnly && authenticated.credential.kind !== 'session') {
      throw new AppError(AppErrorCode.Forbidden, 'This needs a signed-in session; an API key cannot do it.');
    }
    const principal: Principal = { ...authenticated, requestId: String(request.id) };
    request.principal = principal;
    if (!isRead) this.limits.consumeWrite(principal.credential.id);
    if (principal.role !== 'admin') {
      await this.assertNotHeldBack(
        request.routeOptions.url ?? '',
        policy,
        principal,
        request.params as Record<string, string>,
      );
    }
    if (policy.object && principal.role !== 'admin') {
      await this.assertOwnOrganisation(policy.object, principal, request.params as Record<string, string>);
    }
    return true;
  }

  /**
   * A corridor under embargo, and a claim under embargo, are unknown to other organisations: every route under
   * the corridor (and one naming the claim) answers 404 word for word as for an unknown id.
   */
  private async assertNotHeldBack(
    url: string,
    policy: RoutePolicy,
    principal: Principal,
    params: Record<string, string | undefined>,
  ): Promise<void> {
    const viewer = viewerOf(principal);
    if (url.startsWith('/api/v1/corridors/:id') && params.id) {
      if (await this.embargoes.isHidden('corridor', params.id.toLowerCase(), viewer))
        throw AppError.notFound('corridor', params.id);
    }
    const report = policy.object?.param === 'reportId' ? policy.object.record : undefined;
    if (report && report in REPORT_KIND_NAMES && params.reportId) {
      const kind = report as keyof typeof REPORT_KIND_NAMES;
      if (await this.embargoes.isHidden(kind, params.reportId.toLowerCase(), viewer))
        throw AppError.notFound(RECORD_NAMES[kind], params.reportId);
    }
  }

  /** A record of another organisation is refused, and the attempt audited; an unknown id is the handler's 404. */
  private async assertOwnOrganisation(
    rule: ObjectRule,
    principal: Principal,
    params: Record<string, string | undefined>,
  ): Promise<void> {
    const id = params[rule.param ?? 'id'];
    if (!id) return;
    const owner = await this.owners.organisationOf(rule.record, id.toLowerCase());
    if (owner === undefined || owner === principal.organisationId) return;
    await this.audit.record(this.db, {
      actor: principal,
      action: rule.action,
      entity: rule.record,
      entityId: id.toLowerCase(),
      corridorId:
        rule.record === 'corridor' ? id.toLowerCase() : rule.param ? params.id?.toLowerCase() : null,
      outcome: 'refused',
    });
    if (rule.refuseWith === 404) throw AppError.notFound(RECORD_NAMES[rule.record], id);
    throw new AppError(
      AppErrorCode.Forbidden,
      `This ${RECORD_NAMES[rule.record]} belongs to another organisation.`,
    );
  }
}
