import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import request, { type Response, type Test } from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';

// ajv-formats is CommonJS: its plugin is both module.exports and module.exports.default.
const addFormats = ajvFormats.default;

/** The parts of an OpenAPI 3.0 document this reads. */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, unknown> };
}
interface OpenApiOperation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

/** One answer as the client saw it. */
export interface Answer {
  method: string;
  /** The URL or path asked for; a query string is ignored. */
  url: string;
  status: number;
  contentType: string | undefined;
  /** The body as text; absent when there is none. */
  text: string | undefined;
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);
const isJson = (mediaType: string) => /^application\/(.+\+)?json$/.test(mediaType);
const pointer = (...parts: string[]) =>
  '#/' + parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/**
 * What the OpenAPI document says of each answer: its status is described for that operation, its media type too,
 * and a JSON body matches the schema given, with no field the schema does not declare.
 * Answers to paths the document does not describe (the console, /api/docs itself) are none of its business.
 */
export class ApiContract {
  private readonly ajv: Ajv;
  private readonly routes: { method: string; template: string; pattern: RegExp; literals: number }[] = [];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument) {
    this.ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(this.ajv);
    this.ajv.addSchema(asJsonSchema(document) as object, 'openapi');
    for (const [template, operations] of Object.entries(document.paths)) {
      const segments = template.split('/');
      const pattern = new RegExp(
        '^' + segments.map((s) => (/^\{.+\}$/.test(s) ? '[^/]+' : escapeRegExp(s))).join('/') + '$',
      );
      const literals = segments.filter((s) => !/^\{.+\}$/.test(s)).length;
      for (const method of Object.keys(operations).filter((m) => METHODS.has(m))) {
        this.routes.push({ method, template, pattern, literals });
      }
    }
    // `/corridors/summary` before `/corridors/{id}`: the most literal template wins.
    this.routes.sort((a, b) => b.literals - a.literals);
  }

  /** What is wrong with an answer, one line each; empty when the document describes it. */
  problems(answer: Answer): string[] {
    const method = answer.method.toLowerCase();
    const path = new URL(answer.url, 'http://api.test').pathname;
    const route = this.routes.find((r) => r.method === method && r.pattern.test(path));
    if (!route) return [];
    const where = `${method.toUpperCase()} ${route.template}`;
    const responses = this.document.paths[route.template][method].responses ?? {};
    const status = String(answer.status);
    const response = responses[status] ? status : responses.default ? 'default' : null;
    if (response === null) return [`${where} answered ${status}, which the document does not describe`];
    const content = responses[response].content ?? {};
    const mediaType = answer.contentType?.split(';')[0].trim().toLowerCase();
    const hasBody = answer.text !== undefined && answer.text !== '' && method !== 'head';
    if (!hasBody) return [];
    if (!mediaType || !(mediaType in content)) {
      const described = Object.keys(content).join(', ') || 'no body';
      return [`${where} ${status} answered ${mediaType ?? 'no media type'}; the document says ${described}`];
    }
    if (!isJson(mediaType) || content[mediaType].schema === undefined) return [];
    let body: unknown;
    try {
      body = JSON.parse(answer.text as string);
    } catch {
      return [`${where} ${status} answered ${mediaType} that is not JSON`];
    }
    const validate = this.validatorFor(route.template, method, response, mediaType);
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${where} ${status}: ${describe(e)}`);
  }

  private validatorFor(template: string, method: string, status: string, mediaType: string) {
    const ref =
      'openapi' + pointer('paths', template, method, 'responses', status, 'content', mediaType, 'schema');
    let validate = this.validators.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: ref });
      this.validators.set(ref, validate);
    }
    return validate;
  }
}

function describe(error: ErrorObject): string {
  const at = error.instancePath || '(the body)';
  if (error.keyword === 'additionalProperties')
    return `${at} has "${(error.params as { additionalProperty: string }).additionalProperty}", which the schema does not declare`;
  if (error.keyword === 'enum')
    return `${at} ${error.message}: ${JSON.stringify((error.params as { allowedValues: unknown }).allowedValues)}`;
  return `${at} ${error.message}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The document's schemas as JSON Schema, read as a typed client reads them (openapi-typescript):
 * `nullable: true` admits null beside whatever the schema says (a type, or a reference through allOf/oneOf);
 * an enum admits only what it lists, so a nullable enum must list null; and an object declares all of its fields.
 */
export function asJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(asJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node as Record<string, unknown>);
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    // Under `properties` the keys are field names, not keywords: a field may be called `nullable`.
    out[key] =
      key === 'properties' && value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, asJsonSchema(schema)]))
        : asJsonSchema(value);
  }
  if (isSchemaWithProperties(out) && out.additionalProperties === undefined) out.additionalProperties = false;
  if (out.nullable === true) {
    delete out.nullable;
    const isComposed = ['allOf', 'oneOf', 'anyOf', '$ref'].some((k) => k in out);
    if (!isComposed && typeof out.type === 'string') {
      out.type = [out.type, 'null'];
    } else {
      return { anyOf: [{ type: 'null' }, out] };
    }
  }
  return out;
}

function isSchemaWithProperties(node: Record<string, unknown>): boolean {
  return (node.type === 'object' || node.type === undefined) && typeof node.properties === 'object';
}

/**
 * A supertest agent whose every answer is checked against the document: a test fails on an answer the document
 * does not describe, with what is wrong, before any of its own expectations.
 */
export function checkedAgent(server: Parameters<typeof request>[0], contract: ApiContract): TestAgent {
  const agent = request(server) as unknown as Record<string, (url: string) => Test>;
  const checked: Record<string, (url: string) => Test> = {};
  for (const method of Object.keys(agent)) {
    checked[method] = (url: string) =>
      agent[method](url).expect((response: Response) => {
        const problems = contract.problems({
          method: method === 'del' ? 'delete' : method,
          url,
          status: response.status,
          contentType: response.headers['content-type'],
          text: textOf(response),
        });
        if (problems.length > 0) {
          throw new Error(
            `The answer is not what the OpenAPI document describes:\n  ${problems.join('\n  ')}\n` +
              `Answer: ${response.status} ${(textOf(response) ?? '').slice(0, 2000)}`,
          );
        }
      });
  }
  return checked as unknown as TestAgent;
}

function textOf(response: Response): string | undefined {
  if (typeof response.text === 'string') return response.text;
  if (Buffer.isBuffer(response.body)) return response.body.toString('utf8');
  return undefined;
}
