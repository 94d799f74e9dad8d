import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import type { Resolvers } from '../generated/resolvers.js';

/**
 * An RFC 3339 date-time kept exactly as written, offset included. graphql-scalars' DateTime
 * validates it, but serializes a Date, which would turn `-05:00` into `Z` and lose the local
 * clock reading that calendar buckets exist to show.
 */
const ZonedDateTimeResolver = new GraphQLScalarType({
  name: 'ZonedDateTime',
  description: 'An RFC 3339 date-time with the offset in force in the query time zone.',
  serialize: (value) => zoned(value),
  parseValue: (value) => zoned(value),
  parseLiteral: (ast) => zoned(ast.kind === Kind.STRING ? ast.value : undefined),
});

function zoned(value: unknown): string {
  if (typeof value !== 'string') throw new TypeError(`ZonedDateTime must be a string, got ${typeof value}`);
  DateTimeResolver.parseValue(value); // throws on an invalid date-time
  return value;
}

/**
 * Columns of numbers as one scalar each (schema/common.graphql says why): one loop checks every
 * element, where a GraphQL list would complete each element as a value of its own. The rule:
 * what goes out is exactly a JSON array of finite numbers (and nulls, where allowed) — never
 * NaN or Infinity, which JSON.stringify would silently turn into null.
 */
function columnScalar(name: string, nullable: boolean): GraphQLScalarType {
  const what = nullable ? 'finite numbers or nulls' : 'finite numbers';
  const check = (value: unknown): readonly (number | null)[] => {
    if (!Array.isArray(value)) throw new GraphQLError(`${name} must be a list of ${what}, got ${typeof value}`);
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index];
      if (typeof item === 'number' ? Number.isFinite(item) : nullable && item === null) continue;
      throw new GraphQLError(`${name} must be a list of ${what}: element ${index} is ${String(item)}`);
    }
    return value as (number | null)[];
  };
  const literal = (ast: ValueNode): number | null => {
    if (ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return Number(ast.value);
    if (ast.kind === Kind.NULL) return null;
    throw new GraphQLError(`${name} must be a list of ${what}, got ${ast.kind}`, { nodes: ast });
  };
  return new GraphQLScalarType({
    name,
    serialize: check,
    parseValue: check,
    parseLiteral: (ast) => check(ast.kind === Kind.LIST ? ast.values.map(literal) : literal(ast)),
  });
}

export const scalarResolvers: Resolvers = {
  DateTime: DateTimeResolver,
  JSON: JSONResolver,
  ZonedDateTime: ZonedDateTimeResolver,
  FloatColumn: columnScalar('FloatColumn', false),
  NullableFloatColumn: columnScalar('NullableFloatColumn', true),
};
