/**
 * `limits.introspection: false`: refuses `__schema` and `__type` with a coded error naming the
 * setting. Almanac's own rule instead of Apollo's `introspection: false`, whose message tells
 * the client to change an ApolloServer constructor option. `__typename` stays allowed: clients
 * use it to tell union members apart.
 */
import { GraphQLError, type ValidationRule } from 'graphql';

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

export const noIntrospectionRule: ValidationRule = (context) => ({
  Field(field) {
    if (!INTROSPECTION_FIELDS.has(field.name.value)) return;
    context.reportError(
      new GraphQLError(`Introspection is disabled on this server (limits.introspection is false).`, {
        nodes: field,
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'introspection', max: false },
      }),
    );
  },
});
