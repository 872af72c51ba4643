import 'reflect-metadata';
import { isIP } from 'node:net';
import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  validateSync,
} from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** The address ranges @fastify/proxy-addr knows by name. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** One entry of TRUST_PROXY's list: an IP address, a CIDR range or a named range. */
function isTrustedProxyEntry(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/** `false`, `true`, or a comma list of addresses, CIDR ranges and named ranges. */
function IsTrustProxy(): PropertyDecorator {
  return ValidateBy({
    name: 'isTrustProxy',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' &&
        (value === 'false' ||
          value === 'true' ||
          value.split(',').every((e) => isTrustedProxyEntry(e.trim()))),
      defaultMessage: () =>
        'must be false, true, or a comma list of proxy addresses, CIDR ranges, loopback, linklocal or uniquelocal',
    },
  });
}

/** Every setting the processes read, validated once at start. Nothing else reads process.env. */
export class AppConfig {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** The address the api listens on: 0.0.0.0 (every interface, as in a container), 127.0.0.1, ::, or a host name. */
  @IsString()
  @Matches(/^[A-Za-z0-9.:-]{1,253}$/, { message: 'must be an IP address or a host name' })
  HOST = '0.0.0.0';

  @IsString()
  @Matches(/^(sqlite:|postgres(ql)?:\/\/)/, { message: 'must start with sqlite: or postgres://' })
  DATABASE_URL = 'sqlite:./var/corridor-watch.sqlite';

  @IsString()
  @Matches(/^rediss?:\/\//, { message: 'must start with redis:// or rediss://' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @IsOptional()
  @IsString()
  @Matches(/^smtps?:\/\//, { message: 'must start with smtp:// or smtps://' })
  SMTP_URL?: string = undefined;

  @IsString()
  @Matches(/^https?:\/\//, { message: 'must be an http(s) URL' })
  PUBLIC_URL = 'http://localhost:3000';

  /** Signs unsubscribe links; required in production. Elsewhere a random one is kept in ./var/app-secret. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  APP_SECRET?: string = undefined;

  /** Where e-mails are written as .eml files when SMTP_URL is not set. */
  @IsString()
  @MinLength(1)
  OUTBOX_DIR = './var/outbox';

  /** The From of alert e-mails. */
  @IsString()
  @Matches(/^[^\r\n]*<?[^@\s<>]+@[^@\s<>]+>?$/, { message: 'must be an address, optionally with a name' })
  MAIL_FROM = 'Corridor Watch <alerts@corridor-watch.invalid>';

  /** How often the worker turns new flags into alert deliveries and looks for due digests and retries. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  ALERT_INTERVAL_MS = 10_000;

  /** First retry delay after a temporary SMTP failure; doubled at each further attempt. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  ALERT_RETRY_BASE_MS = 30_000;

  /** Attempts before a temporarily failing e-mail is given up as failed. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(30)
  ALERT_MAX_ATTEMPTS = 10;

  /** How long a worker holds the e-mails it is sending; a worker killed meanwhile leaves them to others after it. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  ALERT_LEASE_MS = 300_000;

  /** Webhook deliveries may go to loopback and private addresses (RFC 1918, ULA, CGNAT, 127/8, ::1, 0.0.0.0). */
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  WEBHOOK_ALLOW_PRIVATE = false;

  /** How often the worker turns new events into webhook deliveries and requeues deliveries whose job was lost. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_INTERVAL_MS = 2_000;

  /** How long one webhook request may take, connection included, before it counts as failed. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS = 15_000;

  /** First retry delay after a failed webhook attempt; doubled at each further one, up to WEBHOOK_RETRY_MAX_MS. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  WEBHOOK_RETRY_BASE_MS = 30_000;

  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(24 * 3_600_000)
  WEBHOOK_RETRY_MAX_MS = 3_600_000;

  /** Attempts before a webhook delivery is given up as failed (replayable). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  WEBHOOK_MAX_ATTEMPTS = 40;

  /** An endpoint whose deliveries have failed, with no success between, for this long is disabled. */
  @Type(() => Number)
  @IsNumber()
  @Min(0.001)
  @Max(24 * 30)
  WEBHOOK_DISABLE_AFTER_HOURS = 24;

  /** Delivered webhook events and their delivery log are kept this long. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  WEBHOOK_RETENTION_DAYS = 30;

  @IsOptional()
  @IsEmail()
  BOOTSTRAP_ADMIN_EMAIL?: string = undefined;

  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters' })
  BOOTSTRAP_ADMIN_PASSWORD?: string = undefined;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(7 * 24 * 60)
  CONFIRMATION_LEAD_MINUTES = 120;

  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(24 * 14)
  NO_EVACUATION_GRACE_HOURS = 6;

  /** An open-ended window ("from 14:00", no end) is judged as ending this many hours after its start until closed. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 14)
  OPEN_ENDED_REVIEW_HOURS = 24;

  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(100)
  COUNT_DISCREPANCY_RATIO = 0.25;

  /** BullMQ key prefix in Redis: deployments (and test suites) sharing one Redis keep apart by it. */
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'must be 1–64 letters, digits, _ . or -' })
  QUEUE_PREFIX = 'bull';

  /** How often the safety-net sweep of due windows runs. */
  @Type(() => Number)
  @IsInt()
  @Min(200)
  @Max(3_600_000)
  SWEEP_INTERVAL_MS = 60_000;

  /** Due windows read and evaluated per transaction by the sweep. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  SWEEP_BATCH_SIZE = 500;

  /** How often the worker relays the evaluation outbox to the queue. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(600_000)
  OUTBOX_RELAY_INTERVAL_MS = 5_000;

  /**
   * A request's headers and body must arrive within this long, or it is answered 408 and its connection closed:
   * a client sending a byte now and then would otherwise hold a connection and its half-read body forever.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  @Max(3_600_000)
  REQUEST_TIMEOUT_MS = 120_000;

  /** Most windows one corridor holds: each window brings flags, e-mails and timeline events. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  MAX_WINDOWS_PER_CORRIDOR = 400;

  /** Most windows one request creates (a corridor's listed windows and its daily schedule together). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  MAX_WINDOWS_PER_REQUEST = 100;

  /** How often the worker checks that its job schedulers are still in Redis (a FLUSHALL forgets them). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(600_000)
  SCHEDULER_CHECK_INTERVAL_MS = 5_000;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(10 * 1024 * 1024)
  BODY_LIMIT_BYTES = 64 * 1024;

  /** Largest CSV file an import takes (its own limit: BODY_LIMIT_BYTES is for JSON requests). */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  IMPORT_BODY_LIMIT_BYTES = 10 * 1024 * 1024;

  /** Most rows one import takes: a commit is one transaction, which on SQLite holds the database meanwhile. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  IMPORT_MAX_ROWS = 20_000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  SESSION_TTL_HOURS = 12;

  /** A console session unused this long ends (its absolute end is SESSION_TTL_HOURS). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  SESSION_IDLE_MINUTES = 60;

  /** Origins allowed to call the API from a browser, comma-separated; empty: no cross-origin access. */
  @IsString()
  @Matches(/^(https?:\/\/[^,\s]+)?(,https?:\/\/[^,\s]+)*$/, {
    message: 'must be a comma list of http(s) origins',
  })
  CORS_ORIGINS = '';

  /**
   * The proxies whose X-Forwarded-For (and -Host, -Proto) are believed: `false` (none: the client address is the
   * socket's), `true` (any: only when nothing but the proxy can reach the port), or a comma list of addresses,
   * CIDR ranges and loopback/linklocal/uniquelocal. No hop count: Fastify refuses it, since it cannot tell a
   * proxy from a client that sends the header itself. The sign-in limit per address counts what this yields.
   */
  @IsString()
  @IsTrustProxy()
  TRUST_PROXY = 'false';

  /** Redis key prefix of the rate limits: deployments (and test suites) sharing one Redis keep apart by it. */
  @IsString()
  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/, { message: 'must be 1–64 letters, digits, _ . : or -' })
  RATE_LIMIT_PREFIX = 'cw-rl';

  /** Failed sign-ins allowed per account per minute, then 429 until the minute is over. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_ATTEMPTS_PER_ACCOUNT_PER_MINUTE = 5;

  /** Failed sign-ins allowed per client address per minute. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE = 20;

  /** Writes allowed per API key (or session) per minute. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  WRITES_PER_KEY_PER_MINUTE = 600;

  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  /** Mounts a benchmark-only write route without authentication (npm run bench); refused in production. */
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  BENCH_UNGUARDED_ROUTES = false;

  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  MIGRATE_ON_START = true;

  /** TRUST_PROXY as Fastify's `trustProxy` option takes it. */
  get trustProxy(): boolean | string[] {
    if (this.TRUST_PROXY === 'false' || this.TRUST_PROXY === 'true') return this.TRUST_PROXY === 'true';
    return this.TRUST_PROXY.split(',').map((entry) => entry.trim());
  }

  get isPostgres(): boolean {
    return this.DATABASE_URL.startsWith('postgres');
  }
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the environment; a bad value throws one line naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const present = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => known.includes(key) && value !== undefined && value !== ''),
  );
  const config = plainToInstance(AppConfig, present);
  const [first] = validateSync(config, { forbidUnknownValues: false });
  if (!first && config.BENCH_UNGUARDED_ROUTES && config.NODE_ENV === 'production') {
    throw new ConfigError(
      'Invalid configuration: BENCH_UNGUARDED_ROUTES must not be set when NODE_ENV=production',
    );
  }
  if (!first && !config.APP_SECRET && config.NODE_ENV === 'production') {
    throw new ConfigError('Invalid configuration: APP_SECRET must be set when NODE_ENV=production');
  }
  if (first) {
    const reason = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    // Never the value itself: it may be a secret (APP_SECRET, a password in DATABASE_URL), and this line is logged.
    throw new ConfigError(
      `Invalid configuration: ${first.property} ${reason.replace(`${first.property} `, '')}`,
    );
  }
  return config;
}
