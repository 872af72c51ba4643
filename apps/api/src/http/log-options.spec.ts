import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import pino from 'pino';
import { loadConfig } from '#cw/config';
import { logOptions } from './log-options.js';

function capture(): { logger: pino.Logger; lines: () => string } {
  let output = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      output += String(chunk);
      done();
    },
  });
  return { logger: pino({ ...logOptions(loadConfig({})), level: 'info' }, sink), lines: () => output };
}

describe('the log', () => {
  it('never writes a password, token, key, invitation link or credential header', () => {
    const { logger, lines } = capture();
    logger.info({
      password: 'correct horse battery staple',
      body: { password: 'hunter2 hunter2', token: 'cws_secret' },
    });
    logger.info({ dto: { key: 'cwk_secret', inviteUrl: 'https://x/invite/abc' }, token: 'cws_top' });
    logger.info({
      req: { headers: { authorization: 'Bearer cwk_secret', cookie: 'cw_session=cws_secret' } },
    });
    const text = lines();
    for (const secret of ['correct horse', 'hunter2', 'cws_secret', 'cwk_secret', 'invite/abc', 'cws_top']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[redacted]');
  });
});
