import { open, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '#cw/config';

export interface OutboxFile {
  name: string;
  to: string;
  subject: string;
  date: string;
  sizeBytes: number;
  writtenAt: Date;
}

const NAME = /^[0-9a-f-]{36}\.eml$/;

/** The .eml files the file transport wrote: listed newest first, read one at a time. */
@Injectable()
export class OutboxFiles {
  constructor(private readonly config: AppConfig) {}

  get directory(): string {
    return this.config.OUTBOX_DIR;
  }

  /** One page; only the page's files are opened, and only their headers read. */
  async list(limit: number, offset: number): Promise<{ items: OutboxFile[]; total: number }> {
    let names: string[];
    try {
      names = (await readdir(this.config.OUTBOX_DIR)).filter((name) => NAME.test(name));
    } catch {
      return { items: [], total: 0 };
    }
    const stats = await Promise.all(
      names.map(async (name) => ({
        name,
        stats: await stat(join(this.config.OUTBOX_DIR, name)).catch(() => null),
      })),
    );
    const files = stats
      .filter((f) => f.stats)
      .sort((a, b) => b.stats!.mtimeMs - a.stats!.mtimeMs || b.name.localeCompare(a.name));
    const page = files.slice(offset, offset + limit);
    const items = await Promise.all(
      page.map(async ({ name, stats: s }) => {
        const headers = await readHeaders(join(this.config.OUTBOX_DIR, name));
        return {
          name,
          to: headers.get('to') ?? '',
          subject: headers.get('subject') ?? '',
          date: headers.get('date') ?? '',
          sizeBytes: s!.size,
          writtenAt: s!.mtime,
        };
      }),
    );
    return { items, total: files.length };
  }

  /** The raw message, or undefined for a name that is not an outbox file. */
  async read(name: string): Promise<Buffer | undefined> {
    if (!NAME.test(name)) return undefined;
    return readFile(join(this.config.OUTBOX_DIR, name)).catch(() => undefined);
  }
}

async function readHeaders(file: string): Promise<Map<string, string>> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(16 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .split(/\r?\n\r?\n/)[0];
    const headers = new Map<string, string>();
    for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon > 0)
        headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
    }
    return headers;
  } finally {
    await handle.close();
  }
}

/** RFC 2047 encoded words, as nodemailer writes non-ASCII subjects and names. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(
      /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
      (_match, _charset: string, encoding: string, text: string) =>
        encoding.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64').toString('utf8')
          : Buffer.from(
              text
                .replace(/_/g, ' ')
                .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
              'latin1',
            ).toString('utf8'),
    );
}
