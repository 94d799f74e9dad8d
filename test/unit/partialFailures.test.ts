/**
 * withPartialFailures: a field's result goes out as it is, and each backend failure it carries
 * is kept for the response on that field's own path (aliases and list indexes included).
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import { graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { GraphQLContext, PartialError } from '../../src/graphql/context.js';
import { withPartialFailures } from '../../src/graphql/partialFailures.js';
import { BackendUnavailableError } from '../../src/errors.js';

const down = new BackendUnavailableError('prometheus', 'connection refused');
const schema = makeExecutableSchema({
  typeDefs: `
    type Query { panels: [Panel!]! }
    type Panel { series: Result! }
    type Result { names: [String!]! }
  `,
  resolvers: {
    Query: { panels: () => [{}, {}] },
    Panel: {
      series: (_panel: unknown, _args: unknown, context: GraphQLContext, info) =>
        withPartialFailures(context, info, { names: ['cpu'], failures: [down] }),
    },
  },
});

describe('withPartialFailures', () => {
  it('returns the data and reports each failure on the path of the field it belongs to', async () => {
    const partialErrors: PartialError[] = [];
    const result = await graphql({
      schema,
      source: '{ panels { data: series { names } } }',
      contextValue: { partialErrors },
    });
    expect(result).toEqual({ data: { panels: [{ data: { names: ['cpu'] } }, { data: { names: ['cpu'] } }] } });
    expect(partialErrors).toEqual([
      { error: down, path: ['panels', 0, 'data'] },
      { error: down, path: ['panels', 1, 'data'] },
    ]);
  });
});
