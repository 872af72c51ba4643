import { Injectable, Logger } from '@nestjs/common';
import { AuditService, changedFields, type AuditActor } from '#cw/audit';
import { Clock } from '#cw/clock';
import { AppError, AppErrorCode, newId } from '#cw/common';
import { AppConfig, ConfigError } from '#cw/config';
import { DEFAULT_LANGUAGE } from '#cw/domain';
import {
  Database,
  OrganisationRepository,
  SessionRepository,
  UniqueViolation,
  UserRepository,
  type SqlRunner,
  type UserEditableFields,
  type UserEntity,
} from '#cw/persistence';
import { toInviteResponse, type InviteResponseDto } from './dto/invite-response.dto.js';
import type { UserCreateDto } from './dto/user-create.dto.js';
import type { UserListQueryDto } from './dto/user-list-query.dto.js';
import {
  toUserResponse,
  UserCreatedResponseDto,
  UserPageDto,
  UserResponseDto,
} from './dto/user-response.dto.js';
import type { UserUpdateDto } from './dto/user-update.dto.js';
import { ApiKeyPrincipalCache } from './api-key-principal-cache.js';
import { PasswordHasher } from './password-hasher.js';
import { assertPasswordPolicy, passwordWeakness } from './password-policy.js';
import type { Principal } from './principal.js';
import { newSecret, sha256Hex } from './secret-token.js';

const INVITE_TTL_MS = 72 * 3_600_000;

// One answer for unknown, used and expired: which of them it is would tell a guesser nothing useful to know.
const inviteGone = () =>
  new AppError(AppErrorCode.NotFound, 'This invitation is unknown, used already or expired.', 'token');

/** People: invitations, roles, disabling, passwords. */
@Injectable()
export class UserService {
  private readonly logger = new Logger(UserService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly db: Database,
    private readonly users: UserRepository,
    private readonly organisations: OrganisationRepository,
    private readonly sessions: SessionRepository,
    private readonly passwords: PasswordHasher,
    private readonly apiKeyPrincipals: ApiKeyPrincipalCache,
    private readonly audit: AuditService,
  ) {}

  /** `actor` null: the command line on the server. Without a password the answer carries a one-time link. */
  async create(actor: AuditActor | null, dto: UserCreateDto): Promise<UserCreatedResponseDto> {
    if (dto.password !== undefined) assertPasswordPolicy(dto.password, dto.email);
    const now = this.clock.now();
    const invite = dto.password === undefined ? newSecret() : null;
    const user: UserEntity = {
      id: newId(),
      email: dto.email.toLowerCase(),
      displayName: dto.displayName.trim(),
      organisationId: dto.organisationId,
      role: dto.role,
      passwordHash: dto.password === undefined ? null : await this.passwords.hash(dto.password),
      disabledAt: null,
      inviteTokenHash: invite && sha256Hex(invite),
      inviteExpiresAt: invite ? new Date(now.getTime() + INVITE_TTL_MS) : null,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.db.transaction(async (tx) => {
        if (!(await this.organisations.findById(dto.organisationId, tx))) {
          throw AppError.unknownReference('organisationId', 'organisation', dto.organisationId);
        }
        await this.users.insert(user, tx);
        await this.audit.record(tx, {
          actor,
          action: 'user.create',
          entity: 'user',
          entityId: user.id,
          organisationId: user.organisationId,
          after: {
            email: user.email,
            displayName: user.displayName,
            organisationId: user.organisationId,
            role: user.role,
            invited: invite !== null,
          },
        });
      });
    } catch (error) {
      if (error instanceof UniqueViolation) {
        throw new AppError(
          AppErrorCode.Duplicate,
          `A user with the e-mail ${user.email} exists already.`,
          'email',
        );
      }
      throw error;
    }
    return { ...toUserResponse(user), ...(invite ? { inviteUrl: this.inviteUrl(invite) } : {}) };
  }

  /** Admins see everyone (or one organisation); everyone else sees their own organisation. */
  async list(principal: Principal, query: UserListQueryDto): Promise<UserPageDto> {
    const organisationId = principal.role === 'admin' ? query.organisationId : principal.organisationId;
    const page = await this.users.list({ organisationId, limit: query.limit, cursor: query.cursor });
    return { items: page.items.map(toUserResponse), nextCursor: page.nextCursor };
  }

  /**
   * Role, display name, disabled. A coordinator manages their own organisation's users (the guard's object
   * rule) but neither touches an admin nor makes one.
   */
  async update(principal: Principal, id: string, dto: UserUpdateDto): Promise<UserResponseDto> {
    const current = await this.users.findById(id);
    if (!current || (principal.role !== 'admin' && current.organisationId !== principal.organisationId)) {
      throw AppError.notFound('user', id);
    }
    if (principal.role !== 'admin' && (current.role === 'admin' || dto.role === 'admin')) {
      throw new AppError(AppErrorCode.Forbidden, 'Only an admin changes an admin or makes one.');
    }
    if (dto.disabled === true && id === principal.userId) {
      throw new AppError(AppErrorCode.Forbidden, 'You cannot disable your own account.', 'disabled');
    }
    const now = this.clock.now();
    const fields: UserEditableFields = {};
    if (dto.role !== undefined) fields.role = dto.role;
    if (dto.displayName !== undefined) fields.displayName = dto.displayName.trim();
    if (dto.disabled !== undefined && dto.disabled !== (current.disabledAt !== null)) {
      fields.disabledAt = dto.disabled ? now : null;
    }
    const diff = changedFields(
      { role: current.role, displayName: current.displayName, disabled: current.disabledAt !== null },
      { role: fields.role, displayName: fields.displayName, disabled: dto.disabled },
    );
    if (!diff) return toUserResponse(current);
    await this.db.transaction(async (tx) => {
      await this.users.update(id, fields, now, tx);
      if (fields.disabledAt) await this.sessions.revokeAllOfUser(id, now, tx);
      await this.audit.record(tx, {
        actor: principal,
        action: fields.disabledAt ? 'user.disable' : 'user.update',
        entity: 'user',
        entityId: id,
        organisationId: current.organisationId,
        ...diff,
      });
    });
    // Keys act with their owner's role and only while the owner is enabled: forget them here at once.
    this.apiKeyPrincipals.forgetUser(id);
    return toUserResponse({ ...current, ...fields });
  }

  /** Sets the password an invitation was for; the link works once and for 72 hours. */
  /** Who an invitation link is for, while it still works: the page that sets the password greets them by name. */
  async describeInvite(token: string): Promise<InviteResponseDto> {
    const user = await this.users.findByInvite(sha256Hex(token), this.clock.now());
    if (!user) throw inviteGone();
    return toInviteResponse(user);
  }

  async acceptInvite(token: string, password: string, requestId?: string): Promise<void> {
    const now = this.clock.now();
    const invited = await this.users.findByInvite(sha256Hex(token), now);
    if (!invited) throw inviteGone();
    assertPasswordPolicy(password, invited.email);
    const passwordHash = await this.passwords.hash(password);
    const done = await this.db.transaction(async (tx) => {
      const user = await this.users.findByInvite(sha256Hex(token), now, tx);
      if (!user) return false;
      await this.users.setPassword(user.id, passwordHash, now, tx);
      await this.audit.record(tx, {
        actor: { userId: user.id, organisationId: user.organisationId, requestId },
        action: 'user.invite_accept',
        entity: 'user',
        entityId: user.id,
        before: { invitePending: true },
        after: { invitePending: false },
      });
      return true;
    });
    if (!done) throw inviteGone();
  }

  /**
   * From the command line: sets a new password, or (without one) issues a new one-time link. Either way the
   * user's sessions end.
   */
  async resetPassword(email: string, password: string | null): Promise<{ inviteUrl?: string }> {
    const user = await this.users.findByEmail(email);
    if (!user) throw new AppError(AppErrorCode.NotFound, `No user has the e-mail ${email.toLowerCase()}.`);
    if (password !== null) assertPasswordPolicy(password, user.email);
    const now = this.clock.now();
    const invite = password === null ? newSecret() : null;
    const passwordHash = password === null ? null : await this.passwords.hash(password);
    await this.db.transaction(async (tx) => {
      if (passwordHash) await this.users.setPassword(user.id, passwordHash, now, tx);
      if (invite)
        await this.users.setInvite(
          user.id,
          sha256Hex(invite),
          new Date(now.getTime() + INVITE_TTL_MS),
          now,
          tx,
        );
      await this.sessions.revokeAllOfUser(user.id, now, tx);
      await this.audit.record(tx, {
        actor: null,
        action: 'user.password_reset',
        entity: 'user',
        entityId: user.id,
        organisationId: user.organisationId,
        after: { by: invite ? 'link' : 'password' },
      });
    });
    return invite ? { inviteUrl: this.inviteUrl(invite) } : {};
  }

  /** The user with this e-mail as a principal with both scopes (the benchmark's unguarded route acts as one). */
  async principalOf(email: string): Promise<Principal | null> {
    const user = await this.users.findByEmail(email);
    if (!user) return null;
    return {
      userId: user.id,
      organisationId: user.organisationId,
      role: user.role as Principal['role'],
      scopes: ['read', 'write'],
      credential: { kind: 'session', id: user.id },
    };
  }

  /** Creates the first admin from BOOTSTRAP_ADMIN_* when the database has no user yet. */
  async ensureBootstrapAdmin(): Promise<void> {
    const email = this.config.BOOTSTRAP_ADMIN_EMAIL?.toLowerCase();
    const password = this.config.BOOTSTRAP_ADMIN_PASSWORD;
    if (!email || !password || (await this.users.count()) > 0) return;
    const weakness = passwordWeakness(password, email);
    if (weakness) throw new ConfigError(`Invalid configuration: BOOTSTRAP_ADMIN_PASSWORD: ${weakness}`);
    const passwordHash = await this.passwords.hash(password);
    const now = this.clock.now();
    try {
      await this.db.transaction(async (tx) => {
        const organisationId = await this.administrators(now, tx);
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
        await this.audit.record(tx, {
          actor: null,
          action: 'user.create',
          entity: 'user',
          entityId: admin.id,
          organisationId,
          after: { email, role: 'admin', bootstrap: true },
        });
      });
      this.logger.log(`created the first admin ${email}`);
    } catch (error) {
      // Another replica starting at the same moment created it first.
      if (!(error instanceof UniqueViolation)) throw error;
    }
  }

  private async administrators(now: Date, tx: SqlRunner): Promise<string> {
    const existing = await this.organisations.findByName('Administrators', tx);
    if (existing) return existing.id;
    const id = newId();
    await this.organisations.insert(
      { id, name: 'Administrators', language: DEFAULT_LANGUAGE, createdAt: now },
      tx,
    );
    return id;
  }

  private inviteUrl(token: string): string {
    return `${this.config.PUBLIC_URL.replace(/\/+$/, '')}/invite/${token}`;
  }
}
