import { get, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApi, type ApiHarness } from '../support/api-harness.js';

// Phones on slow links: a page of corridors or the OpenAPI document travels compressed when the client says so.
describe('compressed answers', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi('sqlite');
  });

  afterAll(() => api.close());

  // Plain node:http: the bytes as sent, not decompressed by an HTTP client on the way.
  const raw = async (path: string, encoding = 'identity') => {
    const server = api.app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      get(
        { host: '127.0.0.1', port, path, headers: { ...api.auth, 'accept-encoding': encoding } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks),
            }),
          );
        },
      ).on('error', reject);
    });
  };

  it('compresses a large JSON answer with brotli or gzip, as the client accepts, and the same JSON comes out', async () => {
    const plain = await raw('/api/docs-json');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const original = plain.body.toString('utf8');
    expect(original.length).toBeGreaterThan(1024);

    const br = await raw('/api/docs-json', 'br, gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(original);
    expect(br.body.length).toBeLessThan(original.length / 3);

    const gzip = await raw('/api/docs-json', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString('utf8')).toBe(original);
  });

  it('leaves a small answer as it is', async () => {
    const small = await raw('/health', 'br, gzip');
    expect(small.status).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});
