import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { freePort } from './processes.js';
import { eventually } from './worker-harness.js';

/** One e-mail as the test's SMTP server accepted it, parsed. */
export interface ReceivedMail {
  to: string;
  parsed: ParsedMail;
  raw: string;
}

export interface SmtpSink {
  url: string;
  received: ReceivedMail[];
  /** The next `times` messages to `recipient` are refused with `code` (4xx temporary, 5xx permanent). */
  refuse(recipient: string, times: number, code: number): void;
  /** Hold the final reply of every message from now on (the client waits), until `release`. */
  hold(): void;
  /** Drops every held message without accepting it (their client is gone), and accepts again. */
  dropHeld(): void;
  held(): number;
  to(recipient: string): ReceivedMail[];
  /** The messages to `recipient`, once at least `count` of them have been accepted (within `timeoutMs`). */
  waitFor(recipient: string, count?: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/** A real SMTP server (smtp-server) on a free port; a message counts as received only once it is accepted. */
export async function startSmtpSink(options: { parse?: boolean } = {}): Promise<SmtpSink> {
  const port = await freePort();
  const received: ReceivedMail[] = [];
  const refusals = new Map<string, { times: number; code: number }>();
  let isHolding = false;
  let heldCallbacks: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase()).join(',');
        const refusal = refusals.get(to);
        if (refusal && refusal.times > 0) {
          refusal.times -= 1;
          const error = new Error(refusal.code < 500 ? 'Try again later' : 'No such user') as Error & {
            responseCode: number;
          };
          error.responseCode = refusal.code;
          return callback(error);
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        // A message counts as received only together with its reply: whether it is held is decided when it is
        // ready to be acknowledged (after parsing), so none is counted that its client never heard accepted.
        const settle = (message: ReceivedMail) => {
          const accept = () => {
            received.push(message);
            callback();
          };
          if (isHolding) heldCallbacks.push(accept);
          else accept();
        };
        if (options.parse === false) return settle({ to, parsed: undefined as never, raw: '' });
        simpleParser(raw).then(
          (parsed) => settle({ to, parsed, raw }),
          (error: Error) => callback(error),
        );
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const to = (recipient: string) => received.filter((m) => m.to === recipient.toLowerCase());
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse: (recipient, times, code) => refusals.set(recipient.toLowerCase(), { times, code }),
    hold: () => (isHolding = true),
    dropHeld: () => {
      heldCallbacks = [];
      isHolding = false;
    },
    held: () => heldCallbacks.length,
    to,
    waitFor: (recipient, count = 1, timeoutMs = 15_000) =>
      eventually(
        async () => to(recipient),
        (mails) => mails.length >= count,
        timeoutMs,
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
