import { expect } from '@jest/globals';
import type { Response } from 'supertest';

/** Asserts an RFC 9457 answer: status, content type, stable `type` slug and, when given, the field it names. */
export function expectProblem(response: Response, status: number, type: string, field?: string): void {
  // The whole answer in the failure message, not just the status.
  expect(`${response.status} ${JSON.stringify(response.body)}`).toMatch(new RegExp(`^${status} `));
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({
    type: `/problems/${type}`,
    status,
    title: expect.any(String),
    detail: expect.any(String),
  });
  expect(Array.isArray(response.body.errors)).toBe(true);
  if (field !== undefined) {
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  }
}
