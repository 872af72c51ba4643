import { Injectable } from '@nestjs/common';
import { AuditService } from '#cw/audit';
import { Clock } from '#cw/clock';
import { AppError, AppErrorCode, newId } from '#cw/common';
import { AppConfig } from '#cw/config';
import { ApiKeyRepository, Database, SessionRepository, UserRepository } from '#cw/persistence';
import { toUserResponse, type UserResponseDto } from './dto/user-response.dto.js';
import type { LoginResponseDto } from './dto/login-response.dto.js';
import { ApiKeyPrincipalCache } from './api-key-principal-cache.js';
import { PasswordHasher } from './password-hasher.js';
import type { Principal, Role, Scope } from './principal.js';
import { API_KEY_PREFIX, newSecret, SESSION_TOKEN_PREFIX, sha256Hex } from './secret-token.js';

const KEY_USE_RECORD_INTERVAL_MS = 60_000;
// Idle expiry needs last_seen_at; writing it on every request would add a write to every read.
const SESSION_TOUCH_INTERVAL_MS = 60_000;

/** Who a request acts for: sign-in, sign-out, and turning a session token or API key into a principal. */
@Injectable()
export class AuthService {
  // Recording every use would add a write to every request; once a minute per key is enough to audit.
  private readonly keyUseRecordedAt = new Map<string, number>();

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly db: Database,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly apiKeys: ApiKeyRepository,
    private readonly passwords: PasswordHasher,
    private readonly apiKeyPrincipals: ApiKeyPrincipalCache,
    private readonly audit: AuditService,
  ) {}

  /**
   * A new session with a new random token, every time: a token the browser held before (`previousToken`,
   * perhaps planted by someone else) is revoked, never carried over, so a session cannot be fixed.
   */
  async login(
    email: string,
    password: string,
    context: { requestId?: string; previousToken?: string } = {},
  ): Promise<LoginResponseDto & { token: string }> {
    const user = await this.users.findByEmail(email);
    const isValid = await this.passwords.verify(user?.passwordHash ?? null, password);
    if (!user || !isValid || user.disabledAt) {
      throw new AppError(AppErrorCode.InvalidCredentials, 'The e-mail address or the password is not right.');
    }
    const now = this.clock.now();
    const token = `${SESSION_TOKEN_PREFIX}${newSecret()}`;
    const expiresAt = new Date(now.getTime() + this.config.SESSION_TTL_HOURS * 3_600_000);
    const session = {
      id: newId(),
      tokenHash: sha256Hex(token),
      userId: user.id,
      createdAt: now,
      expiresAt,
      lastSeenAt: now,
      revokedAt: null,
    };
    await this.db.transaction(async (tx) => {
      if (context.previousToken?.startsWith(SESSION_TOKEN_PREFIX)) {
        const previous = await this.sessions.findByHash(sha256Hex(context.previousToken), tx);
        if (previous) await this.sessions.revoke(previous.id, now, tx);
      }
      await this.sessions.insert(session, tx);
      await this.audit.record(tx, {
        actor: {
          userId: user.id,
          organisationId: user.organisationId,
          credential: { kind: 'session', id: session.id },
          requestId: context.requestId,
        },
        action: 'session.sign_in',
        entity: 'session',
        entityId: session.id,
        after: { expiresAt: expiresAt.toISOString() },
      });
    });
    return { token, expiresAt: expiresAt.toISOString(), user: toUserResponse(user) };
  }

  async logout(principal: Principal): Promise<void> {
    if (principal.credential.kind !== 'session') return;
    const sessionId = principal.credential.id;
    await this.db.transaction(async (tx) => {
      if (!(await this.sessions.revoke(sessionId, this.clock.now(), tx))) return;
      await this.audit.record(tx, {
        actor: principal,
        action: 'session.sign_out',
        entity: 'session',
        entityId: sessionId,
      });
    });
  }

  /** Ends every session of the caller, on every device; API keys are revoked one by one instead. */
  async logoutEverywhere(principal: Principal): Promise<void> {
    await this.db.transaction(async (tx) => {
      const ended = await this.sessions.revokeAllOfUser(principal.userId, this.clock.now(), tx);
      await this.audit.record(tx, {
        actor: principal,
        action: 'session.sign_out_everywhere',
        entity: 'user',
        entityId: principal.userId,
        after: { sessionsEnded: ended },
      });
    });
  }

  async describe(principal: Principal): Promise<UserResponseDto> {
    const user = await this.users.findById(principal.userId);
    if (!user) throw new AppError(AppErrorCode.Unauthenticated, 'This account no longer exists.');
    return toUserResponse(user);
  }

  /** Resolves a bearer token or session cookie to the acting principal, or null. */
  async authenticate(token: string): Promise<Principal | null> {
    if (token.startsWith(API_KEY_PREFIX)) return this.authenticateApiKey(token);
    if (token.startsWith(SESSION_TOKEN_PREFIX)) return this.authenticateSession(token);
    return null;
  }

  private async authenticateApiKey(token: string): Promise<Principal | null> {
    const keyHash = sha256Hex(token);
    const cached = this.apiKeyPrincipals.get(keyHash);
    if (cached) return cached;
    const found = await this.apiKeys.findActiveByHash(keyHash);
    if (!found || found.owner.disabledAt) return null;
    const now = this.clock.now().getTime();
    const recordedAt = this.keyUseRecordedAt.get(found.key.id) ?? 0;
    if (now - recordedAt > KEY_USE_RECORD_INTERVAL_MS) {
      this.keyUseRecordedAt.set(found.key.id, now);
      await this.apiKeys.recordUse(found.key.id, new Date(now));
    }
    const principal: Principal = {
      userId: found.owner.id,
      organisationId: found.key.organisationId,
      role: found.owner.role as Role,
      scopes: found.key.scopes.split(',') as Scope[],
      credential: { kind: 'api_key', id: found.key.id },
    };
    this.apiKeyPrincipals.remember(keyHash, principal);
    return principal;
  }

  private async authenticateSession(token: string): Promise<Principal | null> {
    const now = this.clock.now();
    const idleSince = new Date(now.getTime() - this.config.SESSION_IDLE_MINUTES * 60_000);
    const session = await this.sessions.findLiveByHash(sha256Hex(token), now, idleSince);
    if (!session) return null;
    const user = await this.users.findById(session.userId);
    if (!user || user.disabledAt) return null;
    if (now.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_INTERVAL_MS) {
      await this.sessions.touch(session.id, now);
    }
    return {
      userId: user.id,
      organisationId: user.organisationId,
      role: user.role as Role,
      scopes: ['read', 'write'],
      credential: { kind: 'session', id: session.id },
    };
  }
}
