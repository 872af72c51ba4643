import type { WindowConfirmationStatus } from '#cw/domain';
import type { ExportWindowRow } from '#cw/persistence';
import { instantCell } from '../csv/csv-cell.js';
import type { CsvColumn } from '../csv/csv-column.js';

/** A window as its CSV row reads it: with the state of its required confirmations at its deadline. */
export interface WindowCsvRow extends ExportWindowRow {
  confirmation: WindowConfirmationStatus;
}

/** windows.csv, and the window import. */
export const WINDOW_COLUMNS: readonly CsvColumn<WindowCsvRow>[] = [
  { header: 'id', hxl: '#meta+id', write: (w) => w.id },
  { header: 'corridor id', hxl: '#event+id', write: (w) => w.corridorId },
  {
    header: 'corridor',
    hxl: '#event+name',
    write: (w) => w.corridorName,
    read: {
      field: 'corridorId',
      required: true,
      refers: 'corridor',
      example: 'Azovstal: Russian ceasefire corridor 08:00-18:00 Moscow time, 5-7 May',
    },
  },
  {
    header: 'starts at',
    hxl: '#date+start',
    write: (w) => instantCell(w.startsAt),
    read: { field: 'startsAt', required: true, isInstant: true, example: '2022-05-08T08:00' },
  },
  {
    header: 'ends at',
    hxl: '#date+end',
    // Empty for an open-ended window ("from 14:00"): none was announced.
    write: (w) => (w.isOpenEnded ? null : instantCell(w.endsAt)),
    read: { field: 'endsAt', isInstant: true, emptyAs: null, example: '2022-05-08T18:00' },
  },
  {
    header: 'timezone',
    hxl: '#meta+timezone',
    write: (w) => w.timezone,
    read: { field: 'timezone', example: 'Europe/Moscow' },
  },
  { header: 'corridor status', hxl: '#status', write: (w) => w.corridorStatus },
  { header: 'corridor promise', hxl: '#status+promise', write: (w) => w.corridorPromise },
  { header: 'confirmation', hxl: '#status+confirmation', write: (w) => w.confirmation },
  { header: 'origin', hxl: '#loc+origin+name', write: (w) => w.originName },
  { header: 'destination', hxl: '#loc+dest+name', write: (w) => w.destinationName },
  { header: 'announced by', hxl: '#org+announcer+name', write: (w) => w.announcedByName },
  { header: 'organisation', hxl: '#org+reporting+name', write: (w) => w.organisationName },
];
