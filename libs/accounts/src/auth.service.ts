import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '#cw/clock';
import { AppError, AppErrorCode, newId } from '#cw/common';
import { AppConfig } from '#cw/config';
import {
  ApiKeyRepository,
  Database,
  OrganisationRepository,
  SessionRepository,
  UniqueViolation,
  UserEntity,
  UserRepository,
} from '#cw/persistence';
import { toUserResponse, type UserResponseDto } from './dto/user-response.dto.js';
import type { LoginResponseDto } from './dto/login-response.dto.js';
import { ApiKeyPrincipalCache } from './api-key-principal-cache.js';
import { PasswordHasher } from './password-hasher.js';
import type { Principal, Role, Scope } from './principal.js';
import { API_KEY_PREFIX, newSecret, SESSION_TOKEN_PREFIX, sha256Hex } from './secret-token.js';

const KEY_USE_RECORD_INTERVAL_MS = 60_000;

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  // Recording every use would add a write to every request; once a minute per key is enough to audit.
  private readonly keyUseRecordedAt = new Map<string, number>();

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly db: Database,
    private readonly users: UserRepository,
    private readonly organisations: OrganisationRepository,
    private readonly sessions: SessionRepository,
    private readonly apiKeys: ApiKeyRepository,
    private readonly passwords: PasswordHasher,
    private readonly apiKeyPrincipals: ApiKeyPrincipalCache,
  ) {}

  async login(email: string, password: string): Promise<LoginResponseDto> {
    const user = await this.users.findByEmail(email);
    const isValid = await this.passwords.verify(user?.passwordHash ?? null, password);
    if (!user || !isValid || user.disabledAt) {
      throw new AppError(AppErrorCode.InvalidCredentials, 'The e-mail address or the password is not right.');
    }
    const now = this.clock.now();
    const token = `${SESSION_TOKEN_PREFIX}${newSecret()}`;
    const expiresAt = new Date(now.getTime() + this.config.SESSION_TTL_HOURS * 3_600_000);
    await this.sessions.insert({
      id: newId(),
      tokenHash: sha256Hex(token),
      userId: user.id,
      createdAt: now,
      expiresAt,
      lastSeenAt: now,
      revokedAt: null,
    });
    return { token, expiresAt: expiresAt.toISOString(), user: toUserResponse(user) };
  }

  async logout(principal: Principal): Promise<void> {
    if (principal.credential.kind === 'session')
      await this.sessions.revoke(principal.credential.id, this.clock.now());
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

  /** Creates the first admin from BOOTSTRAP_ADMIN_* when the database has no user yet. */
  async ensureBootstrapAdmin(): Promise<void> {
    const email = this.config.BOOTSTRAP_ADMIN_EMAIL?.toLowerCase();
    const password = this.config.BOOTSTRAP_ADMIN_PASSWORD;
    if (!email || !password || (await this.users.count()) > 0) return;
    const passwordHash = await this.passwords.hash(password);
    const now = this.clock.now();
    try {
      await this.db.transaction(async (tx) => {
        const organisationId = (await this.organisations.findByName('Administrators', tx))?.id ?? newId();
        if (!(await this.organisations.findByName('Administrators', tx))) {
          await this.organisations.insert({ id: organisationId, name: 'Administrators', createdAt: now }, tx);
        }
        const admin: UserEntity = {
          id: newId(),
          email,
          displayName: 'Administrator',
          organisationId,
          role: 'admin',
          passwordHash,
          disabledAt: null,
          inviteTokenHash: null,
          inviteExpiresAt: null,
          createdAt: now,
          updatedAt: now,
        };
        await this.users.insert(admin, tx);
      });
      this.logger.log(`created the first admin ${email}`);
    } catch (error) {
      // Another replica starting at the same moment created it first.
      if (!(error instanceof UniqueViolation)) throw error;
    }
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
    const session = await this.sessions.findLiveByHash(sha256Hex(token), this.clock.now());
    if (!session) return null;
    const user = await this.users.findById(session.userId);
    if (!user || user.disabledAt) return null;
    return {
      userId: user.id,
      organisationId: user.organisationId,
      role: user.role as Role,
      scopes: ['read', 'write'],
      credential: { kind: 'session', id: session.id },
    };
  }
}
