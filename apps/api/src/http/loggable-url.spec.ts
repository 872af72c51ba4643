import { describe, expect, it } from '@jest/globals';
import { loggableUrl } from './loggable-url.js';

describe(loggableUrl.name, () => {
  it('keeps no unsubscribe token, invitation token or feed token, and the rest of the URL as it was', () => {
    expect(loggableUrl('/api/v1/unsubscribe?token=c3ViLTEyMw.sig-nature')).toBe(
      '/api/v1/unsubscribe?token=[redacted]',
    );
    expect(loggableUrl('/api/v1/unsubscribe?lang=uk&TOKEN=abc&x=1')).toBe(
      '/api/v1/unsubscribe?lang=uk&TOKEN=[redacted]&x=1',
    );
    expect(loggableUrl('/invite/Zm9vYmFyYmF6cXV4cXV1eA-_?from=mail')).toBe('/invite/[redacted]?from=mail');
    // The invitation page asks who the link is for with the same token.
    expect(loggableUrl('/api/v1/auth/invite?token=Zm9vYmFyYmF6cXV4cXV1eA-_')).toBe(
      '/api/v1/auth/invite?token=[redacted]',
    );
    expect(loggableUrl('/api/v1/corridors?limit=50&cursor=abc')).toBe(
      '/api/v1/corridors?limit=50&cursor=abc',
    );
    expect(loggableUrl('/api/v1/corridors/invite/1')).toBe('/api/v1/corridors/invite/1');
    expect(loggableUrl('/api/v1/feeds/cwf_R2lmdCBvZiB0aGUgTWFnaQ-_x/windows.ics?x=1')).toBe(
      '/api/v1/feeds/[redacted]/windows.ics?x=1',
    );
    expect(loggableUrl('/api/v1/feeds/4b9f2c4e-0f0c-4c5e-9a57-0d8a1d2e3f40')).toBe(
      '/api/v1/feeds/4b9f2c4e-0f0c-4c5e-9a57-0d8a1d2e3f40',
    );
  });
});
