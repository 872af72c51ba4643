import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '#cw/config';

// Without APP_SECRET (a laptop), the api and the worker started from the same folder share this file.
const SECRET_FILE = './var/app-secret';

/** Signed, non-expiring unsubscribe tokens: an old e-mail's link must still work, and no one can forge one. */
@Injectable()
export class UnsubscribeTokens {
  private readonly secret: Buffer;

  constructor(config: AppConfig) {
    this.secret = Buffer.from(appSecretOf(config), 'utf8');
  }

  tokenFor(subscriptionId: string): string {
    return `${Buffer.from(subscriptionId).toString('base64url')}.${this.sign(subscriptionId)}`;
  }

  /** The subscription the token names, or undefined when it is malformed or not signed by us. */
  verify(token: string): string | undefined {
    const [encoded, signature, extra] = token.split('.');
    if (!encoded || !signature || extra !== undefined) return undefined;
    const subscriptionId = Buffer.from(encoded, 'base64url').toString('utf8');
    const expected = Buffer.from(this.sign(subscriptionId));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given) ? subscriptionId : undefined;
  }

  private sign(subscriptionId: string): string {
    return createHmac('sha256', this.secret).update(`unsubscribe:${subscriptionId}`).digest('base64url');
  }
}

/** APP_SECRET, or on a laptop without one the secret the api and the worker share in ./var/app-secret. */
export function appSecretOf(config: AppConfig): string {
  return config.APP_SECRET ?? localSecret();
}

function localSecret(): string {
  try {
    return readFileSync(SECRET_FILE, 'utf8').trim();
  } catch {
    mkdirSync(dirname(SECRET_FILE), { recursive: true });
    try {
      // 'wx': of two processes starting together, one writes and both read the same secret.
      writeFileSync(SECRET_FILE, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
    } catch {
      // written by the other process meanwhile
    }
    return readFileSync(SECRET_FILE, 'utf8').trim();
  }
}
