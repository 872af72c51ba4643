import { Injectable } from '@nestjs/common';
import type { Principal } from '#cw/accounts';
import { AuditService } from '#cw/audit';
import { Clock } from '#cw/clock';
import { AppError, newId } from '#cw/common';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '#cw/domain';
import { IdempotencyService, type IdempotencyRequest } from '#cw/idempotency';
import {
  AlertDeliveryRepository,
  CorridorRepository,
  Database,
  OrganisationRepository,
  PartyRepository,
  SubscriptionRepository,
  type SqlRunner,
  type SubscriptionEntity,
} from '#cw/persistence';
import { nextDigestAt } from './digest-schedule.js';
import type { DeliveryListQueryDto, DeliveryPageDto } from './dto/delivery-response.dto.js';
import { toDeliveryResponse } from './dto/delivery-response.dto.js';
import type { SubscriptionCreateDto } from './dto/subscription-create.dto.js';
import {
  SubscriptionPageDto,
  SubscriptionResponseDto,
  toSubscriptionResponse,
} from './dto/subscription-response.dto.js';
import { UnsubscribeTokens } from './unsubscribe-tokens.js';

/** Whom an unsubscribe link is for, and the language the page speaks to them in. */
export interface UnsubscribeRecipient {
  email: string;
  language: Language;
}

function recipient(subscription: SubscriptionEntity): UnsubscribeRecipient {
  return {
    email: subscription.email,
    language: isLanguage(subscription.language) ? subscription.language : DEFAULT_LANGUAGE,
  };
}

/** Subscriptions of an organisation, managed by its coordinators and by admins; unsubscribing needs only the token. */
@Injectable()
export class SubscriptionService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly subscriptions: SubscriptionRepository,
    private readonly deliveryRows: AlertDeliveryRepository,
    private readonly corridors: CorridorRepository,
    private readonly parties: PartyRepository,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly tokens: UnsubscribeTokens,
    private readonly organisations: OrganisationRepository,
  ) {}

  async create(
    principal: Principal,
    dto: SubscriptionCreateDto,
    idempotency?: IdempotencyRequest,
  ): Promise<SubscriptionResponseDto> {
    const corridorIds = dto.corridorIds?.length
      ? [...new Set(dto.corridorIds.map((id) => id.toLowerCase()))]
      : null;
    const partyIds = dto.partyIds?.length ? [...new Set(dto.partyIds.map((id) => id.toLowerCase()))] : null;
    for (const id of corridorIds ?? []) {
      if (!(await this.corridors.findById(id)))
        throw AppError.unknownReference('corridorIds', 'corridor', id);
    }
    if (partyIds) {
      const known = new Set((await this.parties.findByIds(partyIds)).map((p) => p.id));
      const unknown = partyIds.find((id) => !known.has(id));
      if (unknown) throw AppError.unknownReference('partyIds', 'party', unknown);
    }
    return this.idempotency.create(idempotency, async (tx) => {
      const now = this.clock.now();
      const timezone = dto.timezone ?? 'UTC';
      const language = dto.language ?? (await this.organisationLanguage(principal.organisationId, tx));
      const subscription: SubscriptionEntity = {
        id: newId(),
        organisationId: principal.organisationId,
        email: dto.email,
        mode: dto.mode,
        digestHour: dto.mode === 'daily' ? dto.digestHour! : null,
        timezone,
        language,
        minSeverity: dto.minSeverity,
        corridorIds: corridorIds ? JSON.stringify(corridorIds) : null,
        partyIds: partyIds ? JSON.stringify(partyIds) : null,
        nextDigestAt: dto.mode === 'daily' ? nextDigestAt(dto.digestHour!, timezone, now) : null,
        lastDigestAt: null,
        createdById: principal.userId,
        createdAt: now,
        endedAt: null,
        endReason: null,
      };
      await this.subscriptions.insert(subscription, tx);
      await this.audit.record(tx, {
        actor: principal,
        action: 'subscription.create',
        entity: 'subscription',
        entityId: subscription.id,
        after: {
          email: subscription.email,
          mode: subscription.mode,
          minSeverity: subscription.minSeverity,
          language: subscription.language,
        },
      });
      return toSubscriptionResponse(subscription);
    });
  }

  async list(principal: Principal, limit: number, cursor?: string): Promise<SubscriptionPageDto> {
    const page = await this.subscriptions.list({ organisationId: this.scopeOf(principal), limit, cursor });
    return { items: page.items.map(toSubscriptionResponse), nextCursor: page.nextCursor };
  }

  /** Another organisation's subscription reads as unknown, as its existence is that organisation's. */
  async remove(principal: Principal, id: string): Promise<void> {
    const subscription = await this.subscriptions.findById(id);
    const scope = this.scopeOf(principal);
    if (!subscription || subscription.endedAt || (scope && subscription.organisationId !== scope)) {
      throw AppError.notFound('subscription', id);
    }
    await this.db.transaction(async (tx) => {
      if (!(await this.subscriptions.end(id, 'deleted', this.clock.now(), tx))) return;
      await this.audit.record(tx, {
        actor: principal,
        organisationId: subscription.organisationId,
        action: 'subscription.delete',
        entity: 'subscription',
        entityId: id,
        before: { email: subscription.email, mode: subscription.mode },
      });
    });
  }

  /** Whom an unsubscribe link is for, changing nothing: a mail scanner may open any link in an e-mail. */
  async recipientOf(token: string): Promise<UnsubscribeRecipient> {
    return recipient(await this.subscriptionOf(token));
  }

  /** Idempotent: a second click, or a mail client's one-click POST after the link, changes nothing more. */
  async unsubscribe(token: string): Promise<UnsubscribeRecipient> {
    const subscription = await this.subscriptionOf(token);
    await this.db.transaction(async (tx) => {
      if (!(await this.subscriptions.end(subscription.id, 'unsubscribed', this.clock.now(), tx))) return;
      await this.audit.record(tx, {
        actor: null,
        organisationId: subscription.organisationId,
        action: 'subscription.unsubscribe',
        entity: 'subscription',
        entityId: subscription.id,
        before: { email: subscription.email },
      });
    });
    return recipient(subscription);
  }

  private async subscriptionOf(token: string) {
    const id = this.tokens.verify(token);
    const subscription = id ? await this.subscriptions.findById(id) : undefined;
    if (!subscription) throw AppError.notFound('subscription', 'in this link');
    return subscription;
  }

  async deliveries(principal: Principal, query: DeliveryListQueryDto): Promise<DeliveryPageDto> {
    const page = await this.deliveryRows.list({
      organisationId: this.scopeOf(principal),
      status: query.status,
      subscriptionId: query.subscriptionId,
      limit: query.limit,
      cursor: query.cursor,
    });
    return { items: page.items.map(toDeliveryResponse), nextCursor: page.nextCursor };
  }

  /** The language of the organisation the subscription is made for: its people read in it unless they choose. */
  private async organisationLanguage(organisationId: string, tx: SqlRunner): Promise<Language> {
    const organisation = await this.organisations.findById(organisationId, tx);
    return isLanguage(organisation?.language) ? organisation.language : DEFAULT_LANGUAGE;
  }

  private scopeOf(principal: Principal): string | null {
    return principal.role === 'admin' ? null : principal.organisationId;
  }
}
