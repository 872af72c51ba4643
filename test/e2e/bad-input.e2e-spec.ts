import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApi, storedState, type ApiHarness } from '../support/api-harness.js';
import { Fixtures } from '../support/fixtures.js';
import { expectProblem } from '../support/problems.js';
import { availableDialects } from '../support/test-database.js';

// "A clear, structured error naming the field, never a 500, never a partial write": every bad request
// below is refused with its reason, as application/problem+json, and nothing stored changes.

interface Ids {
  ruMod: string;
  uaGov: string;
  azovstal: string;
  corridorId: string;
  staleVersion: number;
  windowId: string;
}

interface BadInput {
  what: string;
  method: 'get' | 'post' | 'patch';
  path: (ids: Ids) => string;
  /** An object is sent as JSON; a string is sent as it is, as application/json. */
  body?: (ids: Ids) => object | string;
  headers?: Record<string, string>;
  status: number;
  type: string;
  field?: string;
}

const UNKNOWN_ID = '0b8e7f7c-1d2a-4e55-9c3e-5a1f4b6d7e80';
const USED_KEY = 'reporter-b41d-confirmation';

const corridorBody = (ids: Ids, changes: Record<string, unknown> = {}) => ({
  name: 'Azovstal: ceasefire and corridor 5–7 May',
  originId: ids.azovstal,
  announcedById: ids.ruMod,
  announcedAt: '2022-05-04T20:00:00+03:00',
  timezone: 'Europe/Moscow',
  windows: [{ startsAt: '2022-05-05T08:00:00+03:00', endsAt: '2022-05-05T18:00:00+03:00' }],
  ...changes,
});
const evacuationBody = (ids: Ids, count: unknown, changes: Record<string, unknown> = {}) => ({
  sourcePartyId: ids.uaGov,
  reportedAt: '2022-05-05T19:00:00+03:00',
  count,
  category: 'civilians',
  ...changes,
});
const confirmationBody = (ids: Ids, changes: Record<string, unknown> = {}) => ({
  partyId: ids.uaGov,
  stance: 'confirmed',
  statedAt: '2022-05-04T22:00:00+03:00',
  ...changes,
});

const corridors = () => '/api/v1/corridors';
const reportsOf = (route: string) => (ids: Ids) => `/api/v1/corridors/${ids.corridorId}/${route}`;

const CASES: BadInput[] = [
  // Windows and times
  {
    what: 'a window in the corridor body that ends when it starts',
    method: 'post',
    path: corridors,
    body: (ids) =>
      corridorBody(ids, {
        windows: [{ startsAt: '2022-05-05T08:00:00+03:00', endsAt: '2022-05-05T05:00:00Z' }],
      }),
    status: 400,
    type: 'window-end-not-after-start',
    field: 'windows.0.endsAt',
  },
  {
    what: 'an added window that ends before it starts',
    method: 'post',
    path: reportsOf('windows'),
    body: () => ({ startsAt: '2022-05-06T18:00:00+03:00', endsAt: '2022-05-06T08:00:00+03:00' }),
    status: 400,
    type: 'window-end-not-after-start',
    field: 'endsAt',
  },
  {
    what: 'a daily schedule whose end time is not a time',
    method: 'post',
    path: corridors,
    body: (ids) =>
      corridorBody(ids, {
        schedule: { firstDate: '2022-05-05', days: 3, startTime: '08:00', endTime: '24:00' },
      }),
    status: 400,
    type: 'validation',
    field: 'schedule.endTime',
  },
  {
    what: 'a daily schedule of zero days',
    method: 'post',
    path: corridors,
    body: (ids) =>
      corridorBody(ids, {
        schedule: { firstDate: '2022-05-05', days: 0, startTime: '08:00', endTime: '18:00' },
      }),
    status: 400,
    type: 'validation',
    field: 'schedule.days',
  },
  {
    what: 'a statement time with no offset and no zone',
    method: 'post',
    path: reportsOf('confirmations'),
    body: (ids) => confirmationBody(ids, { statedAt: '2022-05-04T22:00' }),
    status: 400,
    type: 'time-without-offset',
    field: 'statedAt',
  },
  {
    what: 'a time that is not a time',
    method: 'post',
    path: reportsOf('confirmations'),
    body: (ids) => confirmationBody(ids, { statedAt: 'Thursday morning' }),
    status: 400,
    type: 'invalid-time',
    field: 'statedAt',
  },
  {
    what: 'a date that does not exist (30 February)',
    method: 'post',
    path: reportsOf('confirmations'),
    body: (ids) => confirmationBody(ids, { statedAt: '2022-02-30T10:00:00+03:00' }),
    status: 400,
    type: 'invalid-time',
    field: 'statedAt',
  },
  {
    what: 'an unknown IANA zone on a corridor',
    method: 'post',
    path: corridors,
    body: (ids) => corridorBody(ids, { timezone: 'Europe/Kyyiv' }),
    status: 400,
    type: 'validation',
    field: 'timezone',
  },
  {
    what: 'an unknown IANA zone on a report',
    method: 'post',
    path: reportsOf('confirmations'),
    body: (ids) => confirmationBody(ids, { statedAt: '2022-05-04T22:00', timezone: 'Mars/Olympus_Mons' }),
    status: 400,
    type: 'validation',
    field: 'timezone',
  },
  {
    what: 'a statement made in the future',
    method: 'post',
    path: reportsOf('confirmations'),
    body: (ids) => confirmationBody(ids, { statedAt: '2022-05-11T12:00:00+03:00' }),
    status: 422,
    type: 'time-in-future',
    field: 'statedAt',
  },
  {
    what: 'a corridor announced in the future',
    method: 'post',
    path: corridors,
    body: (ids) => corridorBody(ids, { announcedAt: '2022-05-10T12:10:00Z' }),
    status: 422,
    type: 'time-in-future',
    field: 'announcedAt',
  },
  // Counts
  {
    what: 'a negative count',
    method: 'post',
    path: reportsOf('evacuations'),
    body: (ids) => evacuationBody(ids, { qualifier: 'exact', value: -5 }),
    status: 400,
    type: 'validation',
    field: 'count.value',
  },
  {
    what: 'a fractional count',
    method: 'post',
    path: reportsOf('remaining'),
    body: (ids) => evacuationBody(ids, { qualifier: 'about', value: 12.5 }, { category: undefined }),
    status: 400,
    type: 'validation',
    field: 'count.value',
  },
  {
    what: 'a range whose top is below its bottom',
    method: 'post',
    path: reportsOf('evacuations'),
    body: (ids) => evacuationBody(ids, { qualifier: 'range', value: 150, max: 130 }),
    status: 400,
    type: 'invalid-count',
    field: 'count.max',
  },
  {
    what: 'a range without a top',
    method: 'post',
    path: reportsOf('evacuations'),
    body: (ids) => evacuationBody(ids, { qualifier: 'range', value: 150 }),
    status: 400,
    type: 'invalid-count',
    field: 'count.max',
  },
  {
    // Decided: a maximum on anything but a range is refused, not silently dropped, so the
    // reporter learns that "at least 300, max 350" was not understood as they meant it.
    what: 'a maximum on a count that is not a range',
    method: 'post',
    path: reportsOf('evacuations'),
    body: (ids) => evacuationBody(ids, { qualifier: 'at_least', value: 300, max: 350 }),
    status: 400,
    type: 'invalid-count',
    field: 'count.max',
  },
  {
    what: 'an unknown precision',
    method: 'post',
    path: reportsOf('evacuations'),
    body: (ids) => evacuationBody(ids, { qualifier: 'roughly', value: 300 }),
    status: 400,
    type: 'validation',
    field: 'count.qualifier',
  },
  // References
  {
    what: 'a confirmation by an unknown party',
    method: 'post',
    path: reportsOf('confirmations'),
    body: (ids) => confirmationBody(ids, { partyId: UNKNOWN_ID }),
    status: 422,
    type: 'unknown-reference',
    field: 'partyId',
  },
  {
    what: 'an evacuation reported by an unknown party',
    method: 'post',
    path: reportsOf('evacuations'),
    body: (ids) => evacuationBody(ids, { qualifier: 'exact', value: 20 }, { sourcePartyId: UNKNOWN_ID }),
    status: 422,
    type: 'unknown-reference',
    field: 'sourcePartyId',
  },
  {
    what: 'a remaining-population report by an unknown party',
    method: 'post',
    path: reportsOf('remaining'),
    body: () => ({
      sourcePartyId: UNKNOWN_ID,
      reportedAt: '2022-05-05T19:00:00+03:00',
      count: { qualifier: 'at_least', value: 100 },
    }),
    status: 422,
    type: 'unknown-reference',
    field: 'sourcePartyId',
  },
  {
    what: 'an incident reported by an unknown party',
    method: 'post',
    path: reportsOf('incidents'),
    body: () => ({
      kind: 'shelling',
      occurredAt: '2022-05-05T12:00:00+03:00',
      description: 'Shelling near the assembly point.',
      sourcePartyId: UNKNOWN_ID,
    }),
    status: 422,
    type: 'unknown-reference',
    field: 'sourcePartyId',
  },
  {
    what: 'a corridor announced by an unknown party',
    method: 'post',
    path: corridors,
    body: (ids) => corridorBody(ids, { announcedById: UNKNOWN_ID }),
    status: 422,
    type: 'unknown-reference',
    field: 'announcedById',
  },
  {
    what: 'a corridor needing the confirmation of an unknown party',
    method: 'post',
    path: corridors,
    body: (ids) => corridorBody(ids, { requiredConfirmationIds: [ids.uaGov, UNKNOWN_ID] }),
    status: 422,
    type: 'unknown-reference',
    field: 'requiredConfirmationIds',
  },
  {
    what: 'a corridor from an unknown location',
    method: 'post',
    path: corridors,
    body: (ids) => corridorBody(ids, { originId: UNKNOWN_ID }),
    status: 422,
    type: 'unknown-reference',
    field: 'originId',
  },
  {
    what: 'an evacuation arriving at an unknown location',
    method: 'post',
    path: reportsOf('evacuations'),
    body: (ids) => evacuationBody(ids, { qualifier: 'exact', value: 20 }, { arrivedAtId: UNKNOWN_ID }),
    status: 422,
    type: 'unknown-reference',
    field: 'arrivedAtId',
  },
  {
    what: 'an evacuation in an unknown window',
    method: 'post',
    path: reportsOf('evacuations'),
    body: (ids) => evacuationBody(ids, { qualifier: 'exact', value: 20 }, { windowId: UNKNOWN_ID }),
    status: 422,
    type: 'unknown-reference',
    field: 'windowId',
  },
  {
    what: 'an unknown corridor id in the path',
    method: 'get',
    path: () => `/api/v1/corridors/${UNKNOWN_ID}`,
    status: 404,
    type: 'not-found',
  },
  {
    what: 'a report on an unknown corridor',
    method: 'post',
    path: () => `/api/v1/corridors/${UNKNOWN_ID}/evacuations`,
    body: (ids) => evacuationBody(ids, { qualifier: 'exact', value: 20 }),
    status: 404,
    type: 'not-found',
  },
  {
    what: 'a confirmation on an unknown corridor',
    method: 'post',
    path: () => `/api/v1/corridors/${UNKNOWN_ID}/confirmations`,
    body: (ids) => confirmationBody(ids),
    status: 404,
    type: 'not-found',
  },
  {
    what: 'an incident on an unknown corridor, by an unknown party',
    method: 'post',
    path: () => `/api/v1/corridors/${UNKNOWN_ID}/incidents`,
    body: () => ({
      kind: 'shelling',
      occurredAt: '2022-05-05T12:00:00+03:00',
      description: 'Shelling near the assembly point.',
      sourcePartyId: UNKNOWN_ID,
    }),
    status: 404,
    type: 'not-found',
  },
  {
    what: 'an edit of an unknown corridor',
    method: 'patch',
    path: () => `/api/v1/corridors/${UNKNOWN_ID}`,
    body: () => ({ version: 1, name: 'x' }),
    status: 404,
    type: 'not-found',
  },
  {
    what: 'a path id that is not a UUID',
    method: 'get',
    path: () => '/api/v1/corridors/azovstal',
    status: 404,
    type: 'not-found',
  },
  {
    what: 'a report on a path id that is not a UUID',
    method: 'post',
    path: () => "/api/v1/corridors/1'%20OR%20'1'='1/confirmations",
    body: (ids) => confirmationBody(ids),
    status: 404,
    type: 'not-found',
  },
  {
    what: 'a route that does not exist',
    method: 'get',
    path: () => '/api/v1/corridorz',
    status: 404,
    type: 'not-found',
  },
  // Shape of the body
  {
    what: 'an unknown field',
    method: 'post',
    path: () => '/api/v1/parties',
    body: () => ({ name: 'Azov Regiment', kind: 'belligerent', colour: 'blue' }),
    status: 400,
    type: 'validation',
    field: 'colour',
  },
  {
    what: 'an unknown field inside a count',
    method: 'post',
    path: reportsOf('evacuations'),
    body: (ids) => evacuationBody(ids, { qualifier: 'exact', value: 20, approximately: true }),
    status: 400,
    type: 'validation',
    field: 'count.approximately',
  },
  {
    what: 'windows in an edit, which has its own route',
    method: 'patch',
    path: (ids) => `/api/v1/corridors/${ids.corridorId}`,
    body: (ids) => ({ version: ids.staleVersion + 1, windows: [] }),
    status: 400,
    type: 'validation',
    field: 'windows',
  },
  {
    what: 'a string for a number',
    method: 'post',
    path: () => '/api/v1/locations',
    body: () => ({ name: 'Zaporizhzhia', lat: '47.838', lon: 35.139 }),
    status: 400,
    type: 'validation',
    field: 'lat',
  },
  {
    what: 'a latitude without a longitude',
    method: 'post',
    path: () => '/api/v1/locations',
    body: () => ({ name: 'Zaporizhzhia', lat: 47.838 }),
    status: 400,
    type: 'validation',
    field: 'lon',
  },
  {
    what: 'a longitude without a latitude',
    method: 'post',
    path: () => '/api/v1/locations',
    body: () => ({ name: 'Zaporizhzhia', lat: null, lon: 35.139 }),
    status: 400,
    type: 'validation',
    field: 'lat',
  },
  {
    what: 'local names under something that is not a language tag',
    method: 'post',
    path: () => '/api/v1/locations',
    body: () => ({ name: 'Zaporizhzhia', names: { 'not a tag': 'Запоріжжя' } }),
    status: 400,
    type: 'validation',
    field: 'names',
  },
  {
    what: 'a local name that is empty',
    method: 'post',
    path: () => '/api/v1/locations',
    body: () => ({ name: 'Zaporizhzhia', names: { uk: ' ' } }),
    status: 400,
    type: 'validation',
    field: 'names',
  },
  {
    what: 'aliases that are not a list of names',
    method: 'post',
    path: () => '/api/v1/locations',
    body: () => ({ name: 'Zaporizhzhia', aliases: 'Zaporizhia' }),
    status: 400,
    type: 'validation',
    field: 'aliases',
  },
  {
    what: 'a place search longer than 200 characters',
    method: 'get',
    path: () => `/api/v1/locations?q=${'z'.repeat(201)}`,
    status: 400,
    type: 'validation',
    field: 'q',
  },
  {
    what: 'a stop on the way that names no place',
    method: 'post',
    path: corridors,
    body: (ids) => corridorBody(ids, { stopIds: [ids.azovstal, UNKNOWN_ID] }),
    status: 422,
    type: 'unknown-reference',
    field: 'stopIds',
  },
  {
    what: 'stops that are not ids',
    method: 'post',
    path: corridors,
    body: (ids) => corridorBody(ids, { stopIds: ['Berdiansk'] }),
    status: 400,
    type: 'validation',
    field: 'stopIds',
  },
  {
    what: 'the same stop twice',
    method: 'post',
    path: corridors,
    body: (ids) => corridorBody(ids, { stopIds: [ids.azovstal, ids.azovstal] }),
    status: 400,
    type: 'validation',
    field: 'stopIds',
  },
  {
    what: 'a number for a string',
    method: 'post',
    path: () => '/api/v1/parties',
    body: () => ({ name: 42, kind: 'belligerent' }),
    status: 400,
    type: 'validation',
    field: 'name',
  },
  {
    what: 'an array for an object',
    method: 'post',
    path: reportsOf('evacuations'),
    body: (ids) => evacuationBody(ids, [300, 344]),
    status: 400,
    type: 'validation',
    field: 'count',
  },
  {
    what: 'a string for an object',
    method: 'post',
    path: corridors,
    body: (ids) => corridorBody(ids, { schedule: '08:00-18:00 Thursday to Saturday' }),
    status: 400,
    type: 'validation',
    field: 'schedule',
  },
  {
    what: 'a string for a list',
    method: 'post',
    path: corridors,
    body: (ids) => corridorBody(ids, { requiredConfirmationIds: ids.uaGov }),
    status: 400,
    type: 'validation',
    field: 'requiredConfirmationIds',
  },
  {
    what: 'a number for a time',
    method: 'post',
    path: reportsOf('confirmations'),
    body: (ids) => confirmationBody(ids, { statedAt: 1651690800000 }),
    status: 400,
    type: 'validation',
    field: 'statedAt',
  },
  {
    what: 'null for a required field',
    method: 'post',
    path: reportsOf('confirmations'),
    body: (ids) => confirmationBody(ids, { stance: null }),
    status: 400,
    type: 'validation',
    field: 'stance',
  },
  {
    what: 'an unknown stance',
    method: 'post',
    path: reportsOf('confirmations'),
    body: (ids) => confirmationBody(ids, { stance: 'maybe' }),
    status: 400,
    type: 'validation',
    field: 'stance',
  },
  {
    what: 'a corridor with its required fields missing',
    method: 'post',
    path: corridors,
    body: () => ({}),
    status: 400,
    type: 'validation',
    field: 'announcedAt',
  },
  {
    what: 'an evacuation with no count',
    method: 'post',
    path: reportsOf('evacuations'),
    body: (ids) => evacuationBody(ids, undefined),
    status: 400,
    type: 'validation',
    field: 'count',
  },
  {
    what: 'an edit with no version',
    method: 'patch',
    path: (ids) => `/api/v1/corridors/${ids.corridorId}`,
    body: () => ({ name: 'An edit without a version' }),
    status: 400,
    type: 'validation',
    field: 'version',
  },
  {
    what: 'a route with a point outside the globe',
    method: 'post',
    path: corridors,
    body: (ids) =>
      corridorBody(ids, {
        route: {
          type: 'LineString',
          coordinates: [
            [37.61, 47.098],
            [35.139, 147.838],
          ],
        },
      }),
    status: 400,
    type: 'validation',
    field: 'route.coordinates',
  },
  {
    what: 'a source URL that is not http(s)',
    method: 'post',
    path: reportsOf('confirmations'),
    body: (ids) => confirmationBody(ids, { sourceUrl: 'javascript:alert(1)' }),
    status: 400,
    type: 'validation',
    field: 'sourceUrl',
  },
  {
    what: 'an ftp source URL on a corridor',
    method: 'post',
    path: corridors,
    body: (ids) => corridorBody(ids, { sourceUrl: 'ftp://files.example.org/announcement.txt' }),
    status: 400,
    type: 'validation',
    field: 'sourceUrl',
  },
  // Open-ended windows, who must confirm, who reported a stance (issue 13)
  {
    what: 'a window added with no end at all (null is an open-ended one; absent is a mistake)',
    method: 'post',
    path: reportsOf('windows'),
    body: () => ({ startsAt: '2022-05-06T08:00:00+03:00' }),
    status: 400,
    type: 'validation',
    field: 'endsAt',
  },
  {
    what: 'a window closed before it starts',
    method: 'patch',
    path: (ids) => `/api/v1/corridors/${ids.corridorId}/windows/${ids.windowId}`,
    body: () => ({ endsAt: '2022-05-05T07:00:00+03:00', version: 2 }),
    status: 400,
    type: 'window-end-not-after-start',
    field: 'endsAt',
  },
  {
    what: 'a window closed with no end',
    method: 'patch',
    path: (ids) => `/api/v1/corridors/${ids.corridorId}/windows/${ids.windowId}`,
    body: () => ({ endsAt: null, version: 2 }),
    status: 400,
    type: 'validation',
    field: 'endsAt',
  },
  {
    what: 'a window closed on a stale version',
    method: 'patch',
    path: (ids) => `/api/v1/corridors/${ids.corridorId}/windows/${ids.windowId}`,
    body: () => ({ endsAt: '2022-05-05T20:00:00+03:00', version: 1 }),
    status: 409,
    type: 'stale-version',
    field: 'version',
  },
  {
    what: 'a window of this corridor that does not exist',
    method: 'patch',
    path: (ids) => `/api/v1/corridors/${ids.corridorId}/windows/${UNKNOWN_ID}`,
    body: () => ({ endsAt: '2022-05-05T20:00:00+03:00', version: 1 }),
    status: 404,
    type: 'not-found',
  },
  {
    what: 'an explicitly empty list of parties that must confirm',
    method: 'post',
    path: corridors,
    body: (ids) => corridorBody(ids, { requiredConfirmationIds: [] }),
    status: 400,
    type: 'validation',
    field: 'requiredConfirmationIds',
  },
  {
    what: 'a stance reported by the party itself',
    method: 'post',
    path: reportsOf('confirmations'),
    body: (ids) => confirmationBody(ids, { reportedById: ids.uaGov }),
    status: 400,
    type: 'reported-by-itself',
    field: 'reportedById',
  },
  {
    what: 'a stance reported by an unknown party',
    method: 'post',
    path: reportsOf('confirmations'),
    body: (ids) => confirmationBody(ids, { reportedById: UNKNOWN_ID }),
    status: 422,
    type: 'unknown-reference',
    field: 'reportedById',
  },
  {
    what: 'a reporter that is not an id',
    method: 'post',
    path: reportsOf('confirmations'),
    body: (ids) => confirmationBody(ids, { reportedById: 'the UN' }),
    status: 400,
    type: 'validation',
    field: 'reportedById',
  },
  {
    what: 'a side longer than 64 characters',
    method: 'post',
    path: () => '/api/v1/parties',
    body: () => ({ name: 'A party with a long side', kind: 'belligerent', side: 'x'.repeat(65) }),
    status: 400,
    type: 'validation',
    field: 'side',
  },
  {
    what: 'an unknown promise filter',
    method: 'get',
    path: () => '/api/v1/corridors?promise=honoured',
    status: 400,
    type: 'validation',
    field: 'promise',
  },
  // Concurrency and retries
  {
    what: 'an edit made on a stale version',
    method: 'patch',
    path: (ids) => `/api/v1/corridors/${ids.corridorId}`,
    body: (ids) => ({ version: ids.staleVersion, name: 'An edit from an old screen' }),
    status: 409,
    type: 'stale-version',
    field: 'version',
  },
  {
    what: 'a used Idempotency-Key with a different body',
    method: 'post',
    path: reportsOf('confirmations'),
    body: (ids) => confirmationBody(ids, { stance: 'rejected' }),
    headers: { 'Idempotency-Key': USED_KEY },
    status: 409,
    type: 'idempotency-key-reused',
    field: 'Idempotency-Key',
  },
  {
    what: 'an Idempotency-Key with spaces in it',
    method: 'post',
    path: reportsOf('confirmations'),
    body: (ids) => confirmationBody(ids, { stance: 'conditional' }),
    headers: { 'Idempotency-Key': 'not a key' },
    status: 400,
    type: 'validation',
    field: 'Idempotency-Key',
  },
  // What is not JSON, or not an object
  {
    what: 'a body over the size limit (64 KiB)',
    method: 'post',
    path: reportsOf('confirmations'),
    body: (ids) => confirmationBody(ids, { note: 'x'.repeat(70 * 1024) }),
    status: 413,
    type: 'body-too-large',
  },
  {
    what: 'malformed JSON',
    method: 'post',
    path: reportsOf('confirmations'),
    body: () => '{"partyId": "',
    status: 400,
    type: 'malformed-request',
  },
  {
    what: 'an empty JSON body',
    method: 'post',
    path: reportsOf('confirmations'),
    body: () => '',
    status: 400,
    type: 'validation',
  },
  {
    what: 'a JSON array as the body',
    method: 'post',
    path: reportsOf('confirmations'),
    body: (ids) => JSON.stringify([confirmationBody(ids)]),
    status: 400,
    type: 'validation',
  },
  {
    what: 'a JSON string as the body',
    method: 'post',
    path: () => '/api/v1/parties',
    body: () => JSON.stringify('Azov Regiment'),
    status: 400,
    type: 'validation',
  },
  {
    what: 'an XML body',
    method: 'post',
    path: () => '/api/v1/parties',
    body: () => '<party><name>Azov Regiment</name></party>',
    headers: { 'content-type': 'application/xml' },
    status: 415,
    type: 'unsupported-media-type',
  },
  {
    // Plain text is read as a string, which is not the object a party is.
    what: 'a plain-text body',
    method: 'post',
    path: () => '/api/v1/parties',
    body: () => 'name=Azov Regiment&kind=belligerent',
    headers: { 'content-type': 'text/plain' },
    status: 400,
    type: 'validation',
  },
  // Lists
  {
    what: 'a cursor this server never issued',
    method: 'get',
    path: () => '/api/v1/corridors?cursor=bm90LWEtY3Vyc29y',
    status: 400,
    type: 'invalid-cursor',
    field: 'cursor',
  },
  {
    what: 'a party cursor this server never issued',
    method: 'get',
    path: () => '/api/v1/parties?cursor=%5B%5D',
    status: 400,
    type: 'invalid-cursor',
    field: 'cursor',
  },
  {
    what: 'limit=0',
    method: 'get',
    path: () => '/api/v1/corridors?limit=0',
    status: 400,
    type: 'validation',
    field: 'limit',
  },
  {
    what: 'limit=201',
    method: 'get',
    path: () => '/api/v1/locations?limit=201',
    status: 400,
    type: 'validation',
    field: 'limit',
  },
  {
    what: 'limit=ten',
    method: 'get',
    path: () => '/api/v1/parties?limit=ten',
    status: 400,
    type: 'validation',
    field: 'limit',
  },
  {
    what: 'an unknown status filter',
    method: 'get',
    path: () => '/api/v1/corridors?status=postponed',
    status: 400,
    type: 'validation',
    field: 'status',
  },
  {
    what: 'a from filter without an offset',
    method: 'get',
    path: () => '/api/v1/corridors?from=2022-05-05T08:00',
    status: 400,
    type: 'time-without-offset',
    field: 'from',
  },
  {
    what: 'a to filter that is not a time',
    method: 'get',
    path: () => '/api/v1/corridors?to=yesterday',
    status: 400,
    type: 'invalid-time',
    field: 'to',
  },
  {
    what: 'an unknown query parameter',
    method: 'get',
    path: () => '/api/v1/corridors?sort=name',
    status: 400,
    type: 'validation',
    field: 'sort',
  },
];

describe.each(availableDialects())('bad input on %s', (dialect) => {
  let api: ApiHarness;
  const ids: Ids = { ruMod: '', uaGov: '', azovstal: '', corridorId: '', staleVersion: 0, windowId: '' };

  beforeAll(async () => {
    api = await startApi(dialect);
    const fx = new Fixtures(api);
    const situation = await fx.azovstal();
    Object.assign(ids, { ruMod: situation.ruMod, uaGov: situation.uaGov, azovstal: situation.azovstal });
    const corridor = await fx.corridor(corridorBody(ids, { destinationId: situation.zaporizhzhia }));
    ids.corridorId = corridor.id;
    // Version 1 becomes stale once the corridor was edited.
    const edit = await api.http
      .patch(`/api/v1/corridors/${corridor.id}`)
      .set(api.auth)
      .send({ version: 1, sourceNote: 'Edited once.' });
    expect(edit.status).toBe(200);
    ids.staleVersion = 1;
    // Its window's version 1 becomes stale once its end was put right.
    ids.windowId = (corridor.body.windows as { id: string }[])[0].id;
    const windowEdit = await api.http
      .patch(`/api/v1/corridors/${corridor.id}/windows/${ids.windowId}`)
      .set(api.auth)
      .send({ endsAt: '2022-05-05T19:00:00+03:00', version: 1 });
    expect(windowEdit.status).toBe(200);
    // Every base body of the cases is valid as it is: the corridor above, and the two reports below, are stored.
    // A confirmation stored with a key, so the key can be reused with another body.
    const keyed = await api.http
      .post(`/api/v1/corridors/${corridor.id}/confirmations`)
      .set(api.auth)
      .set('Idempotency-Key', USED_KEY)
      .send(confirmationBody(ids));
    expect(keyed.status).toBe(201);
    await fx.report(corridor.id, 'evacuations', evacuationBody(ids, { qualifier: 'exact', value: 344 }));
  });

  afterAll(async () => {
    await api?.close();
  });

  it.each(CASES)('refuses $what with $status $type', async (input) => {
    const before = await storedState(api.db);
    let request = api.http[input.method](input.path(ids)).set(api.auth);
    const body = input.body?.(ids);
    if (typeof body === 'string') request = request.set('content-type', 'application/json');
    if (input.headers) request = request.set(input.headers); // may set another content type
    const response = await (body === undefined ? request : request.send(body));

    expectProblem(response, input.status, input.type, input.field);
    expect(response.body.instance).toEqual(expect.stringMatching(/^\/api\/v1\//));
    expect(await storedState(api.db)).toEqual(before);
  });
});
