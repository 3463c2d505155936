import { pgArray } from './sql-params';

describe('pgArray', () => {
  it('builds a quoted Postgres array literal', () => {
    const id = '0195f3a2-7c1e-7a00-8000-00000000000a';
    expect(pgArray([])).toBe('{}');
    expect(pgArray([id, '-infinity'])).toBe(`{"${id}","-infinity"}`);
    expect(pgArray(['a"b\\c'])).toBe('{"a\\"b\\\\c"}');
  });
});
