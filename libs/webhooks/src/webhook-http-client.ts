import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Agent, request } from 'undici';
import { AppConfig } from '#cw/config';
import {
  DestinationRefused,
  guardedLookup,
  literalAddressOf,
  parseDestination,
  refusalOf,
  type DestinationPolicy,
} from './webhook-destination.js';

/** What a receiver answered, or why there was no answer. */
export interface WebhookResponse {
  statusCode: number | null;
  latencyMs: number;
  /** The first characters of the body: never more is kept. */
  excerpt: string | null;
  retryAfter: string | undefined;
  error: string | null;
}

const EXCERPT_BYTES = 300;

/**
 * POSTs signed webhooks: through an agent whose every connection goes to an address checked against the
 * destination policy after DNS resolution; redirects are not followed (a 3xx is a failure); each request is bounded
 * by WEBHOOK_TIMEOUT_MS, connection included; only an excerpt of the answer is read.
 */
@Injectable()
export class WebhookHttpClient implements OnApplicationShutdown {
  readonly policy: DestinationPolicy;
  private readonly agent: Agent;

  constructor(private readonly config: AppConfig) {
    this.policy = {
      allowPrivate: config.WEBHOOK_ALLOW_PRIVATE,
      requireHttps: config.NODE_ENV === 'production',
    };
    this.agent = new Agent({
      connect: { lookup: guardedLookup(this.policy), timeout: config.WEBHOOK_TIMEOUT_MS },
      headersTimeout: config.WEBHOOK_TIMEOUT_MS,
      bodyTimeout: config.WEBHOOK_TIMEOUT_MS,
      connections: 16,
    });
  }

  async post(url: string, headers: Record<string, string>, body: string): Promise<WebhookResponse> {
    const startedAt = performance.now();
    const elapsed = () => Math.round(performance.now() - startedAt);
    try {
      const destination = parseDestination(url, this.policy);
      // An address in the URL opens no lookup: it is checked here.
      const literal = literalAddressOf(destination);
      const refusal = literal && refusalOf(literal, this.policy);
      if (refusal) throw new DestinationRefused(refusal);
      const response = await request(destination, {
        method: 'POST',
        dispatcher: this.agent,
        headers: { 'content-type': 'application/json', 'user-agent': 'CorridorWatch-Webhooks/1', ...headers },
        body,
        signal: AbortSignal.timeout(this.config.WEBHOOK_TIMEOUT_MS),
      });
      const excerpt = await readExcerpt(response.body);
      const retryAfter = response.headers['retry-after'];
      return {
        statusCode: response.statusCode,
        latencyMs: elapsed(),
        excerpt,
        retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
        error: null,
      };
    } catch (error) {
      return {
        statusCode: null,
        latencyMs: elapsed(),
        excerpt: null,
        retryAfter: undefined,
        error: describe(error),
      };
    }
  }

  /** After the workers finished the attempts in hand (beforeApplicationShutdown), not before. */
  async onApplicationShutdown(): Promise<void> {
    await this.agent.close();
  }
}

async function readExcerpt(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<string | null> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of body) {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= EXCERPT_BYTES) break;
    }
  } finally {
    body.destroy();
  }
  const text = Buffer.concat(chunks)
    .subarray(0, EXCERPT_BYTES)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
  return text.length ? text : null;
}

/** The reason in words: a refused destination, a timeout, a connection error and its code. */
function describe(error: unknown): string {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if (e instanceof DestinationRefused) return `refused: ${e.message}`;
  }
  const e = error as {
    name?: string;
    code?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  if (
    e.name === 'TimeoutError' ||
    e.name === 'AbortError' ||
    e.code === 'UND_ERR_HEADERS_TIMEOUT' ||
    e.code === 'UND_ERR_CONNECT_TIMEOUT' ||
    e.code === 'UND_ERR_BODY_TIMEOUT'
  )
    return 'timed out';
  const code = e.cause?.code ?? e.code;
  const message = e.cause?.message ?? e.message ?? String(error);
  return (code ? `${code}: ${message}` : message).slice(0, 300);
}
