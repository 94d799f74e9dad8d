import { fc, test } from '@fast-check/vitest';
import { parseValue, type GraphQLScalarType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { scalarResolvers } from '../../src/graphql/resolvers/scalarResolvers.js';

const FloatColumn = scalarResolvers.FloatColumn as GraphQLScalarType;
const NullableFloatColumn = scalarResolvers.NullableFloatColumn as GraphQLScalarType;

describe('FloatColumn and NullableFloatColumn', () => {
  it.each([
    { scalar: FloatColumn, value: [1, 2.5, -3e-7], ok: true },
    { scalar: FloatColumn, value: [], ok: true },
    { scalar: FloatColumn, value: [1, null], ok: false, error: 'element 1 is null' },
    { scalar: FloatColumn, value: [0, Number.NaN], ok: false, error: 'element 1 is NaN' },
    { scalar: FloatColumn, value: [Number.POSITIVE_INFINITY], ok: false, error: 'element 0 is Infinity' },
    { scalar: FloatColumn, value: ['1'], ok: false, error: 'element 0 is 1' },
    { scalar: FloatColumn, value: 5, ok: false, error: 'must be a list of finite numbers, got number' },
    { scalar: NullableFloatColumn, value: [1, null, 3], ok: true },
    {
      scalar: NullableFloatColumn,
      value: [null, Number.NEGATIVE_INFINITY],
      ok: false,
      error: 'element 1 is -Infinity',
    },
    { scalar: NullableFloatColumn, value: [undefined], ok: false, error: 'element 0 is undefined' },
  ])('$scalar.name serializes $value: ok=$ok', ({ scalar, value, ok, error }) => {
    // NaN and Infinity must never reach JSON.stringify, which would write them as null.
    if (ok) expect(scalar.serialize(value)).toBe(value);
    else expect(() => scalar.serialize(value)).toThrow(error);
  });

  it.each([
    { scalar: FloatColumn, literal: '[1, 2.5, -3]', value: [1, 2.5, -3] },
    { scalar: NullableFloatColumn, literal: '[1, null]', value: [1, null] },
  ])('$scalar.name reads the literal $literal', ({ scalar, literal, value }) => {
    expect(scalar.parseLiteral(parseValue(literal))).toEqual(value);
  });

  it.each([
    { scalar: FloatColumn, literal: '[1, null]', error: 'element 1 is null' },
    { scalar: FloatColumn, literal: '["1"]', error: 'got StringValue' },
    { scalar: FloatColumn, literal: '3', error: 'got number' },
  ])('$scalar.name refuses the literal $literal', ({ scalar, literal, error }) => {
    expect(() => scalar.parseLiteral(parseValue(literal))).toThrow(error);
  });

  test.prop([fc.array(fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }))])(
    'a column of finite numbers and nulls goes out as exactly its JSON',
    (column) => {
      const nullable = NullableFloatColumn.serialize(column) as unknown[];
      expect(JSON.parse(JSON.stringify(nullable))).toEqual(JSON.parse(JSON.stringify(column)));
      if (column.includes(null)) expect(() => FloatColumn.serialize(column)).toThrow(/element \d+ is null/);
      else expect(FloatColumn.serialize(column)).toBe(column);
    },
  );

  test.prop([
    fc.array(fc.double({ noNaN: true, noDefaultInfinity: true })),
    fc.nat(),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  ])('a non-finite number anywhere is refused, naming its index', (column, at, bad) => {
    const index = at % (column.length + 1);
    const spoiled = [...column.slice(0, index), bad, ...column.slice(index)];
    expect(() => NullableFloatColumn.serialize(spoiled)).toThrow(`element ${index} is ${String(bad)}`);
  });
});
