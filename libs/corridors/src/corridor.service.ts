import { Injectable } from '@nestjs/common';
import { viewerOf, type Principal } from '#cw/accounts';
import { AuditService, changedFields } from '#cw/audit';
import { Clock } from '#cw/clock';
import { AppError, AppErrorCode, newId } from '#cw/common';
import { AppConfig } from '#cw/config';
import {
  announcedEnd,
  announcedWindow,
  confirmationDeadline,
  corridorConfirmationState,
  defaultRequiredConfirmations,
  deriveCorridorStatus,
  derivePromise,
  expandDailySchedule,
  isUnderEmbargo,
  isVisibleTo,
  lastEnd,
  readEmbargo,
  settledPromise,
  stancePromise,
  windowConfirmationState,
  type EmbargoViewer,
  type PartyKind,
  type SettledPromise,
  type WindowBounds,
} from '#cw/domain';
import { IdempotencyService, type IdempotencyRequest } from '#cw/idempotency';
import { EvaluationTrigger } from '#cw/jobs';
import {
  CorridorRepository,
  Database,
  FlagRepository,
  LocationRepository,
  PartyRepository,
  ReportRepository,
  type CorridorEditableFields,
  type CorridorFilter,
  type CorridorEntity,
  type ConfirmationEntity,
  type CorridorWindowEntity,
  type FlagEntity,
  type LocationEntity,
  type PartyEntity,
  type SqlRunner,
} from '#cw/persistence';
import { CorridorStateService, toReportResponse, toStated } from '#cw/reports';
import type { CorridorCancelDto } from './dto/corridor-cancel.dto.js';
import type { CorridorCreateDto } from './dto/corridor-create.dto.js';
import type { CorridorListQueryDto } from './dto/corridor-list-query.dto.js';
import {
  CorridorPageDto,
  CorridorResponseDto,
  toCorridorListItem,
  toCorridorResponse,
  toWindowResponse,
  WindowResponseDto,
} from './dto/corridor-response.dto.js';
import type { CorridorUpdateDto } from './dto/corridor-update.dto.js';
import type { WindowCreateDto, WindowUpdateDto } from './dto/window-create.dto.js';
import { assertRoomForWindows, assertWindowsPerRequest } from './window-limits.js';
import { readInstant, readPastInstant } from './instants.js';

@Injectable()
export class CorridorService {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly db: Database,
    private readonly corridors: CorridorRepository,
    private readonly parties: PartyRepository,
    private readonly locations: LocationRepository,
    private readonly reports: ReportRepository,
    private readonly state: CorridorStateService,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly evaluations: EvaluationTrigger,
    private readonly flags: FlagRepository,
  ) {}

  async create(
    principal: Principal,
    dto: CorridorCreateDto,
    idempotency?: IdempotencyRequest,
  ): Promise<CorridorResponseDto> {
    const now = this.clock.now();
    const announcedAt = readPastInstant(dto.announcedAt, 'announcedAt', now, dto.timezone);
    const embargo = readEmbargo(dto.embargo, now, dto.timezone);
    assertWindowsPerRequest(dto, this.config.MAX_WINDOWS_PER_REQUEST, this.config.MAX_WINDOWS_PER_CORRIDOR);
    const windows = this.readWindows(dto);
    const [origin] = await this.assertLocations({
      originId: dto.originId,
      destinationId: dto.destinationId ?? null,
    });
    const stopIds = dto.stopIds ?? [];
    await this.assertStops(stopIds);
    const [announcer] = await this.assertParties('announcedById', [dto.announcedById]);
    const requiredPartyIds = dto.requiredConfirmationIds ?? (await this.defaultRequiredParties(announcer));
    await this.assertParties('requiredConfirmationIds', requiredPartyIds);
    const stancesMake = stancePromise(lastEnd(windows), requiredPartyIds, []);

    const corridor: CorridorEntity = {
      id: newId(),
      name: dto.name.trim(),
      originId: dto.originId,
      destinationId: dto.destinationId ?? null,
      announcedById: dto.announcedById,
      announcedAt,
      timezone: dto.timezone,
      sourceUrl: dto.sourceUrl ?? null,
      sourceNote: dto.sourceNote ?? null,
      route: dto.route ? JSON.stringify({ type: dto.route.type, coordinates: dto.route.coordinates }) : null,
      cancelledAt: null,
      cancelReason: null,
      cancelledById: null,
      confirmationState: corridorConfirmationState(requiredPartyIds, new Map()),
      firstStartsAt: windows.length ? windows[0].startsAt : null,
      lastEndsAt: lastEnd(windows),
      evacuationReportCount: 0,
      evacuationLow: null,
      evacuationHigh: null,
      stancePromise: stancesMake,
      // Nobody is reported to have moved yet.
      settledPromise: settledPromise({
        windows: windows.map((w) => ({ ...w, claims: [] })),
        requiredPartyIds,
        confirmations: [],
      }),
      headlineMeasure: null,
      ...embargo,
      version: 1,
      organisationId: principal.organisationId,
      createdById: principal.userId,
      createdAt: now,
      updatedAt: now,
    };
    const windowRows = windows.map((w) => this.newWindow(corridor.id, w, principal, now));
    const response = await this.idempotency.create(idempotency, async (tx) => {
      await this.corridors.insert(corridor, requiredPartyIds, tx);
      await this.corridors.replaceStops(corridor.id, stopIds, tx);
      await this.corridors.insertWindows(windowRows, tx);
      await this.audit.record(tx, {
        actor: principal,
        action: 'corridor.create',
        entity: 'corridor',
        entityId: corridor.id,
        corridorId: corridor.id,
        after: {
          name: corridor.name,
          originId: corridor.originId,
          destinationId: corridor.destinationId,
          announcedById: corridor.announcedById,
          announcedAt: corridor.announcedAt.toISOString(),
          timezone: corridor.timezone,
          requiredConfirmationIds: [...requiredPartyIds].sort(),
          stopIds,
          windows: windowRows.length,
        },
      });
      await this.evaluations.record(corridor.id, tx);
      return this.view(
        corridor,
        {
          requiredPartyIds,
          stopIds,
          operationId: null,
          placeTimezone: origin?.timezone ?? corridor.timezone,
          windows: windowRows,
          confirmations: [],
        },
        now,
        viewerOf(principal),
      );
    });
    this.evaluations.corridorChanged();
    return response;
  }

  /** A corridor under embargo is unknown (404) to other organisations, as is a claim of it under embargo. */
  async get(id: string, viewer: EmbargoViewer, tx?: SqlRunner): Promise<CorridorResponseDto> {
    const corridor = await this.corridors.findById(id, tx);
    if (!corridor || !isVisibleTo(corridor, viewer)) throw AppError.notFound('corridor', id);
    const [requiredPartyIds, stopIds, operationId, windows, confirmations, flags, origin] = await Promise.all(
      [
        this.corridors.findRequiredPartyIds(id, tx),
        this.corridors.findStopIds(id, tx),
        this.corridors.findOperationId(id, tx),
        this.corridors.findWindows(id, tx),
        this.reports.findConfirmations(id, tx),
        this.flags.findByCorridor(id, tx),
        this.locations.findById(corridor.originId, tx),
      ],
    );
    const placeTimezone = origin?.timezone ?? corridor.timezone;
    return this.view(
      corridor,
      { requiredPartyIds, stopIds, operationId, placeTimezone, windows, confirmations, flags },
      this.clock.now(),
      viewer,
    );
  }

  async list(principal: Principal, query: CorridorListQueryDto): Promise<CorridorPageDto> {
    const page = await this.corridors.list(
      { ...corridorFilterOf(query, viewerOf(principal)), limit: query.limit, cursor: query.cursor },
      this.clock.now(),
    );
    return { items: page.items.map(toCorridorListItem), nextCursor: page.nextCursor };
  }

  async update(principal: Principal, id: string, dto: CorridorUpdateDto): Promise<CorridorResponseDto> {
    const current = await this.corridors.findById(id);
    if (!current) throw AppError.notFound('corridor', id);
    const now = this.clock.now();
    const fields: CorridorEditableFields = {};
    if (dto.name !== undefined) fields.name = dto.name.trim();
    if (dto.timezone !== undefined) fields.timezone = dto.timezone;
    if (dto.announcedAt !== undefined) {
      fields.announcedAt = readPastInstant(
        dto.announcedAt,
        'announcedAt',
        now,
        dto.timezone ?? current.timezone,
      );
    }
    if (dto.sourceUrl !== undefined) fields.sourceUrl = dto.sourceUrl;
    if (dto.sourceNote !== undefined) fields.sourceNote = dto.sourceNote;
    if (dto.route !== undefined)
      fields.route =
        dto.route && JSON.stringify({ type: dto.route.type, coordinates: dto.route.coordinates });
    if (dto.originId !== undefined) fields.originId = dto.originId;
    if (dto.destinationId !== undefined) fields.destinationId = dto.destinationId;
    if (dto.announcedById !== undefined) {
      await this.assertParties('announcedById', [dto.announcedById]);
      fields.announcedById = dto.announcedById;
    }
    await this.assertLocations({ originId: fields.originId, destinationId: fields.destinationId ?? null });
    if (dto.requiredConfirmationIds)
      await this.assertParties('requiredConfirmationIds', dto.requiredConfirmationIds);
    if (dto.stopIds) await this.assertStops(dto.stopIds);

    let isChanged = false;
    const response = await this.db.transaction(async (tx) => {
      if (!(await this.corridors.updateFields(id, dto.version, fields, now, tx)))
        throw staleVersion(current.version);
      await this.auditUpdate(principal, current, fields, dto, tx);
      if (dto.stopIds) await this.corridors.replaceStops(id, dto.stopIds, tx);
      if (dto.requiredConfirmationIds) {
        await this.corridors.replaceRequiredParties(id, dto.requiredConfirmationIds, tx);
        await this.state.refreshConfirmationState(id, tx);
        await this.evaluations.record(id, tx);
        isChanged = true;
      }
      return this.get(id, viewerOf(principal), tx);
    });
    if (isChanged) this.evaluations.corridorChanged();
    return response;
  }

  async cancel(principal: Principal, id: string, dto: CorridorCancelDto): Promise<CorridorResponseDto> {
    const response = await this.db.transaction(async (tx) => {
      if (!(await this.corridors.exists(id, tx))) throw AppError.notFound('corridor', id);
      if (!(await this.corridors.cancel(id, dto.reason.trim(), principal.userId, this.clock.now(), tx))) {
        throw new AppError(AppErrorCode.CorridorCancelled, 'This corridor is already cancelled.');
      }
      await this.audit.record(tx, {
        actor: principal,
        action: 'corridor.cancel',
        entity: 'corridor',
        entityId: id,
        corridorId: id,
        before: { cancelled: false },
        after: { cancelled: true, cancelReason: dto.reason.trim() },
      });
      await this.evaluations.record(id, tx);
      return this.get(id, viewerOf(principal), tx);
    });
    this.evaluations.corridorChanged();
    return response;
  }

  async addWindow(
    principal: Principal,
    corridorId: string,
    dto: WindowCreateDto,
    idempotency?: IdempotencyRequest,
  ): Promise<WindowResponseDto> {
    const corridor = await this.corridors.findById(corridorId);
    if (!corridor) throw AppError.notFound('corridor', corridorId);
    if (corridor.cancelledAt)
      throw new AppError(AppErrorCode.CorridorCancelled, 'A cancelled corridor takes no new window.');
    // A local time is read in the zone given with it, else in the corridor's own (as WindowCreateDto documents).
    const zone = dto.timezone ?? corridor.timezone;
    const bounds = announcedWindow(
      readInstant(dto.startsAt, 'startsAt', zone),
      dto.endsAt === null ? null : readInstant(dto.endsAt, 'endsAt', zone),
      this.config.OPEN_ENDED_REVIEW_HOURS,
    );
    const now = this.clock.now();
    const window = this.newWindow(corridorId, bounds, principal, now);
    const response = await this.idempotency.create(idempotency, async (tx) => {
      const held = await this.corridors.countWindowsForAdding(corridorId, tx);
      assertRoomForWindows(held, 1, this.config.MAX_WINDOWS_PER_CORRIDOR);
      await this.corridors.insertWindows([window], tx);
      await this.audit.record(tx, {
        actor: principal,
        action: 'window.create',
        entity: 'window',
        entityId: window.id,
        corridorId,
        after: {
          startsAt: window.startsAt.toISOString(),
          endsAt: announcedEnd(window)?.toISOString() ?? null,
        },
      });
      await this.corridors.touch(corridorId, now, tx);
      await this.state.refreshConfirmationState(corridorId, tx);
      await this.evaluations.record(corridorId, tx);
      const [requiredPartyIds, confirmations] = await Promise.all([
        this.corridors.findRequiredPartyIds(corridorId, tx),
        this.reports.findConfirmations(corridorId, tx),
      ]);
      return toWindowResponse(
        window,
        windowConfirmationState(
          window,
          requiredPartyIds,
          confirmations.filter((c) => !isUnderEmbargo(c)).map(toStated),
          this.config.CONFIRMATION_LEAD_MINUTES,
          now,
        ),
        [],
      );
    });
    this.evaluations.corridorChanged();
    return response;
  }

  /**
   * Announces the end of a window: closes an open-ended one ("the ceasefire ended at 18:00"), or puts an end
   * right. The flag rules, the status and the promise read the new end from then on.
   */
  async updateWindow(
    principal: Principal,
    corridorId: string,
    windowId: string,
    dto: WindowUpdateDto,
  ): Promise<WindowResponseDto> {
    const corridor = await this.corridors.findById(corridorId);
    if (!corridor) throw AppError.notFound('corridor', corridorId);
    const current = await this.corridors.findWindow(corridorId, windowId);
    if (!current) throw AppError.notFound('window of this corridor', windowId);
    const endsAt = readInstant(dto.endsAt, 'endsAt', dto.timezone ?? corridor.timezone);
    const bounds = announcedWindow(current.startsAt, endsAt, this.config.OPEN_ENDED_REVIEW_HOURS, 'endsAt');
    if (dto.version !== current.version) throw staleWindow(current.version);
    const isSame = !current.isOpenEnded && current.endsAt.getTime() === endsAt.getTime();
    const now = this.clock.now();
    const response = await this.db.transaction(async (tx) => {
      if (!isSame) {
        const nextEvaluationAt = confirmationDeadline(bounds, this.config.CONFIRMATION_LEAD_MINUTES);
        if (!(await this.corridors.updateWindowEnd(windowId, dto.version, endsAt, nextEvaluationAt, tx)))
          throw staleWindow();
        await this.audit.record(tx, {
          actor: principal,
          action: 'window.update',
          entity: 'window',
          entityId: windowId,
          corridorId,
          before: { endsAt: announcedEnd(current)?.toISOString() ?? null },
          after: { endsAt: endsAt.toISOString() },
        });
        await this.corridors.touch(corridorId, now, tx);
        await this.state.refreshConfirmationState(corridorId, tx);
        await this.evaluations.record(corridorId, tx);
      }
      const [window, requiredPartyIds, confirmations, flags] = await Promise.all([
        this.corridors.findWindow(corridorId, windowId, tx),
        this.corridors.findRequiredPartyIds(corridorId, tx),
        this.reports.findConfirmations(corridorId, tx),
        this.flags.findByCorridor(corridorId, tx),
      ]);
      return toWindowResponse(
        window!,
        windowConfirmationState(
          window!,
          requiredPartyIds,
          confirmations.filter((c) => !isUnderEmbargo(c)).map(toStated),
          this.config.CONFIRMATION_LEAD_MINUTES,
          now,
        ),
        flags.filter((f) => f.windowId === windowId),
      );
    });
    if (!isSame) this.evaluations.corridorChanged();
    return response;
  }

  /** The audit entry of an edit: only the fields it changed, as they were and as they became. */
  private async auditUpdate(
    principal: Principal,
    current: CorridorEntity,
    fields: CorridorEditableFields,
    { requiredConfirmationIds, stopIds }: Pick<CorridorUpdateDto, 'requiredConfirmationIds' | 'stopIds'>,
    tx: SqlRunner,
  ): Promise<void> {
    const readable = (c: CorridorEditableFields) => ({
      ...c,
      ...(c.route !== undefined ? { route: c.route === null ? null : (JSON.parse(c.route) as unknown) } : {}),
    });
    const diff = changedFields(
      {
        ...readable(current),
        requiredConfirmationIds: requiredConfirmationIds
          ? (await this.corridors.findRequiredPartyIds(current.id, tx)).sort()
          : undefined,
        stopIds: stopIds ? await this.corridors.findStopIds(current.id, tx) : undefined,
      },
      {
        ...readable(fields),
        requiredConfirmationIds: requiredConfirmationIds && [...new Set(requiredConfirmationIds)].sort(),
        stopIds,
      },
    );
    await this.audit.record(tx, {
      actor: principal,
      action: 'corridor.update',
      entity: 'corridor',
      entityId: current.id,
      corridorId: current.id,
      before: diff?.before ?? {},
      after: diff?.after ?? {},
    });
  }

  private view(
    corridor: CorridorEntity,
    parts: {
      requiredPartyIds: string[];
      stopIds: string[];
      operationId: string | null;
      placeTimezone: string;
      windows: CorridorWindowEntity[];
      confirmations: ConfirmationEntity[];
      flags?: FlagEntity[];
    },
    now: Date,
    viewer: EmbargoViewer,
  ): CorridorResponseDto {
    // Status and confirmation states are the same for every organisation: a stance under embargo counts from
    // its lift. The stances themselves are listed to those who may see them, marked.
    const stated = parts.confirmations.filter((c) => !isUnderEmbargo(c)).map(toStated);
    const status = deriveCorridorStatus(
      {
        isCancelled: corridor.cancelledAt !== null,
        windows: parts.windows,
        requiredPartyIds: parts.requiredPartyIds,
        confirmations: stated,
        hasEvacuationReports: corridor.evacuationReportCount > 0,
      },
      now,
    );
    const lead = this.config.CONFIRMATION_LEAD_MINUTES;
    const promise = derivePromise(
      {
        isCancelled: corridor.cancelledAt !== null,
        windows: parts.windows,
        settled: corridor.settledPromise as SettledPromise,
      },
      now,
    );
    return toCorridorResponse(corridor, {
      status,
      promise,
      operationId: parts.operationId,
      placeTimezone: parts.placeTimezone,
      requiredConfirmationIds: parts.requiredPartyIds,
      stopIds: parts.stopIds,
      windows: parts.windows.map((w) =>
        toWindowResponse(
          w,
          windowConfirmationState(w, parts.requiredPartyIds, stated, lead, now),
          (parts.flags ?? []).filter((f) => f.windowId === w.id),
        ),
      ),
      confirmations: parts.confirmations
        .filter((c) => isVisibleTo(c, viewer))
        .map((c) => toReportResponse('confirmation', c)),
    });
  }

  /** Windows from the body (open-ended ones included), then the daily schedule expanded in the corridor's zone. */
  private readWindows(dto: CorridorCreateDto): WindowBounds[] {
    const listed = (dto.windows ?? []).map((w, i) =>
      announcedWindow(
        readInstant(w.startsAt, `windows.${i}.startsAt`, dto.timezone),
        w.endsAt === null ? null : readInstant(w.endsAt, `windows.${i}.endsAt`, dto.timezone),
        this.config.OPEN_ENDED_REVIEW_HOURS,
        `windows.${i}.endsAt`,
      ),
    );
    const scheduled = dto.schedule ? expandDailySchedule(dto.schedule, dto.timezone) : [];
    return [...listed, ...scheduled].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  }

  private newWindow(
    corridorId: string,
    bounds: WindowBounds,
    principal: Principal,
    now: Date,
  ): CorridorWindowEntity {
    return {
      id: newId(),
      corridorId,
      startsAt: bounds.startsAt,
      endsAt: bounds.endsAt,
      isOpenEnded: bounds.isOpenEnded ?? false,
      version: 1,
      createdById: principal.userId,
      createdAt: now,
      // The sweep looks at it from its confirmation deadline on, whatever happens to the delayed jobs.
      nextEvaluationAt: confirmationDeadline(bounds, this.config.CONFIRMATION_LEAD_MINUTES),
      evaluatedAt: null,
    };
  }

  /** The parties named, in the order named; an unknown one is refused naming the field. */
  private async assertParties(field: string, ids: readonly string[]): Promise<PartyEntity[]> {
    const found = new Map((await this.parties.findByIds(ids)).map((p) => [p.id, p]));
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw AppError.unknownReference(field, 'party', missing);
    return ids.map((id) => found.get(id)!);
  }

  /** Every belligerent not on the announcer's side; a corridor that would then need no one is refused. */
  private async defaultRequiredParties(announcer: PartyEntity): Promise<string[]> {
    const belligerents = (await this.parties.findByKind('belligerent')).map((p) => ({
      id: p.id,
      kind: p.kind as PartyKind,
      side: p.side,
    }));
    const required = defaultRequiredConfirmations(belligerents, announcer);
    if (required.length === 0) {
      throw new AppError(
        AppErrorCode.NoRequiredParties,
        "No party of another side is known to confirm this corridor: name the parties whose agreement it needs in requiredConfirmationIds (or record the other side's party first).",
        'requiredConfirmationIds',
      );
    }
    return required;
  }

  /** Every stop must be a stored place: the first unknown one is named, in the field `stopIds`. */
  private async assertStops(ids: readonly string[]): Promise<void> {
    const found = new Set((await this.locations.findByIds(ids)).map((l) => l.id));
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw AppError.unknownReference('stopIds', 'location', missing);
  }

  /** The places named, in the order given (undefined where none is named). */
  private async assertLocations(refs: {
    originId?: string;
    destinationId: string | null;
  }): Promise<(LocationEntity | undefined)[]> {
    const found: (LocationEntity | undefined)[] = [];
    for (const [field, id] of Object.entries(refs)) {
      const place = id ? await this.locations.findById(id) : undefined;
      if (id && !place) throw AppError.unknownReference(field, 'location', id);
      found.push(place);
    }
    return found;
  }
}

/** The corridor filter a `GET /corridors` query (or an export, or a feed) asks for, its instants read. */
export function corridorFilterOf(
  query: Omit<CorridorListQueryDto, 'limit' | 'cursor'> & { corridorId?: string },
  viewer: EmbargoViewer,
): CorridorFilter {
  return {
    viewer,
    corridorId: query.corridorId,
    status: query.status,
    promise: query.promise,
    partyId: query.partyId,
    locationId: query.locationId,
    from: query.from ? readInstant(query.from, 'from') : undefined,
    to: query.to ? readInstant(query.to, 'to') : undefined,
    q: query.q?.trim() || undefined,
  };
}

function staleWindow(current?: number): AppError {
  const now = current === undefined ? '' : ` (now version ${current})`;
  return new AppError(
    AppErrorCode.StaleVersion,
    `Someone changed this window since you read it${now}; reload it and apply your edit again.`,
    'version',
  );
}

function staleVersion(current: number): AppError {
  return new AppError(
    AppErrorCode.StaleVersion,
    `Someone changed this corridor since you read it (now version ${current}); reload it and apply your edit again.`,
    'version',
  );
}
