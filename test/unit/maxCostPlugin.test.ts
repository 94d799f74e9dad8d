/**
 * The second cost check (src/server/limits/maxCostRule.ts, `maxCostPlugin`): list sizes given
 * as variables, unknown while the document is validated, are checked once the request's
 * variables are known. Runs an in-process Apollo Server with the limit rules, the plugin and
 * Almanac's error formatter.
 */
import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { maxCostPlugin } from '../../src/server/limits/maxCostRule.js';
import { queryLimitRules } from '../../src/server/limits/queryLimits.js';
import { formatError } from '../../src/server/plugins/errorPlugin.js';

const limits = { ...configSchema.parse({}).limits, maxCost: 100, defaultListSize: 10 };
const server = new ApolloServer({
  typeDefs: 'type Query { page(first: Int): [Item!]! } type Item { id: ID! }',
  resolvers: {
    Query: {
      page: (_: unknown, { first }: { first?: number }) => Array.from({ length: first ?? 10 }, (_, id) => ({ id })),
    },
  },
  validationRules: queryLimitRules(limits),
  plugins: [maxCostPlugin(limits)],
  formatError,
});
beforeAll(() => server.start());
afterAll(() => server.stop());

const QUERY = 'query Page($n: Int) { page(first: $n) { id } }';

async function run(query: string, variables?: Record<string, unknown>) {
  const response = await server.executeOperation({ query, variables });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { status: response.http.status, ...response.body.singleResult };
}

describe('maxCostPlugin', () => {
  it('refuses a page size given as a variable that takes the cost past maxCost, with the coded error', async () => {
    const result = await run(QUERY, { n: 51 });
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.extensions).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'maxCost',
      max: 100,
      actual: 102,
    });
  });

  it('answers the same document when the variable keeps the cost at maxCost', async () => {
    const result = await run(QUERY, { n: 50 });
    expect(result.errors).toBeUndefined();
    expect(result.data?.page).toHaveLength(50);
  });

  it('checks the default value of a size variable that is not given', async () => {
    const result = await run('query ($n: Int = 60) { page(first: $n) { id } }');
    expect(result.errors?.[0]?.extensions).toMatchObject({ limit: 'maxCost', actual: 120 });
  });
});
