import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { ACCESS_POLICY, policyOf, renderPolicyTable, roleMeets, type RoutePolicy } from './access-policy.js';

const rows = (table: string) =>
  table
    .trim()
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );

describe('the access policy', () => {
  it('is the table the README shows', () => {
    const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
    const section = /<!-- access-policy -->([\s\S]*?)<!-- \/access-policy -->/.exec(readme)?.[1] ?? '';
    expect(rows(section)).toEqual(rows(renderPolicyTable()));
  });

  it('lets an admin do everything a coordinator may, a coordinator everything a reporter may, and so on', () => {
    for (const policy of Object.values(ACCESS_POLICY as Record<string, RoutePolicy>)) {
      const allowed = (['viewer', 'reporter', 'coordinator', 'admin'] as const).map((role) =>
        roleMeets(role, policy),
      );
      expect(allowed).toEqual([...allowed].sort((a, b) => Number(a) - Number(b)));
    }
  });

  it('needs the write scope for every write, and routes HEAD with GET', () => {
    for (const [route, policy] of Object.entries(ACCESS_POLICY as Record<string, RoutePolicy>)) {
      expect({ route, scope: policy.scope }).toEqual({
        route,
        scope: route.startsWith('GET ') ? 'read' : 'write',
      });
    }
    expect(policyOf('HEAD', '/api/v1/corridors')).toBe(ACCESS_POLICY['GET /api/v1/corridors']);
    expect(policyOf('GET', '/api/v1/no-such-route')).toBeUndefined();
  });

  it('puts an object rule on every edit of a corridor, a place, an API key or a user', () => {
    const edits = Object.entries(ACCESS_POLICY as Record<string, RoutePolicy>).filter(([route]) =>
      /^(PATCH|DELETE) \/api\/v1\/(corridors|locations|api-keys|users)\/:id$|^POST \/api\/v1\/corridors\/:id\/(cancel|windows)$/.test(
        route,
      ),
    );
    expect(edits.length).toBe(6);
    for (const [route, policy] of edits)
      expect({ route, object: policy.object }).toEqual({ route, object: expect.any(Object) });
  });
});
