// The people, places and parties a corridor needs, and builders for what medium tests store.
import { randomUUID } from 'node:crypto';
import { NO_EMBARGO } from '#cw/domain';
import { CorridorWindowEntity } from '../src/corridor/corridor-window.entity.js';
import { CorridorEntity } from '../src/corridor/corridor.entity.js';
import { CorridorRepository } from '../src/corridor/corridor.repository.js';
import { LocationRepository } from '../src/location/location.repository.js';
import { OrganisationRepository } from '../src/organisation/organisation.repository.js';
import { PartyRepository } from '../src/party/party.repository.js';
import { ConfirmationEntity } from '../src/report/confirmation.entity.js';
import { EvacuationReportEntity } from '../src/report/evacuation-report.entity.js';
import { ReportRepository } from '../src/report/report.repository.js';
import { UserRepository } from '../src/user/user.repository.js';
import type { MediumDatabase } from './medium-database.js';

export const SEEDED_AT = new Date('2022-03-01T00:00:00Z');

/** What every corridor refers to: a humanitarian organisation, its coordinator, parties and towns. */
export interface World {
  organisationId: string;
  coordinatorId: string;
  /** Ukraine, Russia, ICRC, UN OCHA. */
  partyIds: string[];
  partyNames: string[];
  /** Mariupol, Zaporizhzhia, Berdiansk. */
  locationIds: string[];
  locationNames: string[];
}

export const PARTY_NAMES = ['Ukraine', 'Russia', 'ICRC', 'UN OCHA'];
export const LOCATION_NAMES = ['Mariupol', 'Zaporizhzhia', 'Berdiansk'];

export async function seedWorld(medium: MediumDatabase): Promise<World> {
  const { db, dataSource } = medium;
  const organisationId = randomUUID();
  const coordinatorId = randomUUID();
  await new OrganisationRepository(db, dataSource).insert({
    id: organisationId,
    name: 'Corridor Watch Kyiv',
    language: 'uk',
    createdAt: SEEDED_AT,
  });
  await new UserRepository(db, dataSource).insert({
    id: coordinatorId,
    email: 'coordinator@corridor.watch',
    displayName: 'Olena, coordinator',
    organisationId,
    role: 'coordinator',
    passwordHash: null,
    disabledAt: null,
    inviteTokenHash: null,
    inviteExpiresAt: null,
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
  });
  const parties = new PartyRepository(db, dataSource);
  const partyIds = PARTY_NAMES.map(() => randomUUID());
  for (const [index, name] of PARTY_NAMES.entries()) {
    await parties.insert({
      id: partyIds[index],
      name,
      shortName: null,
      kind: index < 2 ? 'state' : 'humanitarian',
      side: index < 2 ? name : null,
      reliability: 'F',
      organisationId,
      createdById: coordinatorId,
      createdAt: SEEDED_AT,
    });
  }
  const locations = new LocationRepository(db, dataSource);
  const locationIds = LOCATION_NAMES.map(() => randomUUID());
  for (const [index, name] of LOCATION_NAMES.entries()) {
    await locations.insert({
      id: locationIds[index],
      name,
      names: null,
      aliases: null,
      searchText: name.toLowerCase(),
      lat: 47 + index / 10,
      lon: 36 + index / 10,
      adminArea: null,
      countryCode: 'UA',
      timezone: 'Europe/Kyiv',
      organisationId,
      createdById: coordinatorId,
      createdAt: SEEDED_AT,
    });
  }
  return {
    organisationId,
    coordinatorId,
    partyIds,
    partyNames: PARTY_NAMES,
    locationIds,
    locationNames: LOCATION_NAMES,
  };
}

export interface Repositories {
  corridors: CorridorRepository;
  reports: ReportRepository;
}

export function repositoriesOf(medium: MediumDatabase): Repositories {
  return {
    corridors: new CorridorRepository(medium.db, medium.dataSource),
    reports: new ReportRepository(medium.db, medium.dataSource),
  };
}

export function aCorridor(world: World, change: Partial<CorridorEntity> = {}): CorridorEntity {
  return {
    id: randomUUID(),
    name: 'Mariupol – Zaporizhzhia',
    originId: world.locationIds[0],
    destinationId: world.locationIds[1],
    announcedById: world.partyIds[1],
    announcedAt: SEEDED_AT,
    timezone: 'Europe/Kyiv',
    sourceUrl: null,
    sourceNote: null,
    route: null,
    cancelledAt: null,
    cancelReason: null,
    cancelledById: null,
    confirmationState: 'pending',
    firstStartsAt: null,
    lastEndsAt: null,
    evacuationReportCount: 0,
    evacuationLow: null,
    evacuationHigh: null,
    stancePromise: 'unconfirmed',
    settledPromise: 'broken',
    headlineMeasure: null,
    ...NO_EMBARGO,
    version: 1,
    organisationId: world.organisationId,
    createdById: world.coordinatorId,
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
    ...change,
  };
}

export function aWindow(
  world: World,
  corridorId: string,
  startsAt: Date,
  endsAt: Date,
  isOpenEnded = false,
): CorridorWindowEntity {
  return {
    id: randomUUID(),
    corridorId,
    startsAt,
    endsAt,
    isOpenEnded,
    version: 1,
    createdById: world.coordinatorId,
    createdAt: SEEDED_AT,
    nextEvaluationAt: null,
    evaluatedAt: null,
  };
}

export function aConfirmation(
  world: World,
  change: Partial<ConfirmationEntity> & Pick<ConfirmationEntity, 'corridorId'>,
): ConfirmationEntity {
  return {
    id: randomUUID(),
    partyId: world.partyIds[0],
    stance: 'confirmed',
    reportedById: null,
    statedAt: SEEDED_AT,
    sourceUrl: null,
    note: null,
    sourceReliability: 'F',
    credibility: 6,
    fingerprint: randomUUID(),
    organisationId: world.organisationId,
    createdById: world.coordinatorId,
    createdAt: SEEDED_AT,
    version: 1,
    ...NO_EMBARGO,
    ...change,
  };
}

export function anEvacuationReport(
  world: World,
  change: Partial<EvacuationReportEntity> & Pick<EvacuationReportEntity, 'corridorId'>,
): EvacuationReportEntity {
  return {
    id: randomUUID(),
    windowId: null,
    sourcePartyId: world.partyIds[2],
    reportedAt: SEEDED_AT,
    qualifier: 'exact',
    value: 120,
    max: null,
    category: 'civilians',
    arrivedAtId: null,
    sourceUrl: null,
    note: null,
    measure: 'evacuated',
    countedAtId: null,
    breakdown: null,
    sourceReliability: 'F',
    credibility: 6,
    fingerprint: randomUUID(),
    organisationId: world.organisationId,
    createdById: world.coordinatorId,
    createdAt: SEEDED_AT,
    version: 1,
    ...NO_EMBARGO,
    ...change,
  };
}
