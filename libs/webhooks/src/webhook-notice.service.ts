import { Injectable, Logger } from '@nestjs/common';
import Handlebars from 'handlebars';
import { MailTransport } from '#cw/alerts';
import { Clock } from '#cw/clock';
import { AppConfig } from '#cw/config';
import { UserRepository, WebhookEndpointRepository, type WebhookEndpointEntity } from '#cw/persistence';

/** Who hears of an endpoint disabled: the people who manage its organisation's endpoints. */
const RECIPIENT_ROLES = ['admin', 'coordinator'];

const TEXT = `The webhook endpoint {{url}} of your organisation was disabled on {{at}} UTC: {{reason}}.

No further events are sent to it. Deliveries that failed are listed in the console (Webhooks) and can be replayed
once the receiver answers again. To send events again, enable it there or with
PATCH {{apiUrl}}/webhook-endpoints/{{id}} {"enabled": true}.
`;
const HTML = `<p>The webhook endpoint <code>{{url}}</code> of your organisation was disabled on {{at}} UTC: {{reason}}.</p>
<p>No further events are sent to it. Deliveries that failed are listed on the <a href="{{consoleUrl}}">Webhooks page</a>
and can be replayed once the receiver answers again. To send events again, enable it there.</p>`;
const templates = {
  text: Handlebars.compile(TEXT, { noEscape: true, strict: true }),
  html: Handlebars.compile(HTML, { strict: true }),
};

/** E-mails an organisation once about each endpoint the worker disabled, through the alert e-mails' transport. */
@Injectable()
export class WebhookNoticeService {
  private readonly logger = new Logger(WebhookNoticeService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly users: UserRepository,
    private readonly transport: MailTransport,
  ) {}

  async sendDue(): Promise<number> {
    let sent = 0;
    for (const endpoint of await this.endpoints.findNoticesDue(20)) {
      const recipients = await this.users.emailsOf(endpoint.organisationId, RECIPIENT_ROLES);
      if (recipients.length) {
        // The e-mail's id is the notice's: sent again after a crash, it replaces its own outbox file.
        await this.transport.send({
          id: endpoint.noticeId!,
          to: recipients.join(', '),
          date: this.clock.now(),
          headers: { 'Auto-Submitted': 'auto-generated' },
          ...this.compose(endpoint),
        });
        sent += 1;
      } else {
        this.logger.warn(
          `webhook endpoint ${endpoint.id} disabled; its organisation has no admin or coordinator to tell`,
        );
      }
      await this.endpoints.markNoticeSent(endpoint.id, endpoint.noticeId!, this.clock.now());
    }
    return sent;
  }

  private compose(endpoint: WebhookEndpointEntity): { subject: string; text: string; html: string } {
    const publicUrl = this.config.PUBLIC_URL.replace(/\/$/, '');
    const facts = {
      id: endpoint.id,
      url: endpoint.url,
      reason: endpoint.disabledReason ?? 'disabled',
      at: (endpoint.disabledAt ?? this.clock.now()).toISOString().slice(0, 16).replace('T', ' '),
      apiUrl: `${publicUrl}/api/v1`,
      consoleUrl: `${publicUrl}/webhooks`,
    };
    return {
      subject: `Webhook endpoint disabled: ${endpoint.url}`,
      text: templates.text(facts),
      html: templates.html(facts),
    };
  }
}
