import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Where webhooks may go. */
export interface DestinationPolicy {
  /** Loopback, RFC 1918, ULA, CGNAT and unspecified addresses too (WEBHOOK_ALLOW_PRIVATE). */
  allowPrivate: boolean;
  /** Only https URLs (NODE_ENV=production). */
  requireHttps: boolean;
}

/** A destination webhooks will not be sent to, with the reason in words. */
export class DestinationRefused extends Error {
  override name = 'DestinationRefused';
}

// Ranges reachable only with WEBHOOK_ALLOW_PRIVATE; every range other than these and public unicast is refused.
const PRIVATE_RANGES: Record<string, string> = {
  private: 'a private (RFC 1918) address',
  loopback: 'a loopback address',
  uniqueLocal: 'a unique local (ULA) address',
  carrierGradeNat: 'a carrier-grade NAT address',
  unspecified: 'the unspecified address',
};
// Cloud metadata services outside the link-local range (Alibaba's in CGNAT, AWS's IPv6 one in ULA): never.
const METADATA_ADDRESSES = new Set(['100.100.100.200', 'fd00:ec2::254']);

/** Why an address is refused, or null when webhooks may go there. */
export function refusalOf(address: string, policy: Pick<DestinationPolicy, 'allowPrivate'>): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  const parsed = ipaddr.process(address);
  const normal = parsed.toNormalizedString();
  if (METADATA_ADDRESSES.has(normal) || METADATA_ADDRESSES.has(parsed.toString()))
    return `${address} is a cloud metadata address`;
  const range = parsed.range();
  if (range === 'unicast') return null;
  const privateKind = PRIVATE_RANGES[range];
  if (privateKind) {
    return policy.allowPrivate ? null : `${address} is ${privateKind} (WEBHOOK_ALLOW_PRIVATE is not set)`;
  }
  return range === 'linkLocal'
    ? `${address} is a link-local address (where cloud metadata lives)`
    : `${address} is in the reserved range ${range}`;
}

/** The URL as webhooks may use it, or a refusal naming what is wrong: scheme, credentials, host. */
export function parseDestination(url: string, policy: DestinationPolicy): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DestinationRefused('is not a URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new DestinationRefused('must be an http or https URL');
  if (policy.requireHttps && parsed.protocol !== 'https:')
    throw new DestinationRefused('must be an https URL (NODE_ENV=production)');
  if (parsed.username || parsed.password)
    throw new DestinationRefused('must not carry a user name or password');
  return parsed;
}

/** The host of a URL as an address when it is one (`[::1]` → `::1`), else undefined. */
export function literalAddressOf(url: URL): string | undefined {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return isIP(host) ? host : undefined;
}

/** Every address the host resolves to, each allowed; the first refusal otherwise. */
export async function resolveAllowed(hostname: string, policy: DestinationPolicy): Promise<LookupAddress[]> {
  const literal = isIP(hostname) ? hostname : undefined;
  const addresses = literal
    ? [{ address: literal, family: isIP(literal) }]
    : await new Promise<LookupAddress[]>((resolve, reject) =>
        dnsLookup(hostname, { all: true }, (error, found) =>
          error
            ? reject(new DestinationRefused(`${hostname} does not resolve (${error.code ?? error.message})`))
            : resolve(found),
        ),
      );
  if (addresses.length === 0) throw new DestinationRefused(`${hostname} does not resolve`);
  for (const { address } of addresses) {
    const refusal = refusalOf(address, policy);
    if (refusal) throw new DestinationRefused(literal ? refusal : `${hostname} resolves to ${refusal}`);
  }
  return addresses;
}

/** Checks a URL when an endpoint is saved: its form, and every address its host resolves to now. */
export async function checkDestination(url: string, policy: DestinationPolicy): Promise<void> {
  const parsed = parseDestination(url, policy);
  await resolveAllowed(parsed.hostname.replace(/^\[(.*)\]$/, '$1'), policy);
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for the sockets webhooks open (undici's `connect.lookup`): it resolves, checks every address and
 * hands the socket only checked ones, so the address connected to is the address checked and a DNS answer that
 * changes between the check and the connection (rebinding) cannot slip through.
 */
export function guardedLookup(policy: DestinationPolicy) {
  return (
    hostname: string,
    options: { all?: boolean; family?: number | string },
    callback: LookupCallback,
  ) => {
    resolveAllowed(hostname, policy).then(
      (addresses) => {
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0].address, addresses[0].family);
      },
      (error: Error) => callback(error as NodeJS.ErrnoException, ''),
    );
  };
}
