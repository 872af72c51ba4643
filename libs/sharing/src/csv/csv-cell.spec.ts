import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { isFormula, neutralised, unneutralised } from './csv-cell.js';
import { csvHead, csvLines } from './csv-file.js';

describe('cells a spreadsheet would run as formulas', () => {
  it.each(['=HYPERLINK("http://evil.example")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])(
    'neutralises %j on export, refuses it on import, and gives it back once neutralised',
    (text) => {
      expect(neutralised(text)).toBe(`'${text}`);
      expect(isFormula(text)).toBe(true);
      expect(isFormula(neutralised(text))).toBe(false);
      expect(unneutralised(neutralised(text))).toBe(text);
    },
  );

  it('leaves plain text and numbers as they are, a negative longitude included', () => {
    for (const cell of ['Zaporizhzhia', '-37.61', '+380', '.5', "'quoted'", 'more than 300']) {
      expect(isFormula(cell)).toBe(false);
      expect(unneutralised(cell)).toBe(cell);
    }
    expect(neutralised("'quoted'")).toBe("'quoted'");
  });

  it('writes RFC 4180 with a byte-order mark and the hashtag row, quoting what needs it, as csv-parse reads back', () => {
    const columns = [
      { header: 'name', hxl: '#event+name', write: (r: { name: string; n: number | null }) => r.name },
      {
        header: 'count',
        hxl: '#affected+evacuated+min',
        write: (r: { name: string; n: number | null }) => r.n,
      },
    ];
    const rows = [
      { name: 'Azovstal, "the plant"\nline two', n: -3 },
      { name: '=1+1', n: null },
    ];
    const text = csvHead(columns) + csvLines(columns, rows);
    expect(text.startsWith('\ufeffname,count\r\n#event+name,#affected+evacuated+min\r\n')).toBe(true);
    expect(parse(text, { bom: true })).toEqual([
      ['name', 'count'],
      ['#event+name', '#affected+evacuated+min'],
      ['Azovstal, "the plant"\nline two', '-3'],
      ["'=1+1", ''],
    ]);
  });
});
