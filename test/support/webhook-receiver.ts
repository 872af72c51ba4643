import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One request as the receiver got it, checked by the standardwebhooks package with its path's secret. */
export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  receivedAt: number;
  /** What `Webhook.verify` returned (the parsed payload), or why it refused. */
  verified: { payload: WebhookPayload } | { error: string };
  answered: number;
}

export interface WebhookPayload {
  type: string;
  version: number;
  timestamp: string;
  data: Record<string, unknown>;
}

/** How a path answers: its status codes in turn (the last repeats), and a delay before each answer. */
export interface PathBehaviour {
  statuses?: number[];
  delayMs?: number;
  body?: string;
}

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  received: ReceivedWebhook[];
  /** The signing secret that verifies the path's requests (the one the endpoint's creation answered). */
  secret(path: string, secret: string): void;
  behave(path: string, behaviour: PathBehaviour): void;
  at(path: string): ReceivedWebhook[];
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 that keeps every request and verifies each signature independently. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const secrets = new Map<string, string>();
  const behaviours = new Map<string, PathBehaviour & { served: number }>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = (request.url ?? '/').split('?')[0];
      const body = Buffer.concat(chunks).toString('utf8');
      const behaviour = behaviours.get(path);
      const statuses = behaviour?.statuses ?? [204];
      const status = statuses[Math.min(behaviour?.served ?? 0, statuses.length - 1)];
      if (behaviour) behaviour.served += 1;
      let verified: ReceivedWebhook['verified'];
      const secret = secrets.get(path);
      try {
        if (!secret) throw new Error(`no secret for ${path}`);
        verified = {
          payload: new Webhook(secret).verify(
            body,
            request.headers as Record<string, string>,
          ) as WebhookPayload,
        };
      } catch (error) {
        verified = { error: String(error) };
      }
      received.push({
        path,
        headers: request.headers,
        body,
        receivedAt: Date.now(),
        verified,
        answered: status,
      });
      setTimeout(() => {
        response.writeHead(status, { 'content-type': 'text/plain' });
        response.end(behaviour?.body ?? (status < 300 ? '' : `refused with ${status}`));
      }, behaviour?.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    received,
    secret: (path, secret) => void secrets.set(path, secret),
    behave: (path, behaviour) => void behaviours.set(path, { ...behaviour, served: 0 }),
    at: (path) => received.filter((r) => r.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
