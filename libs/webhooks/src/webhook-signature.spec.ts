import { describe, expect, it } from '@jest/globals';
import { Webhook } from 'standardwebhooks';
import { newSigningSecret, signatureOf } from './webhook-signature.js';

// The reference implementation (the standardwebhooks package) is the judge of our signatures.
describe('Standard Webhooks signatures', () => {
  it('a new secret is whsec_ and 32 random bytes in base64, and two are never alike', () => {
    const secret = newSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(newSigningSecret()).not.toBe(secret);
  });

  it('signs as the standardwebhooks package does, and its verify accepts the signature', () => {
    const secret = newSigningSecret();
    const body = JSON.stringify({
      type: 'flag.raised',
      timestamp: '2022-05-05T08:00:00.000Z',
      data: { é: 'ü' },
    });
    const now = new Date();
    const seconds = Math.floor(now.getTime() / 1000);
    const signature = signatureOf(secret, 'msg_1', seconds, body);
    expect(signature).toBe(new Webhook(secret).sign('msg_1', now, body));
    const headers = {
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(seconds),
      'webhook-signature': signature,
    };
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('a signature of another body, id or secret is refused by the package', () => {
    const secret = newSigningSecret();
    const seconds = Math.floor(Date.now() / 1000);
    const signature = signatureOf(secret, 'msg_1', seconds, '{"a":1}');
    const headers = {
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(seconds),
      'webhook-signature': signature,
    };
    expect(() => new Webhook(secret).verify('{"a":2}', headers)).toThrow();
    expect(() => new Webhook(secret).verify('{"a":1}', { ...headers, 'webhook-id': 'msg_2' })).toThrow();
    expect(() => new Webhook(newSigningSecret()).verify('{"a":1}', headers)).toThrow();
  });
});
