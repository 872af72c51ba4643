import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';

// OWASP Password Storage Cheat Sheet: argon2id, 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher {
  private readonly decoy: Promise<string> = argon2.hash('decoy password for unknown accounts', OPTIONS);

  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    // An unknown account costs the same time as a wrong password, so sign-in does not reveal accounts.
    const target = hash ?? (await this.decoy);
    const matches = await argon2.verify(target, password).catch(() => false);
    return hash !== null && matches;
  }
}
