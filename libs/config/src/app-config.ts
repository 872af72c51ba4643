import 'reflect-metadata';
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
  validateSync,
} from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Every setting the processes read, validated once at start. Nothing else reads process.env. */
export class AppConfig {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

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

  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(100)
  COUNT_DISCREPANCY_RATIO = 0.25;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(10 * 1024 * 1024)
  BODY_LIMIT_BYTES = 64 * 1024;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  SESSION_TTL_HOURS = 12;

  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  MIGRATE_ON_START = true;

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
  if (first) {
    const reason = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    throw new ConfigError(
      `Invalid configuration: ${first.property} ${reason.replace(`${first.property} `, '')} (got "${String(first.value)}")`,
    );
  }
  return config;
}
