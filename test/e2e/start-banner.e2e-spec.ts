import { describe, expect, it } from '@jest/globals';
import { startBanner } from '../../scripts/lib/start-banner.mjs';

const base = { localUrl: 'http://localhost:3000', redisUrl: null, hasSignInNote: false };

// What `npm start` prints once everything runs (issue 16, defect 8): terminals are scrolled back, recorded and
// shared in screenshots; a password the operator chose and passed in the environment must not end up there.
describe('the start banner', () => {
  it('never prints an admin password that came from the environment', () => {
    const banner = startBanner({
      ...base,
      admin: { email: 'admin@ngo.example', password: 'the operator chose this', source: 'environment' },
    });
    expect(banner).toContain('admin@ngo.example');
    expect(banner).not.toContain('the operator chose this');
    expect(banner).toContain('BOOTSTRAP_ADMIN_PASSWORD');
  });

  it('prints a password it generated, and where it keeps it', () => {
    const banner = startBanner({
      ...base,
      admin: { email: 'admin@corridor.local', password: 'Gen3ratedPassw0rd', source: 'generated' },
      credentialsFile: 'var/bootstrap-admin.json',
    });
    expect(banner).toContain('Gen3ratedPassw0rd');
    expect(banner).toContain('var/bootstrap-admin.json');
  });
});
