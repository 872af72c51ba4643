import { describe, expect, it } from '@jest/globals';
import { checkDestination, DestinationRefused, parseDestination, refusalOf } from './webhook-destination.js';

const closed = { allowPrivate: false };
const open = { allowPrivate: true };

describe('where webhooks may go', () => {
  it.each([
    ['169.254.169.254', 'link-local'],
    ['169.254.0.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fe80::abcd:1', 'link-local'],
    ['100.100.100.200', 'cloud metadata'],
    ['fd00:ec2::254', 'cloud metadata'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.10', 'reserved'],
    ['2002:a00:1::1', '6to4'],
  ])('never to %s (%s), even with WEBHOOK_ALLOW_PRIVATE', (address, kind) => {
    expect(refusalOf(address, open)).toContain(kind);
    expect(refusalOf(address, closed)).toContain(kind);
  });

  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['10.0.0.1', 'private (RFC 1918)'],
    ['172.16.5.4', 'private (RFC 1918)'],
    ['192.168.1.1', 'private (RFC 1918)'],
    ['fd12:3456::1', 'unique local'],
    ['fc00::1', 'unique local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
  ])('to %s (%s) only with WEBHOOK_ALLOW_PRIVATE', (address, kind) => {
    expect(refusalOf(address, closed)?.startsWith(`${address} is `)).toBe(true);
    expect(refusalOf(address, closed)).toContain(kind);
    expect(refusalOf(address, closed)).toContain('WEBHOOK_ALLOW_PRIVATE is not set');
    expect(refusalOf(address, open)).toBeNull();
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111'])(
    'to a public address such as %s',
    (address) => {
      expect(refusalOf(address, closed)).toBeNull();
    },
  );

  it('requires https in production, and refuses credentials in the URL', () => {
    const production = { allowPrivate: false, requireHttps: true };
    expect(() => parseDestination('http://hooks.example.org/', production)).toThrow('must be an https URL');
    expect(parseDestination('https://hooks.example.org/x', production).hostname).toBe('hooks.example.org');
    expect(() => parseDestination('https://u:p@hooks.example.org/', production)).toThrow(
      'user name or password',
    );
    expect(() => parseDestination('gopher://hooks.example.org/', production)).toThrow(DestinationRefused);
  });

  it('checks every address a name resolves to (localhost: loopback)', async () => {
    await expect(
      checkDestination('http://localhost:9/x', { allowPrivate: false, requireHttps: false }),
    ).rejects.toThrow(/^localhost resolves to (127\.0\.0\.1|::1) is a loopback address/);
    await expect(
      checkDestination('http://localhost:9/x', { allowPrivate: true, requireHttps: false }),
    ).resolves.toBeUndefined();
    await expect(
      checkDestination('http://no-such-host.invalid/x', { allowPrivate: true, requireHttps: false }),
    ).rejects.toThrow('does not resolve');
  });
});
