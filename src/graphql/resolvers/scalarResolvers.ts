import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { GraphQLScalarType, Kind } from 'graphql';
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

export const scalarResolvers: Resolvers = {
  DateTime: DateTimeResolver,
  JSON: JSONResolver,
  ZonedDateTime: ZonedDateTimeResolver,
};
