import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { viewerOf, type Principal } from '#cw/accounts';
import { AuditService } from '#cw/audit';
import { Clock } from '#cw/clock';
import { newId } from '#cw/common';
import { AppConfig } from '#cw/config';
import { corridorFilterOf } from '#cw/corridors';
import {
  Database,
  ExportRepository,
  REPORT_KINDS,
  type CorridorFilter,
  type ExportCorridorRow,
  type ReportKind,
} from '#cw/persistence';
import type { CorridorFilterDto } from '../corridor-filter.dto.js';
import { csvHead, csvLines, CSV_CONTENT_TYPE } from '../csv/csv-file.js';
import { groupBy, withoutEmpty } from '../collections.js';
import { CLAIM_COLUMNS } from '../grains/claim-columns.js';
import { CORRIDOR_COLUMNS, type CorridorCsvRow } from '../grains/corridor-columns.js';
import { FLAG_COLUMNS } from '../grains/flag-columns.js';
import { WINDOW_COLUMNS, type WindowCsvRow } from '../grains/window-columns.js';
import { windowConfirmations } from '../window-confirmations.js';
import { corridorFeature, GEOJSON_CONTENT_TYPE, placeFeature } from './geojson-features.js';

export const CSV_GRAINS = ['corridors', 'windows', 'claims', 'flags'] as const;
export type CsvGrain = (typeof CSV_GRAINS)[number];

/** A file streamed to the client as it is read from the database. */
export interface SharedFile {
  filename: string;
  contentType: string;
  body: Readable;
}

// Rows read per query: memory holds one batch, whatever the export's size (batches of 1,000 left ~70 MB more behind).
const BATCH_ROWS = 250;

/** Exports of what `GET /corridors` selects: CSV with HXL hashtags, one file per grain, and GeoJSON. */
@Injectable()
export class ExportService {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly db: Database,
    private readonly exports: ExportRepository,
    private readonly audit: AuditService,
  ) {}

  async csv(
    principal: Principal,
    grain: CsvGrain,
    query: CorridorFilterDto & { kind?: ReportKind },
  ): Promise<SharedFile> {
    const filter = corridorFilterOf(query, viewerOf(principal));
    const now = this.clock.now();
    await this.record(principal, `${grain}.csv`, query);
    return {
      filename: fileName(grain, 'csv', now),
      contentType: CSV_CONTENT_TYPE,
      body: Readable.from(this.csvChunks(grain, filter, now, query.kind)),
    };
  }

  async geojson(principal: Principal, query: CorridorFilterDto): Promise<SharedFile> {
    const filter = corridorFilterOf(query, viewerOf(principal));
    const now = this.clock.now();
    await this.record(principal, 'corridors.geojson', query);
    return {
      filename: fileName('corridors', 'geojson', now),
      contentType: GEOJSON_CONTENT_TYPE,
      body: Readable.from(this.geojsonChunks(filter, now)),
    };
  }

  /** Who exported what, with which filter: written before the first row leaves. */
  private async record(principal: Principal, file: string, query: object): Promise<void> {
    await this.db.transaction((tx) =>
      this.audit.record(tx, {
        actor: principal,
        action: 'export.download',
        entity: 'export',
        entityId: newId(),
        after: { file, filter: withoutEmpty(query) },
      }),
    );
  }

  private async *csvChunks(
    grain: CsvGrain,
    filter: CorridorFilter,
    now: Date,
    kind?: ReportKind,
  ): AsyncGenerator<string> {
    switch (grain) {
      case 'corridors':
        yield csvHead(CORRIDOR_COLUMNS);
        for await (const batch of this.corridorBatches(filter, now)) yield csvLines(CORRIDOR_COLUMNS, batch);
        return;
      case 'windows':
        yield csvHead(WINDOW_COLUMNS);
        for await (const batch of this.windowBatches(filter, now)) yield csvLines(WINDOW_COLUMNS, batch);
        return;
      case 'claims':
        yield csvHead(CLAIM_COLUMNS);
        for (const each of kind ? [kind] : REPORT_KINDS) {
          for await (const batch of this.exports.claimBatches(each, filter, now, BATCH_ROWS))
            yield csvLines(CLAIM_COLUMNS, batch);
        }
        return;
      case 'flags':
        yield csvHead(FLAG_COLUMNS);
        for await (const batch of this.exports.flagBatches(filter, now, BATCH_ROWS))
          yield csvLines(FLAG_COLUMNS, batch);
        return;
    }
  }

  /** A FeatureCollection written feature by feature: corridors, then the places they start or end at. */
  private async *geojsonChunks(filter: CorridorFilter, now: Date): AsyncGenerator<string> {
    yield '{"type":"FeatureCollection","features":[';
    let count = 0;
    const features = (batch: object[]) =>
      batch.map((feature) => `${count++ === 0 ? '' : ','}\n${JSON.stringify(feature)}`).join('');
    for await (const batch of this.corridorBatches(filter, now)) yield features(batch.map(corridorFeature));
    for await (const batch of this.exports.placeBatches(filter, now, BATCH_ROWS))
      yield features(batch.map(placeFeature));
    yield '\n]}\n';
  }

  private async *corridorBatches(filter: CorridorFilter, now: Date): AsyncGenerator<CorridorCsvRow[]> {
    for await (const batch of this.exports.corridorBatches(filter, now, BATCH_ROWS)) {
      const ids = batch.map((c) => c.id);
      const required = groupBy(await this.exports.requiredParties(ids), (r) => r.corridorId);
      const stops = groupBy(await this.exports.stops(ids), (s) => s.corridorId);
      yield batch.map((corridor: ExportCorridorRow) => ({
        ...corridor,
        requiredPartyNames: (required.get(corridor.id) ?? []).map((r) => r.partyName),
        stops: stops.get(corridor.id) ?? [],
      }));
    }
  }

  /** Windows with the state of their confirmations, by the rule the corridor page uses. */
  private async *windowBatches(filter: CorridorFilter, now: Date): AsyncGenerator<WindowCsvRow[]> {
    for await (const batch of this.exports.windowBatches(filter, now, BATCH_ROWS)) {
      const confirmations = await windowConfirmations(
        this.exports,
        batch,
        this.config.CONFIRMATION_LEAD_MINUTES,
        now,
      );
      yield batch.map((window) => ({ ...window, confirmation: confirmations.of(window).status }));
    }
  }
}

/** `corridor-watch-claims-2022-05-10.csv`: what and when, for a folder of downloads. */
function fileName(grain: string, extension: string, now: Date): string {
  return `corridor-watch-${grain}-${now.toISOString().slice(0, 10)}.${extension}`;
}
