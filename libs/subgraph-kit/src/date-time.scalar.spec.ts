import { buildSchema, graphql, Kind } from 'graphql';
import { DateTimeISO, parseDateTime } from './date-time.scalar';

describe('DateTimeISO', () => {
  it.each([
    ['2026-03-01T12:00:00Z', '2026-03-01T12:00:00.000Z'],
    ['2026-03-01T12:00:00.123Z', '2026-03-01T12:00:00.123Z'],
    ['2026-03-01T12:00:00.123456Z', '2026-03-01T12:00:00.123Z'],
    ['2026-03-01t12:00:00z', '2026-03-01T12:00:00.000Z'],
    ['2026-03-01T13:30:00+01:30', '2026-03-01T12:00:00.000Z'],
    ['2026-03-01T07:00:00-05:00', '2026-03-01T12:00:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['1970-01-01T00:00:00Z', '1970-01-01T00:00:00.000Z'],
    ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
  ])('accepts %s', (value, iso) => {
    expect((DateTimeISO.parseValue(value) as Date).toISOString()).toBe(iso);
  });

  it.each([
    ['yesterday'],
    ['not-a-date'],
    [''],
    ['2026-02-30T00:00:00Z'],
    ['2025-02-29T00:00:00Z'],
    ['2026-04-31T00:00:00Z'],
    ['2026-13-01T00:00:00Z'],
    ['2026-00-10T00:00:00Z'],
    ['2026-03-01T24:00:00Z'],
    ['2026-03-01T12:60:00Z'],
    ['2016-12-31T23:59:60Z'],
    ['2026-03-01T12:00:00'],
    ['2026-03-01'],
    ['2026-03-01 12:00:00Z'],
    ['2026-03-01T12:00:00+24:00'],
    ['+275761-01-01T00:00:00Z'],
    ['+275760-01-01T00:00:00Z'],
    ['0001-01-01T00:00:00Z'],
    ['1969-12-31T23:59:59Z'],
    ['2026-03-01T12:00:00.1234567890Z'],
    ['2026-03-01T12:00:00Z\u0000'],
    [' 2026-03-01T12:00:00Z'],
    [12345],
    [null],
    [{}],
  ])('refuses %p', (value) => {
    expect(typeof parseDateTime(value)).toBe('string');
    expect(() => DateTimeISO.parseValue(value)).toThrow(TypeError);
  });

  it('refuses non-string literals', () => {
    expect(() => DateTimeISO.parseLiteral({ kind: Kind.INT, value: '12345' })).toThrow(TypeError);
    expect((DateTimeISO.parseLiteral({ kind: Kind.STRING, value: '2026-03-01T12:00:00Z' }) as Date).toISOString()).toBe('2026-03-01T12:00:00.000Z');
  });

  it('answers at UTC with milliseconds, and refuses to answer an invalid date', () => {
    expect(DateTimeISO.serialize(new Date('2026-03-01T12:00:00Z'))).toBe('2026-03-01T12:00:00.000Z');
    expect(() => DateTimeISO.serialize(new Date(Number.NaN))).toThrow();
  });

  it('is BAD_USER_INPUT-shaped at variable coercion: graphql-js names the variable and its path', async () => {
    const schema = buildSchema('scalar DateTimeISO input In { at: DateTimeISO! } type Query { f(input: In!): String }');
    Object.assign(schema.getType('DateTimeISO')!, { parseValue: DateTimeISO.parseValue, parseLiteral: DateTimeISO.parseLiteral });
    const result = await graphql({ schema, source: 'query($input: In!) { f(input: $input) }', variableValues: { input: { at: '2026-02-30T00:00:00Z' } } });
    expect(result.errors?.[0]?.message).toMatch(/^Variable "\$input" got invalid value "2026-02-30T00:00:00Z" at "input.at"; Expected type "DateTimeISO". DateTimeISO is not a calendar date$/);
  });
});
