import { createHash } from 'node:crypto';

/** Identifies a claim by what it says, so the same claim entered twice is refused as a duplicate. */
export function fingerprint(...parts: (string | number | null | undefined)[]): string {
  return createHash('sha256')
    .update(JSON.stringify(parts.map((p) => p ?? null)))
    .digest('hex');
}
