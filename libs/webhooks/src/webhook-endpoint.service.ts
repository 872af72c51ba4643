import { Injectable } from '@nestjs/common';
import type { Principal } from '#cw/accounts';
import { appSecretOf } from '#cw/alerts';
import { AuditService, changedFields } from '#cw/audit';
import { Clock } from '#cw/clock';
import { AppError, AppErrorCode, newId } from '#cw/common';
import { AppConfig } from '#cw/config';
import {
  Database,
  WebhookDeliveryRepository,
  WebhookEndpointRepository,
  type WebhookEndpointEditableFields,
  type WebhookEndpointEntity,
} from '#cw/persistence';
import {
  toWebhookDeliveryResponse,
  type WebhookDeliveryPageDto,
  type WebhookDeliveryResponseDto,
} from './dto/webhook-delivery-response.dto.js';
import type { WebhookEndpointCreateDto } from './dto/webhook-endpoint-create.dto.js';
import {
  toWebhookEndpointResponse,
  type WebhookEndpointCreatedResponseDto,
  type WebhookEndpointPageDto,
  type WebhookEndpointResponseDto,
} from './dto/webhook-endpoint-response.dto.js';
import type { WebhookEndpointUpdateDto } from './dto/webhook-endpoint-update.dto.js';
import { SecretBox } from './secret-box.js';
import { checkDestination, DestinationRefused, type DestinationPolicy } from './webhook-destination.js';
import { WebhookDeliveryQueue } from './webhook-delivery-queue.js';
import { newSigningSecret } from './webhook-signature.js';

/**
 * Webhook endpoints of an organisation, managed by its coordinators and by admins; every change audited. Another
 * organisation's endpoint reads as unknown (its existence is that organisation's).
 */
@Injectable()
export class WebhookEndpointService {
  private readonly box: SecretBox;
  private readonly policy: DestinationPolicy;

  constructor(
    config: AppConfig,
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly queue: WebhookDeliveryQueue,
    private readonly audit: AuditService,
  ) {
    this.box = new SecretBox(appSecretOf(config));
    this.policy = {
      allowPrivate: config.WEBHOOK_ALLOW_PRIVATE,
      requireHttps: config.NODE_ENV === 'production',
    };
  }

  async create(
    principal: Principal,
    dto: WebhookEndpointCreateDto,
  ): Promise<WebhookEndpointCreatedResponseDto> {
    await this.checkUrl(dto.url);
    const now = this.clock.now();
    const secret = newSigningSecret();
    const endpoint: WebhookEndpointEntity = {
      id: newId(),
      organisationId: principal.organisationId,
      url: dto.url,
      description: dto.description ?? null,
      events: JSON.stringify(dto.events),
      secret: this.box.seal(secret),
      failingSince: null,
      disabledAt: null,
      disabledReason: null,
      noticeId: null,
      noticeSentAt: null,
      createdById: principal.userId,
      createdAt: now,
      updatedAt: now,
    };
    await this.db.transaction(async (tx) => {
      await this.endpoints.insert(endpoint, tx);
      await this.audit.record(tx, {
        actor: principal,
        action: 'webhook_endpoint.create',
        entity: 'webhook_endpoint',
        entityId: endpoint.id,
        after: { url: endpoint.url, events: dto.events, description: endpoint.description },
      });
    });
    return { ...toWebhookEndpointResponse(endpoint), secret };
  }

  async list(principal: Principal, limit: number, cursor?: string): Promise<WebhookEndpointPageDto> {
    const page = await this.endpoints.list({ organisationId: this.scopeOf(principal), limit, cursor });
    return { items: page.items.map(toWebhookEndpointResponse), nextCursor: page.nextCursor };
  }

  async update(
    principal: Principal,
    id: string,
    dto: WebhookEndpointUpdateDto,
  ): Promise<WebhookEndpointResponseDto> {
    const endpoint = await this.visible(principal, id);
    if (dto.url !== undefined && dto.url !== endpoint.url) await this.checkUrl(dto.url);
    const now = this.clock.now();
    const fields: WebhookEndpointEditableFields = {};
    if (dto.url !== undefined) fields.url = dto.url;
    if (dto.events !== undefined) fields.events = JSON.stringify(dto.events);
    if (dto.description !== undefined) fields.description = dto.description;
    if (dto.enabled === true && endpoint.disabledAt) {
      Object.assign(fields, { disabledAt: null, disabledReason: null, failingSince: null });
    } else if (dto.enabled === false && !endpoint.disabledAt) {
      Object.assign(fields, { disabledAt: now, disabledReason: 'disabled by a person' });
    }
    const before = { ...toWebhookEndpointResponse(endpoint) };
    const after = { ...toWebhookEndpointResponse({ ...endpoint, ...fields }) };
    const changes = changedFields(
      { url: before.url, events: before.events, description: before.description, enabled: before.enabled },
      { url: after.url, events: after.events, description: after.description, enabled: after.enabled },
    );
    if (changes) {
      await this.db.transaction(async (tx) => {
        await this.endpoints.update(id, fields, now, tx);
        await this.audit.record(tx, {
          actor: principal,
          organisationId: endpoint.organisationId,
          action: 'webhook_endpoint.update',
          entity: 'webhook_endpoint',
          entityId: id,
          ...changes,
        });
      });
    }
    return toWebhookEndpointResponse((await this.endpoints.findById(id))!);
  }

  async remove(principal: Principal, id: string): Promise<void> {
    const endpoint = await this.visible(principal, id);
    await this.db.transaction(async (tx) => {
      if (!(await this.endpoints.delete(id, tx))) return;
      await this.audit.record(tx, {
        actor: principal,
        organisationId: endpoint.organisationId,
        action: 'webhook_endpoint.delete',
        entity: 'webhook_endpoint',
        entityId: id,
        before: { url: endpoint.url, events: JSON.parse(endpoint.events) as string[] },
      });
    });
  }

  async deliveryLog(
    principal: Principal,
    id: string,
    limit: number,
    cursor?: string,
  ): Promise<WebhookDeliveryPageDto> {
    await this.visible(principal, id);
    const page = await this.deliveries.list(id, limit, cursor);
    return { items: page.items.map(toWebhookDeliveryResponse), nextCursor: page.nextCursor };
  }

  /** Sends the event again as a new round of attempts, with the same `webhook-id`. */
  async replay(principal: Principal, id: string, deliveryId: string): Promise<WebhookDeliveryResponseDto> {
    const endpoint = await this.visible(principal, id);
    if (endpoint.disabledAt) {
      throw new AppError(
        AppErrorCode.WebhookEndpointDisabled,
        'The endpoint is disabled: enable it (PATCH with enabled: true) before replaying its deliveries.',
      );
    }
    const existing = await this.deliveries.findById(deliveryId);
    if (!existing || existing.endpointId !== id) throw AppError.notFound('webhook delivery', deliveryId);
    const replayed = await this.db.transaction(async (tx) => {
      const row = await this.deliveries.replay(deliveryId, id, this.clock.now(), tx);
      if (!row) return undefined;
      await this.audit.record(tx, {
        actor: principal,
        organisationId: endpoint.organisationId,
        action: 'webhook_delivery.replay',
        entity: 'webhook_delivery',
        entityId: deliveryId,
        before: { status: existing.status, attempts: existing.attempts },
        after: { status: row.status, round: row.round, endpointId: id, eventId: row.eventId },
      });
      return row;
    });
    if (!replayed) {
      throw new AppError(
        AppErrorCode.DeliveryInProgress,
        'An attempt of this delivery is on its way: wait for its outcome.',
      );
    }
    await this.queue.add(replayed);
    return toWebhookDeliveryResponse((await this.deliveries.findLogRow(deliveryId))!);
  }

  private async checkUrl(url: string): Promise<void> {
    try {
      await checkDestination(url, this.policy);
    } catch (error) {
      if (error instanceof DestinationRefused) {
        throw new AppError(
          AppErrorCode.UnsafeWebhookUrl,
          `Webhooks are not sent there: the url ${error.message}.`,
          'url',
        );
      }
      throw error;
    }
  }

  private async visible(principal: Principal, id: string): Promise<WebhookEndpointEntity> {
    const endpoint = await this.endpoints.findById(id);
    const scope = this.scopeOf(principal);
    if (!endpoint || (scope && endpoint.organisationId !== scope))
      throw AppError.notFound('webhook endpoint', id);
    return endpoint;
  }

  private scopeOf(principal: Principal): string | null {
    return principal.role === 'admin' ? null : principal.organisationId;
  }
}
