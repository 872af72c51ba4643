import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '#cw/clock';
import { isVisibleTo } from '#cw/domain';
import { AppConfig } from '#cw/config';
import {
  AlertDeliveryRepository,
  AlertFactsRepository,
  SubscriptionRepository,
  type AlertDeliveryEntity,
  type DigestFacts,
  type SubscriptionEntity,
} from '#cw/persistence';
import { AlertComposer, type ComposedMail } from './alert-composer.js';
import { MailSendError, MailTransport } from './mail-transport.js';
import { filterOf } from './subscription-filter.js';
import { UnsubscribeTokens } from './unsubscribe-tokens.js';

const CONCURRENCY = 8;
const CLAIM_BATCH = 40;
const MAX_BACKOFF_MS = 6 * 3_600_000;
/** Not started when less than this is left of the lease: the rest goes back for the next run. */
const LEASE_MARGIN_MS = 60_000;

export interface SendOutcome {
  sent: number;
  retrying: number;
  failed: number;
  cancelled: number;
}

/**
 * Sends the due e-mails: each row is taken (status 'sending', a lease, the attempt counted) before it is sent and
 * recorded after. A killed worker's rows are taken again when their lease ends; a row sent is never taken again.
 */
@Injectable()
export class AlertSenderService {
  private readonly logger = new Logger(AlertSenderService.name);
  /** A digest period's facts serve every subscriber with that period; a handful of periods at a time. */
  private readonly digestFacts = new Map<string, Promise<DigestFacts>>();

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly deliveries: AlertDeliveryRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly facts: AlertFactsRepository,
    private readonly composer: AlertComposer,
    private readonly transport: MailTransport,
    private readonly tokens: UnsubscribeTokens,
  ) {}

  /** Sends batches until nothing is due or `isStopping` says stop (between batches). */
  async sendDue(isStopping: () => boolean = () => false): Promise<SendOutcome> {
    const outcome: SendOutcome = { sent: 0, retrying: 0, failed: 0, cancelled: 0 };
    this.digestFacts.clear(); // facts are read afresh at each run
    while (!isStopping()) {
      const now = this.clock.now();
      const leaseUntil = new Date(now.getTime() + this.config.ALERT_LEASE_MS);
      const batch = await this.deliveries.claimDue(now, leaseUntil, CLAIM_BATCH);
      if (batch.length === 0) break;
      const subscriptions = new Map(
        (await this.subscriptions.findByIds([...new Set(batch.map((d) => d.subscriptionId))])).map((s) => [
          s.id,
          s,
        ]),
      );
      let next = 0;
      const lane = async () => {
        while (next < batch.length) {
          const delivery = batch[next++];
          outcome[await this.deliver(delivery, subscriptions.get(delivery.subscriptionId), leaseUntil)] += 1;
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, lane));
      if (batch.length < CLAIM_BATCH) break;
    }
    return outcome;
  }

  private async deliver(
    delivery: AlertDeliveryEntity,
    subscription: SubscriptionEntity | undefined,
    leaseUntil: Date,
  ): Promise<keyof SendOutcome> {
    if (!subscription || subscription.endedAt) {
      await this.deliveries.finish(delivery, { status: 'cancelled', error: 'the subscription ended' });
      return 'cancelled';
    }
    if (
      leaseUntil.getTime() - this.clock.now().getTime() < LEASE_MARGIN_MS &&
      this.config.ALERT_LEASE_MS > LEASE_MARGIN_MS
    ) {
      await this.deliveries.finish(delivery, {
        status: 'pending',
        nextAttemptAt: this.clock.now(),
        error: 'not started before its lease ran out',
      });
      return 'retrying';
    }
    let mail: ComposedMail | undefined;
    try {
      mail = await this.compose(delivery, subscription);
    } catch (error) {
      this.logger.error(`delivery ${delivery.id} could not be written: ${String(error)}`);
      return this.retryOrFail(delivery, `could not be written: ${String(error)}`, false);
    }
    if (!mail) {
      await this.deliveries.finish(delivery, {
        status: 'cancelled',
        error: 'the flag no longer exists, or its corridor is under embargo',
      });
      return 'cancelled';
    }
    const unsubscribeUrl = this.unsubscribeUrl(subscription.id);
    try {
      await this.transport.send({
        id: delivery.id,
        to: delivery.email,
        ...mail,
        date: this.clock.now(),
        headers: {
          'List-Unsubscribe': `<${unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          'Auto-Submitted': 'auto-generated',
          'X-Corridor-Watch-Delivery': delivery.id,
        },
      });
    } catch (error) {
      const failure = error instanceof MailSendError ? error : new MailSendError(String(error), true);
      return this.retryOrFail(delivery, failure.message, failure.isTemporary);
    }
    await this.deliveries.finish(delivery, { status: 'sent', at: this.clock.now() });
    return 'sent';
  }

  private async retryOrFail(
    delivery: AlertDeliveryEntity,
    error: string,
    isTemporary: boolean,
  ): Promise<keyof SendOutcome> {
    if (!isTemporary || delivery.attempts >= this.config.ALERT_MAX_ATTEMPTS) {
      await this.deliveries.finish(delivery, { status: 'failed', error });
      this.logger.warn(`delivery ${delivery.id} to ${delivery.email} failed for good: ${error}`);
      return 'failed';
    }
    const backoff = Math.min(this.config.ALERT_RETRY_BASE_MS * 2 ** (delivery.attempts - 1), MAX_BACKOFF_MS);
    await this.deliveries.finish(delivery, {
      status: 'pending',
      nextAttemptAt: new Date(this.clock.now().getTime() + backoff),
      error,
    });
    return 'retrying';
  }

  private async compose(
    delivery: AlertDeliveryEntity,
    subscription: SubscriptionEntity,
  ): Promise<ComposedMail | undefined> {
    const unsubscribeUrl = this.unsubscribeUrl(subscription.id);
    if (delivery.kind === 'digest') {
      const from = delivery.periodFrom!;
      const to = delivery.periodTo!;
      return this.composer.digest(
        subscription,
        delivery.digestOn!,
        from,
        to,
        await this.digestFactsOf(from, to),
        unsubscribeUrl,
      );
    }
    const flag = await this.facts.findFlag(delivery.flagId!);
    if (!flag) return undefined;
    const corridor = (await this.facts.findCorridors([flag.corridorId], this.clock.now())).get(
      flag.corridorId,
    );
    // A corridor put under embargo is not mailed to another organisation's subscribers, even from a delivery
    // written before.
    if (!corridor || !isVisibleTo(corridor, filterOf(subscription).viewer)) return undefined;
    return this.composer.flagAlert(subscription, flag, corridor, unsubscribeUrl);
  }

  private digestFactsOf(from: Date, to: Date): Promise<DigestFacts> {
    const key = `${from.getTime()}-${to.getTime()}`;
    let facts = this.digestFacts.get(key);
    if (!facts) {
      if (this.digestFacts.size >= 32) this.digestFacts.delete(this.digestFacts.keys().next().value!);
      facts = this.facts.digestFacts(from, to);
      facts.catch(() => this.digestFacts.delete(key));
      this.digestFacts.set(key, facts);
    }
    return facts;
  }

  private unsubscribeUrl(subscriptionId: string): string {
    return `${this.config.PUBLIC_URL.replace(/\/$/, '')}/api/v1/unsubscribe?token=${this.tokens.tokenFor(subscriptionId)}`;
  }
}
