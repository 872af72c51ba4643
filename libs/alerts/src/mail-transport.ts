import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import { AppConfig } from '#cw/config';

export interface OutgoingMail {
  /** The delivery id: names the .eml file and the Message-ID, so a resend is recognisable as the same e-mail. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  date: Date;
}

/** Why a send failed; a temporary failure (4xx, a lost connection) is retried, a permanent one (5xx) is not. */
export class MailSendError extends Error {
  override name = 'MailSendError';
  constructor(
    message: string,
    readonly isTemporary: boolean,
  ) {
    super(message);
  }
}

/**
 * Where e-mails go: an SMTP server through nodemailer's pool when SMTP_URL is set, otherwise .eml files in
 * OUTBOX_DIR (a laptop needs no mail server). Opened on first use, so the api never connects to SMTP.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private transporter?: Transporter;
  private readonly host: string;

  constructor(private readonly config: AppConfig) {
    this.host = new URL(config.PUBLIC_URL).hostname || 'corridor-watch.invalid';
  }

  get isSmtp(): boolean {
    return Boolean(this.config.SMTP_URL);
  }

  async send(mail: OutgoingMail): Promise<void> {
    const message = {
      from: this.config.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers,
      date: mail.date,
      messageId: `<${mail.id}@${this.host}>`,
    };
    if (!this.isSmtp) return this.writeEml(mail.id, message);
    try {
      await this.smtp().sendMail(message);
    } catch (error) {
      throw classify(error);
    }
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }

  private smtp(): Transporter {
    this.transporter ??= nodemailer.createTransport({
      url: this.config.SMTP_URL,
      pool: true,
      maxConnections: 8,
      maxMessages: 1000,
      // Well inside the lease a worker holds its e-mails for: a stalled server cannot outlast it.
      connectionTimeout: 20_000,
      greetingTimeout: 20_000,
      socketTimeout: 45_000,
    } as SMTPPool.Options);
    return this.transporter;
  }

  private async writeEml(id: string, message: SendMailOptions): Promise<void> {
    const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    const info = (await stream.sendMail(message)) as { message: Buffer };
    await mkdir(this.config.OUTBOX_DIR, { recursive: true, mode: 0o700 });
    const file = join(this.config.OUTBOX_DIR, `${id}.eml`);
    // Written whole or not at all; a resend of the same delivery replaces its own file. The temporary name is
    // the write's own: two workers whose leases crossed never write into one file.
    const temporary = `${file}.${randomUUID()}.tmp`;
    // Owner-only (0600): an alert carries a working unsubscribe link and may name what is under embargo.
    await writeFile(temporary, info.message, { mode: 0o600 });
    await rename(temporary, file);
  }
}

function classify(error: unknown): MailSendError {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
  const text = (e.response ?? e.message ?? String(error)).slice(0, 500);
  if (typeof e.responseCode === 'number') {
    return new MailSendError(`${e.responseCode} ${text}`, e.responseCode < 500);
  }
  // No SMTP reply at all (refused, timed out, connection lost): the server may come back.
  return new MailSendError(`${e.code ?? 'error'}: ${text}`, true);
}
