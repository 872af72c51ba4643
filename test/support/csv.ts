import { parse } from 'csv-parse/sync';
import type { Response } from 'supertest';

/** A CSV file as an independent reader (csv-parse) sees it. */
export interface ReadCsv {
  hasBom: boolean;
  headers: string[];
  hashtags: string[];
  /** Each data row by header. */
  rows: Record<string, string>[];
}

export function readCsv(text: string): ReadCsv {
  const records = parse(text, { bom: true }) as string[][];
  const [headers, hashtags, ...data] = records;
  return {
    hasBom: text.startsWith('\ufeff'),
    headers,
    hashtags,
    rows: data.map((cells) => Object.fromEntries(headers.map((h, i) => [h, cells[i]]))),
  };
}

/** supertest: keep a file's body as text whatever its media type (text/csv, text/calendar, geo+json). */
export function asText(response: Response, callback: (error: Error | null, body: string) => void): void {
  let text = '';
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => (text += chunk));
  response.on('end', () => callback(null, text));
}
