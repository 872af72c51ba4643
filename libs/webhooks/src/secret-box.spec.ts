import { describe, expect, it } from '@jest/globals';
import { SecretBox } from './secret-box.js';

describe('signing secrets at rest', () => {
  it('are sealed unreadably and opened with the same application secret only', () => {
    const box = new SecretBox('an application secret of thirty-two chars');
    const sealed = box.seal('whsec_abc');
    expect(sealed).not.toContain('abc');
    expect(box.seal('whsec_abc')).not.toBe(sealed); // a fresh nonce each time
    expect(box.open(sealed)).toBe('whsec_abc');
    expect(() => new SecretBox('another application secret, also long').open(sealed)).toThrow();
    expect(() => box.open(`${sealed.slice(0, -2)}AA`)).toThrow();
  });
});
