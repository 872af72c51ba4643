import type { INestApplication } from '@nestjs/common';
import {
  DocumentBuilder,
  getSchemaPath,
  type OpenAPIObject,
  type OperationObject,
  SwaggerModule,
} from '@nestjs/swagger';
import { policyOf } from '../auth/access-policy.js';
import { PROBLEM_CONTENT_TYPE, ProblemDto } from './problem.js';

/** The OpenAPI document of the api (served at /api/docs-json; the console's types are generated from it). */
export function describeApi(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Corridor Watch API')
      .setDescription(
        'Humanitarian evacuation corridors: what was promised, who confirmed it, what happened.',
      )
      .setVersion('1')
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'opaque',
        description: 'An API key or a session token.',
      })
      .addCookieAuth('cw_session')
      .addSecurityRequirements('bearer')
      .build(),
    { extraModels: [ProblemDto] },
  );
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations) as [string, OperationObject][]) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      const isPublic = policyOf(method.toUpperCase(), path.replace(/\{([^}]+)\}/g, ':$1'))?.role === 'public';
      // The access policy opens these without sign-in: no bearer requirement.
      if (isPublic) operation.security = [];
      describeRefusals(operation, { isWrite: method !== 'get', isPublic });
    }
  }
  return document;
}

const PROBLEM = { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } };

/** What any route may be refused with besides its own reasons, every refusal a problem (RFC 9457). */
function describeRefusals(
  operation: OperationObject,
  { isWrite, isPublic }: { isWrite: boolean; isPublic: boolean },
): void {
  const responses = operation.responses;
  const refusal = (status: number, description: string) => {
    responses[status] ??= { description };
  };
  // Refused before any route is chosen, by the size of what was sent.
  refusal(414, 'The address is longer than this server reads.');
  refusal(431, 'The request headers are larger than this server reads.');
  if (operation.requestBody) {
    refusal(408, 'The body did not arrive whole in time (REQUEST_TIMEOUT_MS).');
    refusal(413, 'The body is larger than this server accepts.');
    refusal(415, 'The body is not of a media type this route takes.');
  }
  // Writes are counted per API key or session (WRITES_PER_KEY_PER_MINUTE).
  if (isWrite && !isPublic)
    refusal(429, 'Too many writes with this key or session this minute; see Retry-After.');
  for (const [status, response] of Object.entries(responses)) {
    if (Number(status) >= 400 && response && 'description' in response && !response.content)
      response.content = PROBLEM;
  }
}
