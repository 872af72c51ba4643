import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiContract, checkedAgent, type Answer, type OpenApiDocument } from './openapi-contract.js';

// A document in the shapes @nestjs/swagger writes: a nullable reference wrapped in allOf, a nullable enum
// listing null, problems as application/problem+json.
const DOCUMENT: OpenApiDocument = {
  openapi: '3.0.0',
  paths: {
    '/api/v1/corridors/{id}': {
      get: {
        responses: {
          '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Corridor' } } } },
          '404': {
            content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
          },
        },
      },
    },
    '/api/v1/corridors/summary': {
      get: { responses: { '200': { content: { 'text/csv': { schema: { type: 'string' } } } } } },
    },
  },
  components: {
    schemas: {
      Corridor: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          version: { type: 'integer' },
          stance: { type: 'string', enum: ['confirmed', 'rejected', null], nullable: true },
          measure: { type: 'string', enum: ['arrived', 'evacuated'], nullable: true },
          route: { nullable: true, type: 'object', allOf: [{ $ref: '#/components/schemas/Route' }] },
          embargo: { $ref: '#/components/schemas/Route' },
        },
        required: ['id', 'version', 'stance', 'route'],
      },
      Route: {
        type: 'object',
        properties: { type: { type: 'string', enum: ['LineString'] } },
        required: ['type'],
      },
      Problem: {
        type: 'object',
        properties: { type: { type: 'string' }, status: { type: 'integer' } },
        required: ['type', 'status'],
      },
    },
  },
};

const ID = '3f1c2a4e-8a8e-4a57-9a0c-2d5b8d1e7f10';
const corridor = { id: ID, version: 1, stance: null, route: null };
const answer = (status: number, body: unknown, over: Partial<Answer> = {}): Answer => ({
  method: 'GET',
  url: `/api/v1/corridors/${ID}?include=windows`,
  status,
  contentType: 'application/json; charset=utf-8',
  text: typeof body === 'string' ? body : JSON.stringify(body),
  ...over,
});

describe('the OpenAPI contract an e2e answer is checked against', () => {
  const contract = new ApiContract(DOCUMENT);

  it('takes an answer the document describes, nulls where it allows them', () => {
    expect(contract.problems(answer(200, corridor))).toEqual([]);
    expect(
      contract.problems(answer(200, { ...corridor, stance: 'confirmed', route: { type: 'LineString' } })),
    ).toEqual([]);
  });

  it('refuses a missing field, a field it does not declare, a wrong type and a value outside an enum', () => {
    const { version: _version, ...withoutVersion } = corridor;
    expect(contract.problems(answer(200, withoutVersion))).toEqual([
      "GET /api/v1/corridors/{id} 200: (the body) must have required property 'version'",
    ]);
    expect(contract.problems(answer(200, { ...corridor, promise: 'kept' }))).toEqual([
      'GET /api/v1/corridors/{id} 200: (the body) has "promise", which the schema does not declare',
    ]);
    expect(contract.problems(answer(200, { ...corridor, version: 1.5 }))).toEqual([
      'GET /api/v1/corridors/{id} 200: /version must be integer',
    ]);
    expect(contract.problems(answer(200, { ...corridor, stance: 'maybe' }))).toEqual([
      'GET /api/v1/corridors/{id} 200: /stance must be equal to one of the allowed values: ["confirmed","rejected",null]',
    ]);
  });

  it('refuses null where the document does not say nullable, or says it of an enum that lacks null', () => {
    expect(contract.problems(answer(200, { ...corridor, id: null }))).toContain(
      'GET /api/v1/corridors/{id} 200: /id must be string',
    );
    expect(contract.problems(answer(200, { ...corridor, embargo: null }))).toContain(
      'GET /api/v1/corridors/{id} 200: /embargo must be object',
    );
    expect(contract.problems(answer(200, { ...corridor, measure: null }))).toEqual([
      'GET /api/v1/corridors/{id} 200: /measure must be equal to one of the allowed values: ["arrived","evacuated"]',
    ]);
  });

  it('refuses a status or a media type the operation does not describe', () => {
    expect(contract.problems(answer(409, { type: '/problems/stale-version', status: 409 }))).toEqual([
      'GET /api/v1/corridors/{id} answered 409, which the document does not describe',
    ]);
    expect(contract.problems(answer(404, { type: '/problems/not-found', status: 404 }))).toEqual([
      'GET /api/v1/corridors/{id} 404 answered application/json; the document says application/problem+json',
    ]);
    expect(
      contract.problems(
        answer(
          404,
          { type: '/problems/not-found', status: '404' },
          { contentType: 'application/problem+json' },
        ),
      ),
    ).toEqual(['GET /api/v1/corridors/{id} 404: /status must be integer']);
  });

  it('matches the most literal path, and leaves alone the paths the document does not describe', () => {
    const csv = answer(200, 'a,b\n', { url: '/api/v1/corridors/summary', contentType: 'text/csv' });
    expect(contract.problems(csv)).toEqual([]);
    expect(
      contract.problems(answer(200, '<!doctype html>', { url: '/corridors', contentType: 'text/html' })),
    ).toEqual([]);
    expect(contract.problems(answer(201, corridor, { method: 'POST' }))).toEqual([]);
  });
});

describe('an e2e agent checked against the contract', () => {
  let server: Server;
  let body = JSON.stringify(corridor);

  beforeAll(async () => {
    server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('fails the request, before the test reads it, when the answer is not what the document describes', async () => {
    const http = checkedAgent(
      `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      new ApiContract(DOCUMENT),
    );
    await expect(http.get(`/api/v1/corridors/${ID}`)).resolves.toHaveProperty('status', 200);
    body = JSON.stringify({ ...corridor, version: '1' });
    await expect(http.get(`/api/v1/corridors/${ID}`).expect(200)).rejects.toThrow(
      /not what the OpenAPI document describes:\n {2}GET \/api\/v1\/corridors\/\{id\} 200: \/version must be integer/,
    );
  });
});
