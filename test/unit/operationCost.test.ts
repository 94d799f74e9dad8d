/**
 * The cost model of `limits.maxCost` (src/server/limits/operationCost.ts): one table of small
 * cases, each named for the rule it shows, and property tests for how list sizes multiply.
 */
import { fc, test } from '@fast-check/vitest';
import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { documentFragments } from '../../src/server/limits/fragmentMemo.js';
import { operationCost } from '../../src/server/limits/operationCost.js';

const schema = buildSchema(`
  type Query {
    item: Item
    items: [Item!]!
    page(first: Int, last: Int): [Item!]!
    search(limit: Int): ItemPage
    tags: [String!]!
    node: Node
  }
  interface Node { id: ID! }
  type Item implements Node { id: ID! name: String children(first: Int): [Item!]! tags: [String!]! }
  type ItemPage { total: Int items: [Item!]! }
`);

function cost(source: string, variables?: Record<string, unknown>, defaultListSize = 10): number {
  const document = parse(source);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition',
  );
  if (!operation) throw new Error('no operation');
  return operationCost(schema, operation, documentFragments(document.definitions), { defaultListSize, variables });
}

describe('operationCost', () => {
  it.each([
    { rule: 'a scalar field costs 1', query: '{ __typename }', expected: 1 },
    { rule: 'an object field costs 1 plus its selection', query: '{ item { id name } }', expected: 3 },
    { rule: 'a list without a size counts defaultListSize items', query: '{ items { id } }', expected: 10 * 2 },
    { rule: 'a list of scalars counts each item', query: '{ tags }', expected: 10 },
    { rule: 'first sets the list size', query: '{ page(first: 3) { id name } }', expected: 3 * 3 },
    { rule: 'the largest of first and last wins', query: '{ page(first: 3, last: 5) { id } }', expected: 5 * 2 },
    { rule: 'first: 0 costs nothing', query: '{ page(first: 0) { id } }', expected: 0 },
    { rule: 'a negative size counts as 0', query: '{ page(first: -4) { id } }', expected: 0 },
    {
      rule: 'nested lists multiply',
      query: '{ page(first: 2) { children(first: 3) { id } } }',
      expected: 2 * (1 + 3 * 2),
    },
    {
      rule: 'nested lists without sizes multiply by defaultListSize at each level',
      query: '{ items { children { tags } } }',
      expected: 10 * (1 + 10 * (1 + 10)),
    },
    {
      rule: 'limit on a field that is not a list multiplies it: a page the client sized',
      query: '{ search(limit: 4) { total items { id } } }',
      expected: 4 * (1 + 1 + 10 * 2),
    },
    {
      rule: 'a named fragment counts once per spread',
      query: '{ ...F ...F } fragment F on Query { item { id } }',
      expected: 2 * 2,
    },
    {
      rule: 'an inline fragment on an interface resolves fields on its type condition',
      query: '{ node { ... on Item { tags } } }',
      expected: 1 + 10,
    },
    {
      rule: 'introspection fields cost 1 each, lists not multiplied',
      query: '{ __schema { types { name fields { name } } } }',
      expected: 1 + (1 + 1 + (1 + 1)),
    },
    { rule: 'an unknown field still counts (other rules report it)', query: '{ nope { id } }', expected: 2 },
    {
      rule: 'fragments that spread each other terminate (NoFragmentCycles reports them)',
      query: '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A item { id } }',
      expected: 2,
    },
  ])('$rule', ({ query, expected }) => {
    expect(cost(query)).toBe(expected);
  });

  it.each([
    { rule: 'a size variable is read from the variables', variables: { n: 7 }, expected: 7 * 2 },
    {
      rule: 'without variables, a size variable without default counts as defaultListSize',
      variables: undefined,
      expected: 10 * 2,
    },
    { rule: 'an explicit null size means no size: defaultListSize', variables: { n: null }, expected: 10 * 2 },
  ])('$rule', ({ variables, expected }) => {
    expect(cost('query ($n: Int) { page(first: $n) { id } }', variables)).toBe(expected);
  });

  it.each([
    { rule: 'a size variable that is not given takes its default value', variables: {}, expected: 4 * 2 },
    {
      rule: 'without variables (validation), a size variable takes its default value',
      variables: undefined,
      expected: 4 * 2,
    },
    { rule: 'a given size variable overrides its default', variables: { n: 100 }, expected: 100 * 2 },
  ])('$rule', ({ variables, expected }) => {
    expect(cost('query ($n: Int = 4) { page(first: $n) { id } }', variables)).toBe(expected);
  });

  it('uses the configured defaultListSize', () => {
    expect(cost('{ items { id } }', undefined, 25)).toBe(25 * 2);
  });

  test.prop([fc.nat({ max: 100_000 }), fc.integer({ min: 1, max: 5 })])(
    'a page of first: n costs n times one item, whatever the item selects',
    (n, fields) => {
      const selection = ['id', 'name', '__typename', 'tags', 'children { id }'].slice(0, fields).join(' ');
      expect(cost(`{ page(first: ${n}) { ${selection} } }`)).toBe(n * cost(`{ page(first: 1) { ${selection} } }`));
    },
  );

  test.prop([fc.array(fc.nat({ max: 20 }), { minLength: 1, maxLength: 6 })])(
    'lists nested k deep cost the product of their sizes, level by level',
    (sizes) => {
      const [outer, ...inner] = sizes;
      const query = `{ page(first: ${outer}) { ${inner.map((size) => `children(first: ${size}) { `).join('')}id${' }'.repeat(inner.length)} } }`;
      const expected = sizes.reduceRight((below, size) => size * (1 + below), 1);
      expect(cost(query)).toBe(expected);
    },
  );
});
