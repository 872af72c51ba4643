import { describe, expect, it } from '@jest/globals';
import { readUpload } from './csv-upload.js';

const read = (text: string | Buffer, maxRows = 10) =>
  readUpload(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, maxRows);

describe('reading an uploaded CSV file', () => {
  it('skips a byte-order mark and an HXL hashtag row, and numbers rows as a spreadsheet does', () => {
    expect(
      read('\ufeffcorridor,source\r\n#event+name,#meta +source\r\n"Azovstal, plant",ICRC\r\n\r\nB,UN\r\n'),
    ).toEqual({
      table: {
        headers: ['corridor', 'source'],
        rows: [
          { row: 3, cells: ['Azovstal, plant', 'ICRC'] },
          { row: 4, cells: ['B', 'UN'] },
        ],
      },
    });
    expect(read('corridor\r\nAzovstal\r\n')).toEqual({
      table: { headers: ['corridor'], rows: [{ row: 2, cells: ['Azovstal'] }] },
    });
  });

  it('names the problems of a file that cannot be read as a table', () => {
    const problem = (text: string | Buffer, maxRows?: number) => {
      const reading = read(text, maxRows);
      return 'problems' in reading ? reading.problems[0].message : 'read';
    };
    expect(problem(Buffer.concat([Buffer.from('a\r\nb\r\n'), Buffer.from([0xe9, 0x0d, 0x0a])]))).toMatch(
      /not UTF-8 .*line 3/,
    );
    expect(problem('')).toMatch(/empty/);
    expect(problem('a,b\r\n')).toMatch(/no rows/);
    expect(problem('a\r\n"never closed\r\n')).toMatch(/not CSV that can be read/);
    expect(problem('a\r\n1\r\n2\r\n3\r\n', 2)).toBe(
      'The file has 3 rows; an import takes at most 2: split it into several files.',
    );
  });
});
