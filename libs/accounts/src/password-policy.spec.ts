import { describe, expect, it } from '@jest/globals';
import { passwordWeakness } from './password-policy.js';

describe('the password policy', () => {
  it('takes a passphrase of 12 characters or more', () => {
    expect(passwordWeakness('sunflowers over Azov', 'olena@ngo.org')).toBeUndefined();
    expect(passwordWeakness('aaaaaaaaaaab', 'olena@ngo.org')).toBeUndefined();
  });

  it('refuses the account e-mail whatever its case, and one character held down, whatever the length', () => {
    expect(passwordWeakness('Olena.K@NGO-example.org', 'olena.k@ngo-example.org')).toMatch(/e-mail/);
    expect(passwordWeakness('a'.repeat(40))).toMatch(/repeated/);
    expect(passwordWeakness('😀'.repeat(12))).toMatch(/repeated/);
    expect(passwordWeakness('short')).toMatch(/12 to 1024/);
  });
});
