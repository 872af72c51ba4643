import { availableParallelism } from 'node:os';
import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import pLimit from 'p-limit';

// OWASP Password Storage Cheat Sheet: argon2id, 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * Hashes at once, at most: each holds 19 MiB, and more than one per core adds memory, not speed (a hash is CPU
 * work on libuv's pool of 4). Ten sign-ins at a time raised the api's peak RSS by ~60 MB with no cap.
 */
const CONCURRENT_HASHES = Math.min(availableParallelism(), 4);

@Injectable()
export class PasswordHasher {
  private readonly limit = pLimit(CONCURRENT_HASHES);
  private readonly decoy: Promise<string> = this.limit(() =>
    argon2.hash('decoy password for unknown accounts', OPTIONS),
  );

  hash(password: string): Promise<string> {
    return this.limit(() => argon2.hash(password, OPTIONS));
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    // An unknown account costs the same time as a wrong password, so sign-in does not reveal accounts.
    const target = hash ?? (await this.decoy);
    const matches = await this.limit(() => argon2.verify(target, password)).catch(() => false);
    return hash !== null && matches;
  }
}
