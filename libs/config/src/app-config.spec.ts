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
      OPEN_ENDED_REVIEW_HOURS: '48',
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
      OPEN_ENDED_REVIEW_HOURS: 48,
      MIGRATE_ON_START: false,
    });
    expect(config.isPostgres).toBe(true);
  });

  it.each([
    ['PORT', 'eighty', /PORT/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL must start with sqlite: or postgres:\/\//],
    ['CONFIRMATION_LEAD_MINUTES', '-5', /CONFIRMATION_LEAD_MINUTES/],
    ['OPEN_ENDED_REVIEW_HOURS', '0', /OPEN_ENDED_REVIEW_HOURS/],
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

  it.each([
    ['APP_SECRET', 'a-short-secret-value'],
    ['DATABASE_URL', 'mysql://corridor:s3cret-db-password@db.example/corridor'],
    ['BOOTSTRAP_ADMIN_PASSWORD', 'hunter2'],
    ['REDIS_URL', 'http://default:redis-password@cache.example'],
  ])('names a bad %s without echoing its value, which the log would keep', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Invalid configuration: ${name} `));
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      expect((error as Error).message).not.toContain(value);
      for (const part of value.split(/[:/@.]/).filter((p) => p.length >= 6)) {
        expect((error as Error).message).not.toContain(part);
      }
    }
  });

  it('trusts no proxy unless TRUST_PROXY names some, so a client cannot choose its own address', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 172.16.0.0/12,fd00::/8,::1' }).trustProxy).toEqual([
      '10.0.0.5',
      '172.16.0.0/12',
      'fd00::/8',
      '::1',
    ]);
  });

  it.each(['1', 'yes', '10.0.0.0/33', '::1/129', '10.0.0', 'proxy.example', '10.0.0.1,', 'loopback/8'])(
    'refuses TRUST_PROXY=%s (hop counts included: they cannot tell a proxy from a client)',
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(
        /^Invalid configuration: TRUST_PROXY must be false, true, or a comma list of proxy addresses/,
      );
    },
  );

  it('refuses the unguarded benchmark routes in production', () => {
    expect(() => loadConfig({ BENCH_UNGUARDED_ROUTES: 'true', NODE_ENV: 'production' })).toThrow(
      /BENCH_UNGUARDED_ROUTES must not be set when NODE_ENV=production/,
    );
    expect(loadConfig({ BENCH_UNGUARDED_ROUTES: 'true' }).BENCH_UNGUARDED_ROUTES).toBe(true);
    expect(loadConfig({}).BENCH_UNGUARDED_ROUTES).toBe(false);
  });
});
