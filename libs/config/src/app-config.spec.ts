import { describe, expect, it } from '@jest/globals';
import { AppConfig, ConfigError, loadConfig } from './app-config.js';

describe(AppConfig.name, () => {
  it('gives working defaults for a laptop: a SQLite file under ./var and a local Redis', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe('sqlite:./var/corridor-watch.sqlite');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.PORT).toBe(3000);
    expect(config.isPostgres).toBe(false);
  });

  it('reads every documented variable, optional ones included', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://cw@db/cw',
      SMTP_URL: 'smtp://mail:25',
      BOOTSTRAP_ADMIN_EMAIL: 'admin@example.org',
      BOOTSTRAP_ADMIN_PASSWORD: 'a long enough password',
      CONFIRMATION_LEAD_MINUTES: '90',
      NO_EVACUATION_GRACE_HOURS: '12',
      COUNT_DISCREPANCY_RATIO: '0.5',
      MIGRATE_ON_START: 'false',
    });
    expect(config).toMatchObject({
      PORT: 8080,
      SMTP_URL: 'smtp://mail:25',
      BOOTSTRAP_ADMIN_EMAIL: 'admin@example.org',
      BOOTSTRAP_ADMIN_PASSWORD: 'a long enough password',
      CONFIRMATION_LEAD_MINUTES: 90,
      NO_EVACUATION_GRACE_HOURS: 12,
      COUNT_DISCREPANCY_RATIO: 0.5,
      MIGRATE_ON_START: false,
    });
    expect(config.isPostgres).toBe(true);
  });

  it.each([
    ['PORT', 'eighty', /PORT/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL must start with sqlite: or postgres:\/\//],
    ['CONFIRMATION_LEAD_MINUTES', '-5', /CONFIRMATION_LEAD_MINUTES/],
    ['BOOTSTRAP_ADMIN_PASSWORD', 'short', /BOOTSTRAP_ADMIN_PASSWORD must be at least 12 characters/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
  ])('refuses a bad %s with one line naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      expect((error as Error).message.split('\n')).toHaveLength(1);
    }
  });

  it('refuses the unguarded benchmark routes in production', () => {
    expect(() => loadConfig({ BENCH_UNGUARDED_ROUTES: 'true', NODE_ENV: 'production' })).toThrow(
      /BENCH_UNGUARDED_ROUTES must not be set when NODE_ENV=production/,
    );
    expect(loadConfig({ BENCH_UNGUARDED_ROUTES: 'true' }).BENCH_UNGUARDED_ROUTES).toBe(true);
    expect(loadConfig({}).BENCH_UNGUARDED_ROUTES).toBe(false);
  });
});
