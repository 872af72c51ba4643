import { Injectable, Logger } from '@nestjs/common';
import { appSecretOf } from '#cw/alerts';
import { AuditService } from '#cw/audit';
import { Clock } from '#cw/clock';
import { newId } from '#cw/common';
import { AppConfig } from '#cw/config';
import {
  Database,
  WebhookDeliveryRepository,
  WebhookEndpointRepository,
  WebhookEventRepository,
  type SqlRunner,
  type WebhookAttemptOutcome,
  type WebhookDeliveryEntity,
  type WebhookEndpointEntity,
} from '#cw/persistence';
import { SecretBox } from './secret-box.js';
import { WEBHOOK_PAYLOAD_VERSION } from './webhook-event-types.js';
import { WebhookHttpClient, type WebhookResponse } from './webhook-http-client.js';
import { WebhookRetryLater } from './webhook-jobs.js';
import { retryAfterMs, retryDelayMs } from './webhook-retry.js';
import { signatureOf } from './webhook-signature.js';

/** How long past its timeout an attempt's row stays taken: a worker killed meanwhile leaves it to others after. */
const LEASE_MARGIN_MS = 30_000;

export type DeliverOutcome = 'delivered' | 'retrying' | 'failed' | 'skipped';

/**
 * One attempt of one delivery: the row is taken (status 'sending', a lease, the attempt counted) before the request
 * and the outcome recorded after, with the endpoint's run of failures; a run longer than WEBHOOK_DISABLE_AFTER_HOURS
 * (or a 410 Gone) disables the endpoint, audited, with an e-mail to its organisation.
 */
@Injectable()
export class WebhookSenderService {
  private readonly logger = new Logger(WebhookSenderService.name);
  private readonly box: SecretBox;

  constructor(
    private readonly config: AppConfig,
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly events: WebhookEventRepository,
    private readonly http: WebhookHttpClient,
    private readonly audit: AuditService,
  ) {
    this.box = new SecretBox(appSecretOf(config));
  }

  /** Throws WebhookRetryLater when the attempt failed and another will follow: BullMQ retries after its delay. */
  async deliver(deliveryId: string, round: number): Promise<DeliverOutcome> {
    const takenAt = this.clock.now();
    const leaseUntil = new Date(takenAt.getTime() + this.config.WEBHOOK_TIMEOUT_MS + LEASE_MARGIN_MS);
    const delivery = await this.deliveries.claim(deliveryId, round, takenAt, leaseUntil);
    if (!delivery) return 'skipped'; // delivered already, taken by another worker, or a replay started a new round
    const [endpoint, event] = await Promise.all([
      this.endpoints.findById(delivery.endpointId),
      this.events.findById(delivery.eventId),
    ]);
    if (!endpoint || !event) return 'skipped'; // deleted meanwhile: the row went with it
    if (endpoint.disabledAt) return this.giveUp(delivery, 'the endpoint is disabled');
    let secret: string;
    try {
      secret = this.box.open(endpoint.secret);
    } catch {
      return this.giveUp(
        delivery,
        'the signing secret cannot be read (APP_SECRET changed since it was made)',
      );
    }
    // `data` is stored as the JSON it is sent as: the body is the same bytes on every attempt.
    const body = `{"type":${JSON.stringify(event.type)},"version":${WEBHOOK_PAYLOAD_VERSION},"timestamp":"${event.occurredAt.toISOString()}","data":${event.data}}`;
    const timestamp = Math.floor(this.clock.now().getTime() / 1000);
    const response = await this.http.post(
      endpoint.url,
      {
        'webhook-id': event.id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signatureOf(secret, event.id, timestamp, body),
      },
      body,
    );
    return this.record(delivery, endpoint, response);
  }

  private async record(
    delivery: WebhookDeliveryEntity,
    endpoint: WebhookEndpointEntity,
    response: WebhookResponse,
  ): Promise<DeliverOutcome> {
    const now = this.clock.now();
    const answer = {
      statusCode: response.statusCode,
      latencyMs: response.latencyMs,
      responseExcerpt: response.excerpt,
    };
    if (response.statusCode !== null && response.statusCode >= 200 && response.statusCode < 300) {
      await this.db.transaction(async (tx) => {
        await this.deliveries.finish(delivery, { ...answer, status: 'delivered', at: now, error: null }, tx);
        await this.endpoints.recordSuccess(endpoint.id, tx);
      });
      return 'delivered';
    }
    const error =
      response.error ??
      `answered HTTP ${response.statusCode}${response.statusCode! < 400 ? ' (redirects are not followed)' : ''}`;
    const delayMs = retryDelayMs(
      delivery.attempts,
      { baseMs: this.config.WEBHOOK_RETRY_BASE_MS, maxMs: this.config.WEBHOOK_RETRY_MAX_MS },
      retryAfterMs(response.retryAfter, now),
    );
    const outcome = await this.db.transaction(async (tx) => {
      const isDisabled =
        response.statusCode === 410
          ? await this.disable(endpoint, now, 'the receiver answered 410 Gone', undefined, tx)
          : await this.recordFailure(endpoint, now, tx);
      const isLast = isDisabled || delivery.attempts >= this.config.WEBHOOK_MAX_ATTEMPTS;
      const attempt: WebhookAttemptOutcome = isLast
        ? { ...answer, error, status: 'failed' }
        : { ...answer, error, status: 'retrying', nextAttemptAt: new Date(now.getTime() + delayMs) };
      await this.deliveries.finish(delivery, attempt, tx);
      return attempt.status;
    });
    if (outcome === 'retrying') throw new WebhookRetryLater(error, delayMs);
    return 'failed';
  }

  /** The run of failures starts (or goes on); once it has lasted the configured hours, the endpoint is disabled. */
  private async recordFailure(endpoint: WebhookEndpointEntity, now: Date, tx: SqlRunner): Promise<boolean> {
    await this.endpoints.recordFailure(endpoint.id, now, tx);
    const windowMs = this.config.WEBHOOK_DISABLE_AFTER_HOURS * 3_600_000;
    const failingBefore = new Date(now.getTime() - windowMs);
    const reason = `every delivery failed for ${this.config.WEBHOOK_DISABLE_AFTER_HOURS} hours`;
    return this.disable(endpoint, now, reason, failingBefore, tx);
  }

  private async disable(
    endpoint: WebhookEndpointEntity,
    now: Date,
    reason: string,
    failingBefore: Date | undefined,
    tx: SqlRunner,
  ): Promise<boolean> {
    const isDisabled = await this.endpoints.disable(
      endpoint.id,
      { at: now, reason, noticeId: newId(), failingBefore },
      tx,
    );
    if (!isDisabled) return false;
    await this.audit.record(tx, {
      actor: null,
      organisationId: endpoint.organisationId,
      action: 'webhook_endpoint.disable',
      entity: 'webhook_endpoint',
      entityId: endpoint.id,
      before: { enabled: true },
      after: { enabled: false, reason, url: endpoint.url },
    });
    this.logger.warn(`webhook endpoint ${endpoint.id} (${endpoint.url}) disabled: ${reason}`);
    return true;
  }

  private async giveUp(delivery: WebhookDeliveryEntity, error: string): Promise<DeliverOutcome> {
    await this.deliveries.finish(delivery, {
      status: 'failed',
      error,
      statusCode: null,
      latencyMs: null,
      responseExcerpt: null,
    });
    return 'failed';
  }
}
