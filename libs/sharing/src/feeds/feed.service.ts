import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import ical, { foldLines, ICalEventStatus } from 'ical-generator';
import { hasRoleAtLeast, newSecret, sha256Hex, viewerOf, type Principal, type Role } from '#cw/accounts';
import { AuditService } from '#cw/audit';
import { Clock } from '#cw/clock';
import { AppError, AppErrorCode, newId } from '#cw/common';
import { AppConfig } from '#cw/config';
import { corridorFilterOf } from '#cw/corridors';
import { DomainError } from '#cw/domain';
import {
  CalendarFeedRepository,
  Database,
  ExportRepository,
  type CalendarEventEntity,
  type CalendarFeedEntity,
  type CorridorFilter,
  type ExportWindowRow,
} from '#cw/persistence';
import type { CorridorFilterDto } from '../corridor-filter.dto.js';
import type { SharedFile } from '../exports/export.service.js';
import { withoutEmpty } from '../collections.js';
import type { FeedCreateDto } from './dto/feed-create.dto.js';
import { FeedCreatedResponseDto, FeedPageDto, toFeedResponse } from './dto/feed-response.dto.js';
import { windowConfirmations } from '../window-confirmations.js';
import { contentHash, windowEventContent, type WindowEventContent } from './window-event.js';

/** Recognisable by secret scanners, like API keys' `cwk_`. */
export const FEED_TOKEN_PREFIX = 'cwf_';
export const ICALENDAR_CONTENT_TYPE = 'text/calendar; charset=utf-8';
const BATCH_WINDOWS = 500;
/** How often calendar applications are asked to fetch again (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
const REFRESH_SECONDS = 15 * 60;
const STATUS = {
  CONFIRMED: ICalEventStatus.CONFIRMED,
  TENTATIVE: ICalEventStatus.TENTATIVE,
  CANCELLED: ICalEventStatus.CANCELLED,
};

/** Private iCalendar feeds of windows (RFC 5545), one per filter, each behind a revocable token. */
@Injectable()
export class FeedService {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly db: Database,
    private readonly feeds: CalendarFeedRepository,
    private readonly exports: ExportRepository,
    private readonly audit: AuditService,
  ) {}

  async create(principal: Principal, dto: FeedCreateDto): Promise<FeedCreatedResponseDto> {
    const filter = withoutEmpty(dto.filter ?? {});
    try {
      corridorFilterOf(filter, viewerOf(principal)); // a bad instant is refused now, not at every fetch
    } catch (error) {
      if (error instanceof DomainError)
        throw new DomainError(error.code, error.message, `filter.${error.field}`);
      throw error;
    }
    const token = `${FEED_TOKEN_PREFIX}${newSecret()}`;
    const feed: CalendarFeedEntity = {
      id: newId(),
      name: dto.name.trim(),
      filter: JSON.stringify(filter),
      tokenHash: sha256Hex(token),
      userId: principal.userId,
      organisationId: principal.organisationId,
      createdAt: this.clock.now(),
      revokedAt: null,
    };
    await this.db.transaction(async (tx) => {
      await this.feeds.insert(feed, tx);
      await this.audit.record(tx, {
        actor: principal,
        action: 'feed.create',
        entity: 'feed',
        entityId: feed.id,
        after: { name: feed.name, filter },
      });
    });
    return { ...toFeedResponse(feed), url: this.urlOf(token) };
  }

  async listOwn(principal: Principal): Promise<FeedPageDto> {
    const feeds = await this.feeds.listOwnedBy(principal.userId);
    return { items: feeds.map(toFeedResponse), nextCursor: null };
  }

  /** Its owner (or an admin) revokes a feed; anyone else's reads as unknown, as do revoked ones. */
  async revoke(principal: Principal, id: string): Promise<void> {
    const feed = await this.feeds.findById(id);
    const isOwner = feed?.userId === principal.userId || hasRoleAtLeast(principal, 'admin');
    if (!feed || feed.revokedAt || !isOwner) throw AppError.notFound('feed', id);
    await this.db.transaction(async (tx) => {
      if (!(await this.feeds.revoke(id, this.clock.now(), tx))) throw AppError.notFound('feed', id);
      await this.audit.record(tx, {
        actor: principal,
        action: 'feed.revoke',
        entity: 'feed',
        entityId: id,
        organisationId: feed.organisationId,
        before: { revoked: false },
        after: { revoked: true },
      });
    });
  }

  /** The calendar a token opens, written window by window; an unknown or revoked token is not found. */
  async calendar(token: string): Promise<SharedFile> {
    const feed = await this.feeds.findReadable(sha256Hex(token));
    if (!feed) throw new AppError(AppErrorCode.NotFound, 'No feed has this address, or it was revoked.');
    // The feed reads as its owner would now: their organisation's corridors under embargo, or all for an admin.
    const viewer = viewerOf({ organisationId: feed.organisationId, role: feed.ownerRole as Role });
    const filter = corridorFilterOf(JSON.parse(feed.filter) as CorridorFilterDto, viewer);
    return {
      filename: 'windows.ics',
      contentType: ICALENDAR_CONTENT_TYPE,
      body: Readable.from(this.chunks(feed, filter, this.clock.now())),
    };
  }

  private urlOf(token: string): string {
    return `${this.config.PUBLIC_URL.replace(/\/$/, '')}/api/v1/feeds/${token}/windows.ics`;
  }

  private async *chunks(feed: CalendarFeedEntity, filter: CorridorFilter, now: Date): AsyncGenerator<string> {
    const calendar = ical({
      name: feed.name,
      prodId: '//Corridor Watch//Windows feed//EN',
      ttl: REFRESH_SECONDS,
    });
    // ical-generator writes a whole calendar; the feed is written an event at a time between its first and
    // last lines, each event folded as the library folds a calendar.
    const empty = calendar.toString();
    yield `${empty.slice(0, empty.lastIndexOf('END:VCALENDAR'))}`;
    for await (const batch of this.exports.windowBatches(filter, now, BATCH_WINDOWS)) {
      const contents = await this.contentsOf(batch, now);
      const states = await this.sequenced(contents, now);
      const events = contents.map(({ windowId, content }) => {
        const state = states.get(windowId);
        return calendar.createEvent({
          id: content.uid,
          start: content.start,
          end: content.end,
          stamp: state?.changedAt ?? now,
          sequence: state?.sequence ?? 0,
          summary: content.summary,
          description: content.description,
          location: content.location,
          url: content.url,
          status: STATUS[content.status],
        });
      });
      yield foldLines(events.map((event) => event.toString()).join(''));
      calendar.clear();
    }
    yield 'END:VCALENDAR\r\n';
  }

  private async contentsOf(
    batch: ExportWindowRow[],
    now: Date,
  ): Promise<{ windowId: string; content: WindowEventContent }[]> {
    const confirmations = await windowConfirmations(
      this.exports,
      batch,
      this.config.CONFIRMATION_LEAD_MINUTES,
      now,
    );
    return batch.map((window) => ({
      windowId: window.id,
      content: windowEventContent(
        window,
        confirmations.of(window),
        confirmations.partyNames,
        this.config.PUBLIC_URL,
      ),
    }));
  }

  /**
   * Each window's SEQUENCE: kept with the hash of what its event last said, and raised when the content differs
   * (the window, its corridor's status, a party's stance). Two readers at once raise it once: the update is
   * conditional on the hash it read.
   */
  private async sequenced(
    contents: { windowId: string; content: WindowEventContent }[],
    now: Date,
  ): Promise<Map<string, CalendarEventEntity>> {
    const ids = contents.map((c) => c.windowId);
    const states = await this.feeds.eventStates(ids);
    let isChanged = false;
    for (const { windowId, content } of contents) {
      const hash = contentHash(content);
      const state = states.get(windowId);
      if (!state) {
        await this.feeds.insertEventState({ windowId, sequence: 0, contentHash: hash, changedAt: now });
        isChanged = true;
      } else if (state.contentHash !== hash) {
        await this.feeds.advanceEventState(state, hash, now);
        isChanged = true;
      }
    }
    return isChanged ? this.feeds.eventStates(ids) : states;
  }
}
