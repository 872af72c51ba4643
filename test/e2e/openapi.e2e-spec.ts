import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getMetadataStorage } from 'class-validator';
import { CorridorCreateDto, DailyScheduleDto } from '#cw/corridors';
import { LocationCreateDto } from '#cw/locations';
import { OperationCreateDto, OperationUpdateDto } from '#cw/operations';
import {
  ConfirmationUpdateDto,
  EvacuationUpdateDto,
  IncidentUpdateDto,
  RemainingUpdateDto,
} from '#cw/reports';
import { startApi, type ApiHarness } from '../support/api-harness.js';
import { availableDialects } from '../support/test-database.js';

// Integrators generate a typed client from GET /api/docs-json: every route of API.md built so far
// must be there with what it takes, what it answers, and the problems it may answer with.

interface Operation {
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
}
interface Schema {
  $ref?: string;
  type?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  nullable?: boolean;
  format?: string;
}

type Route = [method: string, path: string, success: number, body: string | null, answer: string | null];

const ROUTES: Route[] = [
  ['post', '/api/v1/auth/login', 200, 'LoginDto', 'LoginResponseDto'],
  ['post', '/api/v1/auth/logout', 204, null, null],
  ['get', '/api/v1/auth/me', 200, null, 'UserResponseDto'],
  ['post', '/api/v1/api-keys', 201, 'ApiKeyCreateDto', 'ApiKeyCreatedResponseDto'],
  ['get', '/api/v1/api-keys', 200, null, 'ApiKeyResponseDto'],
  ['delete', '/api/v1/api-keys/{id}', 204, null, null],
  ['post', '/api/v1/parties', 201, 'PartyCreateDto', 'PartyResponseDto'],
  ['get', '/api/v1/parties', 200, null, 'PartyPageDto'],
  ['get', '/api/v1/parties/{id}', 200, null, 'PartyResponseDto'],
  ['post', '/api/v1/locations', 201, 'LocationCreateDto', 'LocationResponseDto'],
  ['get', '/api/v1/locations', 200, null, 'LocationPageDto'],
  ['get', '/api/v1/locations/{id}', 200, null, 'LocationResponseDto'],
  ['patch', '/api/v1/locations/{id}', 200, 'LocationUpdateDto', 'LocationResponseDto'],
  ['post', '/api/v1/corridors', 201, 'CorridorCreateDto', 'CorridorResponseDto'],
  ['get', '/api/v1/corridors', 200, null, 'CorridorPageDto'],
  ['get', '/api/v1/corridors/{id}', 200, null, 'CorridorResponseDto'],
  ['patch', '/api/v1/corridors/{id}', 200, 'CorridorUpdateDto', 'CorridorResponseDto'],
  ['post', '/api/v1/corridors/{id}/cancel', 200, 'CorridorCancelDto', 'CorridorResponseDto'],
  ['post', '/api/v1/corridors/{id}/windows', 201, 'WindowCreateDto', 'WindowResponseDto'],
  ['patch', '/api/v1/corridors/{id}/windows/{windowId}', 200, 'WindowUpdateDto', 'WindowResponseDto'],
  ['get', '/api/v1/parties/{id}/track-record', 200, null, 'TrackRecordDto'],
  ['get', '/api/v1/dashboard', 200, null, 'DashboardDto'],
  ['post', '/api/v1/corridors/{id}/confirmations', 201, 'ConfirmationCreateDto', 'ConfirmationResponseDto'],
  ['post', '/api/v1/corridors/{id}/evacuations', 201, 'EvacuationCreateDto', 'EvacuationReportResponseDto'],
  ['post', '/api/v1/corridors/{id}/remaining', 201, 'RemainingCreateDto', 'RemainingReportResponseDto'],
  ['post', '/api/v1/corridors/{id}/incidents', 201, 'IncidentCreateDto', 'IncidentResponseDto'],
  [
    'patch',
    '/api/v1/corridors/{id}/confirmations/{reportId}',
    200,
    'ConfirmationUpdateDto',
    'ConfirmationResponseDto',
  ],
  [
    'patch',
    '/api/v1/corridors/{id}/evacuations/{reportId}',
    200,
    'EvacuationUpdateDto',
    'EvacuationReportResponseDto',
  ],
  [
    'patch',
    '/api/v1/corridors/{id}/remaining/{reportId}',
    200,
    'RemainingUpdateDto',
    'RemainingReportResponseDto',
  ],
  ['patch', '/api/v1/corridors/{id}/incidents/{reportId}', 200, 'IncidentUpdateDto', 'IncidentResponseDto'],
  [
    'post',
    '/api/v1/corridors/{id}/confirmations/{reportId}/retract',
    200,
    'ReportRetractDto',
    'RetractionResponseDto',
  ],
  [
    'post',
    '/api/v1/corridors/{id}/evacuations/{reportId}/retract',
    200,
    'ReportRetractDto',
    'RetractionResponseDto',
  ],
  [
    'post',
    '/api/v1/corridors/{id}/remaining/{reportId}/retract',
    200,
    'ReportRetractDto',
    'RetractionResponseDto',
  ],
  [
    'post',
    '/api/v1/corridors/{id}/incidents/{reportId}/retract',
    200,
    'ReportRetractDto',
    'RetractionResponseDto',
  ],
  ['get', '/api/v1/corridors/{id}/timeline', 200, null, 'TimelineDto'],
  ['get', '/api/v1/corridors/{id}/evacuations/summary', 200, null, 'EvacuationSummaryDto'],
  ['post', '/api/v1/operations', 201, 'OperationCreateDto', 'OperationResponseDto'],
  ['get', '/api/v1/operations', 200, null, 'OperationPageDto'],
  ['get', '/api/v1/operations/{id}', 200, null, 'OperationResponseDto'],
  ['patch', '/api/v1/operations/{id}', 200, 'OperationUpdateDto', 'OperationResponseDto'],
  ['post', '/api/v1/webhook-endpoints', 201, 'WebhookEndpointCreateDto', 'WebhookEndpointCreatedResponseDto'],
  ['get', '/api/v1/webhook-endpoints', 200, null, 'WebhookEndpointPageDto'],
  ['patch', '/api/v1/webhook-endpoints/{id}', 200, 'WebhookEndpointUpdateDto', 'WebhookEndpointResponseDto'],
  ['delete', '/api/v1/webhook-endpoints/{id}', 204, null, null],
  ['get', '/api/v1/webhook-endpoints/{id}/deliveries', 200, null, 'WebhookDeliveryPageDto'],
  [
    'post',
    '/api/v1/webhook-endpoints/{id}/deliveries/{deliveryId}/replay',
    200,
    null,
    'WebhookDeliveryResponseDto',
  ],
  ['post', '/api/v1/feeds', 201, 'FeedCreateDto', 'FeedCreatedResponseDto'],
  ['get', '/api/v1/feeds', 200, null, 'FeedPageDto'],
  ['delete', '/api/v1/feeds/{id}', 204, null, null],
];
/** Routes that send or take a file: the media type of what they answer, and of what they take. */
const FILE_ROUTES: [method: string, path: string, answers: string, takes: string | null][] = [
  ['get', '/api/v1/exports/corridors.csv', 'text/csv', null],
  ['get', '/api/v1/exports/windows.csv', 'text/csv', null],
  ['get', '/api/v1/exports/claims.csv', 'text/csv', null],
  ['get', '/api/v1/exports/flags.csv', 'text/csv', null],
  ['get', '/api/v1/exports/corridors.geojson', 'application/geo+json', null],
  ['get', '/api/v1/feeds/{token}/windows.ics', 'text/calendar', null],
  ['get', '/api/v1/imports/{kind}/template.csv', 'text/csv', null],
  ['post', '/api/v1/imports/corridors', 'application/json', 'text/csv'],
  ['post', '/api/v1/imports/windows', 'application/json', 'text/csv'],
  ['post', '/api/v1/imports/evacuations', 'application/json', 'text/csv'],
];
const CREATES_WITH_IDEMPOTENCY = ROUTES.filter(
  ([method, path]) =>
    method === 'post' &&
    /\/(parties|locations|corridors|operations|windows|confirmations|evacuations|remaining|incidents)$/.test(
      path,
    ),
);
const PROBLEM = '#/components/schemas/ProblemDto';

describe.each(availableDialects())('the OpenAPI document (%s)', (dialect) => {
  let api: ApiHarness;
  let doc: {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, Schema> };
  };

  const operation = (method: string, path: string): Operation => {
    const found = doc.paths[path]?.[method];
    if (!found) throw new Error(`${method.toUpperCase()} ${path} is not in the API document`);
    return found;
  };
  const refOf = (schema: Schema | undefined): string | undefined =>
    schema?.$ref ?? schema?.items?.$ref ?? schema?.allOf?.[0]?.$ref;
  const schemaNamed = (name: string): Schema => {
    const schema = doc.components.schemas[name];
    if (!schema) throw new Error(`schema ${name} is not in the API document`);
    return schema;
  };

  beforeAll(async () => {
    api = await startApi(dialect);
    const response = await api.http.get('/api/docs-json');
    expect(response.status).toBe(200);
    doc = response.body;
  });

  afterAll(async () => {
    await api?.close();
  });

  it.each(ROUTES)(
    'describes %s %s with its request and its %i answer',
    (method, path, success, body, answer) => {
      const op = operation(method, path);
      if (body) {
        expect(refOf(op.requestBody?.content['application/json']?.schema)).toBe(
          `#/components/schemas/${body}`,
        );
      } else {
        expect(op.requestBody).toBeUndefined();
      }
      expect(op.responses).toHaveProperty(String(success));
      if (answer) {
        expect(refOf(op.responses[String(success)].content?.['application/json']?.schema)).toBe(
          `#/components/schemas/${answer}`,
        );
      }
      for (const name of path.match(/\{(\w+)\}/g)?.map((p) => p.slice(1, -1)) ?? []) {
        expect(op.parameters).toEqual(
          expect.arrayContaining([expect.objectContaining({ name, in: 'path', required: true })]),
        );
      }
    },
  );

  it.each(ROUTES)(
    'describes the problems %s %s may answer with, as application/problem+json',
    (method, path) => {
      const op = operation(method, path);
      const expected = ['400'];
      if (path !== '/api/v1/auth/login') expected.push('401', '403');
      else expected.push('401');
      if (path.includes('{id}')) expected.push('404');
      if (CREATES_WITH_IDEMPOTENCY.some(([m, p]) => m === method && p === path)) expected.push('409', '422');
      const isWebhookEndpoint = path.startsWith('/api/v1/webhook-endpoints');
      // Edits of versioned records; webhook endpoints carry no version (their edits are whole settings), nor do
      // places (the last edit wins).
      const isVersioned = !isWebhookEndpoint && !path.startsWith('/api/v1/locations');
      if ((method === 'patch' && isVersioned) || path.endsWith('/cancel') || path.endsWith('/retract'))
        expected.push('409');
      if (isWebhookEndpoint && (path.endsWith('/replay') || method === 'patch')) {
        expected.push(path.endsWith('/replay') ? '409' : '422');
      }
      if (isWebhookEndpoint && method === 'post' && path.endsWith('/webhook-endpoints')) expected.push('422');
      // Edits that name other records: a stop or a party that does not exist, a stage of another operation.
      if (method === 'patch' && /\/(corridors|operations)\/\{id\}$/.test(path)) expected.push('422');
      if (path.endsWith('{reportId}')) expected.push('422');
      for (const status of expected) {
        const response = op.responses[status];
        expect({ status, ref: refOf(response?.content?.['application/problem+json']?.schema) }).toEqual({
          status,
          ref: PROBLEM,
        });
      }
    },
  );

  it.each(FILE_ROUTES)(
    'describes %s %s with the media types it sends and takes',
    (method, path, answers, takes) => {
      const op = operation(method, path);
      expect(Object.keys(op.responses['200']?.content ?? {})).toEqual([answers]);
      if (takes) {
        expect(Object.keys(op.requestBody?.content ?? {})).toEqual([takes]);
        expect(refOf(op.responses['200'].content?.[answers]?.schema)).toBe(
          '#/components/schemas/ImportResultDto',
        );
        expect(refOf(op.responses['422'].content?.['application/problem+json']?.schema)).toBe(
          '#/components/schemas/ImportRefusedDto',
        );
      }
      if (path.startsWith('/api/v1/exports/')) {
        const filters = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        expect(filters).toEqual(
          expect.arrayContaining(['status', 'partyId', 'locationId', 'from', 'to', 'q']),
        );
        expect(filters).not.toContain('limit');
      }
    },
  );

  it('documents the Idempotency-Key header on every create that accepts it', () => {
    for (const [method, path] of CREATES_WITH_IDEMPOTENCY) {
      expect({ path, parameters: operation(method, path).parameters }).toEqual({
        path,
        parameters: expect.arrayContaining([
          expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }),
        ]),
      });
    }
  });

  it('gives every list field the type of its items (a typed client must know what a list holds)', () => {
    const wrong: string[] = [];
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      for (const [property, definition] of Object.entries(schema.properties ?? {})) {
        const listOfLists = definition.type === 'array' && definition.items?.type === 'array';
        // GeoJSON positions, [longitude, latitude] each: a list of lists by design.
        const isPositions = ['RouteDto.coordinates', 'CorridorWayDto.coordinates'].includes(
          `${name}.${property}`,
        );
        if (listOfLists && !isPositions) wrong.push(`${name}.${property}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('says exactly what may be null: a nullable enum lists null, a nullable reference is wrapped, no untyped object', () => {
    const flaws: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((item, i) => visit(item, `${where}[${i}]`));
      if (!node || typeof node !== 'object') return;
      const schema = node as Schema & { enum?: unknown[]; additionalProperties?: unknown; oneOf?: unknown };
      // OpenAPI 3.0 readers ignore whatever stands beside a $ref, `nullable` included.
      if (schema.$ref && Object.keys(schema).length > 1) flaws.push(`${where}: keywords beside $ref`);
      if (schema.$ref === '#/components/schemas/Object') flaws.push(`${where}: an undescribed type`);
      if (schema.nullable && schema.enum && !schema.enum.includes(null))
        flaws.push(`${where}: null not in enum`);
      const isBareObject =
        schema.type === 'object' &&
        !schema.properties &&
        schema.additionalProperties === undefined &&
        !schema.allOf &&
        !schema.oneOf;
      if (isBareObject) flaws.push(`${where}: an object with no fields described`);
      for (const [key, value] of Object.entries(node)) if (key !== 'example') visit(value, `${where}.${key}`);
    };
    visit(doc.components.schemas, 'components.schemas');
    visit(doc.paths, 'paths');
    expect(flaws).toEqual([]);
  });

  it('types versions, page sizes and offsets as integers', () => {
    const notIntegers: string[] = [];
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      const version = schema.properties?.version;
      if (version && version.type !== 'integer') notIntegers.push(`${name}.version`);
    }
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        for (const parameter of (op.parameters ?? []) as { name: string; schema?: Schema }[]) {
          if (['limit', 'offset'].includes(parameter.name) && parameter.schema?.type !== 'integer')
            notIntegers.push(`${method} ${path} ?${parameter.name}`);
        }
      }
    }
    expect(notIntegers).toEqual([]);
  });

  it('describes every field CorridorCreateDto validates, with the required ones marked required', () => {
    const schema = schemaNamed('CorridorCreateDto');
    const validated = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(CorridorCreateDto, '', true, false)
        .map((m) => m.propertyName),
    );
    expect(validated.size).toBeGreaterThanOrEqual(12);
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual([...validated].sort());
    expect([...(schema.required ?? [])].sort()).toEqual([
      'announcedAt',
      'announcedById',
      'name',
      'originId',
      'timezone',
    ]);
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      // A typed client needs a type (or a reference) for every field.
      expect({ name, typed: Boolean(property.type || property.$ref || property.allOf) }).toEqual({
        name,
        typed: true,
      });
    }
    expect(schema.properties?.destinationId).toMatchObject({
      type: 'string',
      format: 'uuid',
      nullable: true,
    });
    expect(schema.properties?.requiredConfirmationIds).toMatchObject({
      type: 'array',
      items: { type: 'string', format: 'uuid' },
    });
    expect(refOf(schema.properties?.windows)).toBe('#/components/schemas/CorridorWindowInputDto');
    expect(refOf(schema.properties?.schedule)).toBe('#/components/schemas/DailyScheduleDto');
    expect(refOf(schema.properties?.route)).toBe('#/components/schemas/RouteDto');
  });

  it.each([
    ['LocationCreateDto', LocationCreateDto, ['name']],
    ['OperationCreateDto', OperationCreateDto, ['corridorIds', 'name']],
    ['OperationUpdateDto', OperationUpdateDto, ['version']],
  ] as const)(
    'describes every field %s validates, with the required ones marked required',
    (name, dto, required) => {
      const schema = schemaNamed(name);
      const validated = getMetadataStorage()
        .getTargetValidationMetadatas(dto, '', true, false)
        .map((m) => m.propertyName);
      expect(Object.keys(schema.properties ?? {}).sort()).toEqual([...new Set(validated)].sort());
      expect([...(schema.required ?? [])].sort()).toEqual(required);
    },
  );

  it('describes places: local names by language tag, aliases, and coordinates that may be absent', () => {
    const created = schemaNamed('LocationCreateDto').properties ?? {};
    expect(created.names).toMatchObject({ type: 'object', additionalProperties: { type: 'string' } });
    expect(created.aliases).toMatchObject({ type: 'array', items: { type: 'string' } });
    expect(created.lat).toMatchObject({ type: 'number', nullable: true });
    const answer = schemaNamed('LocationResponseDto');
    expect(answer.properties?.lon).toMatchObject({ type: 'number', nullable: true });
    expect(answer.required).toEqual(expect.arrayContaining(['names', 'aliases', 'lat', 'lon']));
    expect(schemaNamed('CorridorCreateDto').properties?.stopIds).toMatchObject({
      type: 'array',
      items: { type: 'string', format: 'uuid' },
    });
    expect(schemaNamed('CorridorResponseDto').required).toEqual(
      expect.arrayContaining(['stopIds', 'operationId']),
    );
    expect(refOf(schemaNamed('OperationResponseDto').properties?.evacuation)).toBe(
      '#/components/schemas/EvacuationSummaryDto',
    );
  });

  it.each([
    ['ConfirmationUpdateDto', ConfirmationUpdateDto],
    ['EvacuationUpdateDto', EvacuationUpdateDto],
    ['RemainingUpdateDto', RemainingUpdateDto],
    ['IncidentUpdateDto', IncidentUpdateDto],
  ] as const)('describes every field %s validates, with only the version required', (name, dto) => {
    const schema = schemaNamed(name);
    const validated = getMetadataStorage()
      .getTargetValidationMetadatas(dto, '', true, false)
      .map((m) => m.propertyName);
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual([...new Set(validated)].sort());
    expect(schema.required).toEqual(['version']);
  });

  it('describes the nested parts of a corridor: windows, the daily schedule and the route', () => {
    const scheduleFields = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(DailyScheduleDto, '', true, false)
        .map((m) => m.propertyName),
    );
    expect(Object.keys(schemaNamed('DailyScheduleDto').properties ?? {}).sort()).toEqual(
      [...scheduleFields].sort(),
    );
    expect(Object.keys(schemaNamed('CorridorWindowInputDto').properties ?? {}).sort()).toEqual([
      'endsAt',
      'startsAt',
    ]);
    expect(Object.keys(schemaNamed('RouteDto').properties ?? {}).sort()).toEqual(['coordinates', 'type']);
  });

  it('describes what a webhook delivers: the payload and the data of each event type', () => {
    const payload = schemaNamed('WebhookPayloadDto');
    expect(payload.required).toEqual(expect.arrayContaining(['type', 'version', 'timestamp', 'data']));
    const data = payload.properties?.data as Schema & { oneOf?: Schema[] };
    expect(data.oneOf?.map((s) => s.$ref)).toEqual([
      '#/components/schemas/FlagEventDataDto',
      '#/components/schemas/CorridorStatusChangedDataDto',
      '#/components/schemas/CorridorPromiseSettledDataDto',
      '#/components/schemas/EvacuationReportResponseDto',
    ]);
    expect(Object.keys(schemaNamed('FlagEventDataDto').properties ?? {}).sort()).toEqual([
      'at',
      'corridorId',
      'corridorName',
      'flagId',
      'isReopened',
      'rule',
      'severity',
      'windowEndsAt',
      'windowId',
      'windowStartsAt',
    ]);
    expect(schemaNamed('WebhookEndpointCreateDto').properties?.events).toMatchObject({ type: 'array' });
  });

  it('describes a problem as RFC 9457 with the failed fields', () => {
    const problem = schemaNamed('ProblemDto');
    expect(problem.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail', 'errors']));
    expect(refOf(problem.properties?.errors)).toBe('#/components/schemas/FieldErrorDto');
    expect(Object.keys(schemaNamed('FieldErrorDto').properties ?? {}).sort()).toEqual(['field', 'message']);
  });

  it('describes what a claim counted and how sure, nullable where a client may send or receive null', () => {
    const create = schemaNamed('EvacuationCreateDto').properties ?? {};
    expect(create.measure).toMatchObject({
      enum: ['left_origin', 'joined_en_route', 'arrived', 'evacuated'],
    });
    expect(create.countedAtId).toMatchObject({ type: 'string', format: 'uuid', nullable: true });
    expect(refOf(create.breakdown)).toBe('#/components/schemas/BreakdownDto');
    expect(create.breakdown).toMatchObject({ nullable: true });
    expect(create.sourceReliability).toMatchObject({ enum: ['A', 'B', 'C', 'D', 'E', 'F'] });
    expect(create.credibility).toMatchObject({ type: 'integer', enum: [1, 2, 3, 4, 5, 6] });
    expect(schemaNamed('EvacuationCreateDto').required).not.toContain('measure');
    expect(Object.keys(schemaNamed('BreakdownDto').properties ?? {}).sort()).toEqual([
      'elderly',
      'men',
      'minors',
      'women',
      'wounded',
    ]);
    const answer = schemaNamed('EvacuationReportResponseDto');
    expect(answer.required).toEqual(
      expect.arrayContaining(['measure', 'countedAtId', 'breakdown', 'sourceReliability', 'credibility']),
    );
    expect(schemaNamed('RemainingCreateDto').properties?.placeId).toMatchObject({ nullable: true });
    const flag = schemaNamed('FlagResponseDto').properties ?? {};
    expect(flag.evidenceReliability).toMatchObject({
      nullable: true,
      enum: ['A', 'B', 'C', 'D', 'E', 'F', null],
    });
    expect(flag.evidenceCredibility).toMatchObject({ type: 'integer', nullable: true });
    expect(schemaNamed('EvacuationFiguresDto').properties?.measure).toMatchObject({
      nullable: true,
      enum: ['left_origin', 'joined_en_route', 'arrived', 'evacuated', null],
    });
    const range = schemaNamed('CountRangeDto').properties ?? {};
    expect(refOf(range.byMeasure)).toBe('#/components/schemas/ByMeasureDto');
    expect(refOf(range.headline)).toBe('#/components/schemas/HeadlineDto');
    expect(range.headline).toMatchObject({ nullable: true });
    for (const path of ['/api/v1/flags', '/api/v1/corridors/{id}/evacuations/summary']) {
      expect(operation('get', path).parameters).toContainEqual(
        expect.objectContaining({ name: 'minGrade', in: 'query', required: false }),
      );
    }
  });

  it('describes counts with their precision', () => {
    const count = schemaNamed('CountDto');
    expect(count.properties?.qualifier).toMatchObject({
      enum: ['exact', 'about', 'at_least', 'more_than', 'at_most', 'fewer_than', 'range'],
    });
    expect(count.required).toEqual(expect.arrayContaining(['qualifier', 'value']));
    expect(count.required).not.toContain('max');
  });

  it('describes the promise beside every status, open-ended windows, sides and reported stances', () => {
    const promises = ['pending', 'kept', 'unconfirmed', 'broken', 'cancelled'];
    for (const name of [
      'CorridorResponseDto',
      'CorridorListItemDto',
      'DashboardCorridorDto',
      'TimelineDto',
    ]) {
      const schema = schemaNamed(name);
      expect({ name, promise: schema.properties?.promise }).toMatchObject({
        name,
        promise: { enum: promises },
      });
      expect({ name, required: schema.required }).toMatchObject({
        name,
        required: expect.arrayContaining(['promise']),
      });
    }
    expect(schemaNamed('CorridorStatusChangedDataDto').properties?.promise).toMatchObject({ enum: promises });
    const list = operation('get', '/api/v1/corridors').parameters ?? [];
    expect(list).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'promise', in: 'query' })]));

    const window = schemaNamed('WindowResponseDto');
    expect(window.properties?.endsAt).toMatchObject({ type: 'string', format: 'date-time', nullable: true });
    expect(window.properties?.reviewEndsAt).toMatchObject({ type: 'string', nullable: true });
    expect(window.required).toEqual(
      expect.arrayContaining(['endsAt', 'reviewEndsAt', 'isOpenEnded', 'version']),
    );
    for (const name of ['CorridorWindowInputDto', 'WindowCreateDto']) {
      expect({ name, endsAt: schemaNamed(name).properties?.endsAt }).toMatchObject({
        name,
        endsAt: { type: 'string', nullable: true },
      });
    }
    expect(schemaNamed('WindowUpdateDto').required).toEqual(expect.arrayContaining(['endsAt', 'version']));
    expect(schemaNamed('DashboardWindowDto').properties?.endsAt).toMatchObject({ nullable: true });

    expect(schemaNamed('PartyCreateDto').properties?.side).toMatchObject({ type: 'string', maxLength: 64 });
    expect(schemaNamed('PartyResponseDto').properties?.side).toMatchObject({
      type: 'string',
      nullable: true,
    });
    expect(schemaNamed('ConfirmationCreateDto').properties?.reportedById).toMatchObject({
      type: 'string',
      format: 'uuid',
      nullable: true,
    });
    expect(schemaNamed('ConfirmationResponseDto').properties?.reportedById).toMatchObject({ nullable: true });
    expect(Object.keys(schemaNamed('TrackRecordDto').properties ?? {}).sort()).toEqual(
      [
        'windowsAnnounced',
        'confirmedInTime',
        'neverConfirmed',
        'withEvacuations',
        'promises',
        'kept',
        'unconfirmed',
        'broken',
        'pending',
        'keptRatio',
      ].sort(),
    );
  });
});
