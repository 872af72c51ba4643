import { bindNamed, POSTGRES_PLACEHOLDER, SQLITE_PLACEHOLDER } from './named-parameters.js';

describe('bindNamed', () => {
  const sql = 'SELECT a::text FROM t WHERE id = :id AND at > :at AND id <> :id';

  it('binds every value in order, in each dialect, and reuses the parsed text with new values', () => {
    const at = new Date('2022-05-06T00:00:00Z');
    expect(bindNamed(sql, { id: 'x', at }, SQLITE_PLACEHOLDER)).toEqual({
      text: 'SELECT a::text FROM t WHERE id = ? AND at > ? AND id <> ?',
      values: ['x', at.getTime(), 'x'],
    });
    expect(bindNamed(sql, { id: 'y', at: null }, POSTGRES_PLACEHOLDER)).toEqual({
      text: 'SELECT a::text FROM t WHERE id = $1 AND at > $2 AND id <> $3',
      values: ['y', null, 'y'],
    });
    expect(bindNamed(sql, { id: 'z', at: true }, SQLITE_PLACEHOLDER).values).toEqual(['z', 1, 'z']);
  });

  it('spreads lists of any length into placeholders', () => {
    const list = 'DELETE FROM t WHERE seq IN (:...seqs) AND at < :at';
    expect(bindNamed(list, { seqs: [1, 2], at: 5 }, POSTGRES_PLACEHOLDER)).toEqual({
      text: 'DELETE FROM t WHERE seq IN ($1, $2) AND at < $3',
      values: [1, 2, 5],
    });
    expect(bindNamed(list, { seqs: [7], at: 5 }, SQLITE_PLACEHOLDER)).toEqual({
      text: 'DELETE FROM t WHERE seq IN (?) AND at < ?',
      values: [7, 5],
    });
    expect(() => bindNamed(list, { seqs: [], at: 5 }, SQLITE_PLACEHOLDER)).toThrow(/non-empty array/);
  });

  it('refuses a missing parameter, however often the statement ran before', () => {
    expect(() => bindNamed(sql, { id: 'x' }, SQLITE_PLACEHOLDER)).toThrow('SQL parameter :at is missing');
  });
});
