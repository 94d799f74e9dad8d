import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { rootFieldCoordinates } from '../../src/server/plugins/rootFields.js';

const schema = buildSchema(`
  type Query { backends: [String] serverInfo: String }
  type Mutation { submitMeasurements: Int }
`);

function coordinates(source: string): string[] {
  const document = parse(source);
  const operation = document.definitions.find(
    (definition) => definition.kind === 'OperationDefinition',
  ) as OperationDefinitionNode;
  return rootFieldCoordinates(schema, document, operation);
}

describe('rootFieldCoordinates', () => {
  it.each([
    { name: 'a plain field', query: '{ backends }', expected: ['Query.backends'] },
    {
      name: 'aliases collapse to the field they alias',
      query: '{ a: backends b: backends c: serverInfo }',
      expected: ['Query.backends', 'Query.serverInfo'],
    },
    {
      name: 'fields inside a named fragment',
      query: '{ ...F } fragment F on Query { serverInfo }',
      expected: ['Query.serverInfo'],
    },
    { name: 'fields inside an inline fragment', query: '{ ... on Query { backends } }', expected: ['Query.backends'] },
    {
      name: 'mutations use the Mutation type',
      query: 'mutation { submitMeasurements }',
      expected: ['Mutation.submitMeasurements'],
    },
    {
      name: 'introspection fields are coordinates of the schema too',
      query: '{ __typename }',
      expected: ['Query.__typename'],
    },
    {
      name: 'a fragment spread twice is counted once',
      query: '{ ...F ...F } fragment F on Query { backends }',
      expected: ['Query.backends'],
    },
  ])('$name', ({ query, expected }) => expect(coordinates(query)).toEqual(expected));
});
