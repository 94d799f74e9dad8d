/**
 * The query limit rules (src/server/limits/): how depth, aliases and directives are measured
 * (tables, one rule per case), properties over generated queries, and the coded errors the
 * rules report through graphql-js's `validate`.
 */
import { fc, test } from '@fast-check/vitest';
import { buildSchema, parse, specifiedRules, validate, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { documentFragments } from '../../src/server/limits/fragmentMemo.js';
import { operationAliases } from '../../src/server/limits/maxAliasesRule.js';
import { operationDepth } from '../../src/server/limits/maxDepthRule.js';
import { operationDirectives } from '../../src/server/limits/maxDirectivesRule.js';
import { queryLimitRules } from '../../src/server/limits/queryLimits.js';

const schema = buildSchema(`
  type Query { node: Node nodes: [Node!]! }
  type Node { id: ID! name: String child: Node }
`);

function measure(measureOf: typeof operationDepth, source: string): number {
  const document = parse(source);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition',
  );
  if (!operation) throw new Error('no operation');
  return measureOf(operation, documentFragments(document.definitions));
}

/** `{ node { child { child ... { id } } } }` with `levels` fields from root to leaf. */
function nested(levels: number, leaf = 'id'): string {
  return `{ node ${'{ child '.repeat(Math.max(0, levels - 2))}{ ${leaf} }${' }'.repeat(Math.max(0, levels - 2))} }`;
}

describe('operationDepth', () => {
  it.each([
    { rule: 'a root scalar is depth 1', query: '{ __typename }', expected: 1 },
    { rule: 'each nested selection adds 1', query: '{ node { child { id } } }', expected: 3 },
    { rule: 'the deepest branch counts', query: '{ node { id child { child { id } } } nodes { id } }', expected: 4 },
    { rule: 'an inline fragment adds no depth', query: '{ node { ... on Node { child { id } } } }', expected: 3 },
    {
      rule: 'a named fragment counts where it is spread',
      query: '{ node { child { ...F } } } fragment F on Node { child { id } }',
      expected: 4,
    },
    {
      rule: 'a fragment spreading itself terminates',
      query: '{ node { ...F } } fragment F on Node { child { ...F } }',
      expected: 2,
    },
    { rule: 'an unknown fragment counts 0', query: '{ node { ...Missing } }', expected: 1 },
  ])('$rule', ({ query, expected }) => {
    expect(measure(operationDepth, query)).toBe(expected);
  });

  test.prop([fc.integer({ min: 2, max: 300 })])(
    'the depth of a generated nested query equals its nesting',
    (levels) => {
      expect(measure(operationDepth, nested(levels))).toBe(levels);
    },
  );

  test.prop([fc.integer({ min: 2, max: 50 }), fc.integer({ min: 1, max: 50 })])(
    'moving the inner levels into a fragment does not change the depth',
    (outer, inner) => {
      const fragment = `fragment F on Node { ${'child { '.repeat(inner)}id${' }'.repeat(inner)} }`;
      const query = `{ node ${'{ child '.repeat(outer - 2)}{ ...F }${' }'.repeat(outer - 2)} } ${fragment}`;
      expect(measure(operationDepth, query)).toBe(measure(operationDepth, nested(outer + inner)));
    },
  );
});

describe('operationAliases', () => {
  it.each([
    { rule: 'fields without alias count 0', query: '{ node { id } }', expected: 0 },
    { rule: 'each aliased field counts', query: '{ a: node { b: id c: name } d: __typename }', expected: 4 },
    {
      rule: 'a fragment counts once per spread',
      query: '{ node { ...F ...F } } fragment F on Node { x: id }',
      expected: 2,
    },
    { rule: 'aliases in inline fragments count', query: '{ node { ... on Node { x: id } } }', expected: 1 },
  ])('$rule', ({ query, expected }) => {
    expect(measure(operationAliases, query)).toBe(expected);
  });

  test.prop([fc.nat({ max: 500 })])('a query with n aliased fields has n aliases', (n) => {
    const query = `{ __typename ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    expect(measure(operationAliases, query)).toBe(n);
  });
});

describe('operationDirectives', () => {
  it.each([
    { rule: 'no directives count 0', query: '{ node { id } }', expected: 0 },
    { rule: 'directives on fields count', query: '{ node @include(if: true) { id @skip(if: false) } }', expected: 2 },
    { rule: 'directives on the operation count', query: 'query Q @a @b { __typename }', expected: 2 },
    {
      rule: 'a fragment counts once per spread, with the directives on the spread',
      query: '{ node { ...F @include(if: true) ...F } } fragment F on Node { id @skip(if: false) }',
      expected: 3,
    },
  ])('$rule', ({ query, expected }) => {
    expect(measure(operationDirectives, query)).toBe(expected);
  });
});

describe('queryLimitRules', () => {
  const limits = configSchema.parse({}).limits;
  const errorsOf = (source: string, overrides: Partial<typeof limits> = {}) =>
    validate(schema, parse(source), [...specifiedRules, ...queryLimitRules({ ...limits, ...overrides })]);

  it('reports one coded error per broken limit, naming it with its value and the actual one', () => {
    const errors = errorsOf('{ a: node { b: id } c: node { d: id } }', { maxAliases: 3, maxDepth: 1 });
    expect(errors.map((error) => error.extensions)).toEqual([
      { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxDepth', max: 1, actual: 2 },
      { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxAliases', max: 3, actual: 4 },
    ]);
    expect(errors[0]?.message).toBe('Operation depth of 2 exceeds the limit of 1 (limits.maxDepth).');
  });

  it('measures each operation of a document on its own', () => {
    const errors = errorsOf('query A { node { id } } query B { node { child { id } } }', { maxDepth: 2 });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.extensions).toMatchObject({ actual: 3 });
  });

  it('accepts a query exactly at the depth limit, and one exactly at the cost limit', () => {
    expect(errorsOf(nested(20))).toEqual([]);
    expect(errorsOf('{ nodes { id } }', { maxCost: 20, defaultListSize: 10 })).toEqual([]);
  });

  it('refuses __schema and __type only while introspection is off', () => {
    expect(errorsOf('{ __schema { queryType { name } } }')).toEqual([]);
    const errors = errorsOf('{ __typename __type(name: "Node") { name } }', { introspection: false });
    expect(errors.map((error) => error.extensions)).toEqual([
      { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'introspection', max: false },
    ]);
  });
});
