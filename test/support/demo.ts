import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DATA_FILE, importDemo } from '../../scripts/demo-import.mjs';
import type { ApiHarness } from './api-harness.js';

export type DemoImport = Awaited<ReturnType<typeof importDemo>>;

/** fetch, answered by the app under test in-process (Fastify's inject), for scripts that speak HTTP. */
export function fetchFrom(api: ApiHarness): (url: URL, init: RequestInit) => Promise<Response> {
  const fastify = api.app.getHttpAdapter().getInstance();
  return async (url, init) => {
    const answer = await fastify.inject({
      method: (init.method ?? 'GET') as 'GET',
      url: `${url.pathname}${url.search}`,
      headers: init.headers as Record<string, string>,
      payload: init.body as string | undefined,
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      for (const each of Array.isArray(value) ? value : [value])
        if (each !== undefined) headers.append(name, String(each));
    }
    const hasBody = answer.statusCode !== 204 && answer.rawPayload.length > 0;
    return new Response(hasBody ? answer.rawPayload : null, { status: answer.statusCode, headers });
  };
}

/**
 * The Azovstal demo data imported through the API with scripts/demo-import.mjs, as `npm start` does; `sections`
 * keeps only some of its arrays (the parties and places a second database needs before a CSV import). Answers the
 * records imported per section and what was left out as this server's contract does not take it.
 */
export async function importDemoData(api: ApiHarness, sections?: readonly string[]): Promise<DemoImport> {
  let file = DEFAULT_DATA_FILE;
  let dir: string | undefined;
  if (sections) {
    const data = JSON.parse(readFileSync(DEFAULT_DATA_FILE, 'utf8')) as Record<string, unknown>;
    dir = mkdtempSync(join(tmpdir(), 'cw-demo-'));
    file = join(dir, 'demo.json');
    writeFileSync(
      file,
      JSON.stringify(Object.fromEntries(Object.entries(data).filter(([k]) => sections.includes(k)))),
    );
  }
  try {
    return await importDemo({
      baseUrl: 'http://corridor.test',
      token: api.adminToken,
      file,
      fetchImpl: fetchFrom(api),
    });
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** The demo data file, read as it is. */
export function demoData(): Record<string, Record<string, unknown>[]> {
  return JSON.parse(readFileSync(DEFAULT_DATA_FILE, 'utf8')) as Record<string, Record<string, unknown>[]>;
}
