/**
 * The schema's enums carry the domain's values (enumResolvers.ts): an argument arrives in a
 * resolver as the domain's string, inline or as a variable, and the domain's string goes out
 * as the GraphQL name. Each case runs through the real SDL with an echo field per enum.
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import { graphql, isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/graphql/schema.js';
import { enumResolvers, shippedKind } from '../../src/graphql/resolvers/enumResolvers.js';

const CASES: [enumName: string, name: string, value: string][] = [
  ['BackendKind', 'PROMETHEUS', 'prometheus'],
  ['BackendKind', 'NATIVE', 'native'],
  ['CircuitState', 'CLOSED', 'closed'],
  ['CircuitState', 'OPEN', 'open'],
  ['CircuitState', 'HALF_OPEN', 'half_open'],
  ['CounterMode', 'RAW', 'raw'],
  ['CounterMode', 'INCREASE', 'increase'],
  ['CounterMode', 'RATE', 'rate'],
  ['GroupByFunction', 'SUM', 'sum'],
  ['GroupByFunction', 'MIN', 'min'],
  ['GroupByFunction', 'MAX', 'max'],
  ['GroupByFunction', 'MEAN', 'mean'],
  ['MetricType', 'GAUGE', 'gauge'],
  ['MetricType', 'COMPOSITE', 'composite'],
  ['MetricType', 'COUNTER', 'counter'],
  ['MetricType', 'HISTOGRAM', 'histogram'],
  ['MetricType', 'SUMMARY', 'summary'],
  ['MetricType', 'UNKNOWN', 'unknown'],
  ['Observed', 'SUMMED', 'summed'],
  ['Observed', 'AVERAGED', 'averaged'],
  ['Observed', 'HIGH', 'high'],
  ['Observed', 'LOW', 'low'],
  ['Observed', 'BEGINNING', 'beginning'],
  ['Observed', 'END', 'end'],
  ['Observed', 'COUNT', 'count'],
  ['PartialResults', 'ALLOW', 'allow'],
  ['PartialResults', 'REQUIRE_ALL', 'require_all'],
  ['PrincipalKind', 'OPERATOR', 'operator'],
  ['PrincipalKind', 'TOKEN', 'token'],
  ['PrincipalKind', 'JWT', 'jwt'],
  ['PrincipalKind', 'ANONYMOUS', 'anonymous'],
  ['PromResultType', 'VECTOR', 'vector'],
  ['PromResultType', 'MATRIX', 'matrix'],
  ['PromResultType', 'SCALAR', 'scalar'],
  ['PromResultType', 'STRING', 'string'],
  ['Role', 'VIEWER', 'viewer'],
  ['Role', 'RECORDER', 'recorder'],
  ['Role', 'ADMIN', 'admin'],
  ['SummarizeFunction', 'AVERAGE', 'average'],
  ['SummarizeFunction', 'SUM', 'sum'],
  ['SummarizeFunction', 'COUNT', 'count'],
  ['SummarizeFunction', 'MIN', 'min'],
  ['SummarizeFunction', 'MAX', 'max'],
  ['SummaryFunction', 'SUM', 'sum'],
  ['SummaryFunction', 'MIN', 'min'],
  ['SummaryFunction', 'MAX', 'max'],
  ['SummaryFunction', 'COUNT', 'count'],
  ['SummaryFunction', 'MEAN', 'mean'],
  ['SummaryFunction', 'DERIVATIVE', 'derivative'],
  ['SummaryFunction', 'STDDEV', 'stddev'],
  ['SummaryFunction', 'ALL', 'all'],
];

/** Enums whose names are their values: no domain string stands behind them. */
const NAMES_ONLY: Record<string, string[]> = {
  Access: ['PUBLIC', 'VIEWER', 'RECORDER', 'ADMIN'],
  MetricOrder: ['NAME_ASC', 'NAME_DESC'],
  NonFiniteValue: ['NAN', 'POSITIVE_INFINITY', 'NEGATIVE_INFINITY'],
};

const enumNames = [...new Set([...CASES.map(([enumName]) => enumName), ...Object.keys(NAMES_ONLY)])];
const received: unknown[] = [];
const schema = makeExecutableSchema({
  typeDefs: [
    ...loadTypeDefs(),
    `extend type Query { ${enumNames.map((name) => `echo${name}(value: ${name}!): ${name}!`).join(' ')} }`,
  ],
  resolvers: [
    enumResolvers,
    {
      Query: Object.fromEntries(
        enumNames.map((name) => [
          `echo${name}`,
          (_parent: unknown, { value }: { value: unknown }) => {
            received.push(value);
            return value;
          },
        ]),
      ),
    },
  ],
});

async function echo(enumName: string, name: string) {
  received.length = 0;
  const result = await graphql({
    schema,
    source: `query ($value: ${enumName}!) { inline: echo${enumName}(value: ${name}) variable: echo${enumName}(value: $value) }`,
    variableValues: { value: name },
  });
  return { result, received: [...received] };
}

describe('enum internal values', () => {
  it.each(CASES)('%s.%s reaches resolvers as %s and goes out as its name', async (enumName, name, value) => {
    const { result, received: values } = await echo(enumName, name);
    expect(result.errors).toBeUndefined();
    expect(values).toEqual([value, value]);
    expect(result.data).toEqual({ inline: name, variable: name });
  });

  it.each(Object.entries(NAMES_ONLY).flatMap(([enumName, names]) => names.map((name) => [enumName, name])))(
    '%s.%s keeps its name as its value',
    async (enumName, name) => {
      const { result, received: values } = await echo(enumName, name);
      expect(values).toEqual([name, name]);
      expect(result.data).toEqual({ inline: name, variable: name });
    },
  );

  it('the tables above name every value of every enum in the schema', () => {
    const listed = [...CASES.map(([enumName, name]) => `${enumName}.${name}`)];
    for (const [enumName, names] of Object.entries(NAMES_ONLY))
      listed.push(...names.map((name) => `${enumName}.${name}`));
    const inSchema = Object.values(schema.getTypeMap())
      .filter((type) => isEnumType(type) && !type.name.startsWith('__'))
      .flatMap((type) => (isEnumType(type) ? type.getValues().map((value) => `${type.name}.${value.name}`) : []));
    expect(listed.sort()).toEqual(inSchema.sort());
  });

  it('a result outside an enum is an error on its field, not a guess', async () => {
    const wrong = makeExecutableSchema({
      typeDefs: [...loadTypeDefs(), 'extend type Query { role: Role }'],
      resolvers: [enumResolvers, { Query: { role: () => 'ADMIN' } }],
    });
    const refused = await graphql({ schema: wrong, source: '{ role }' });
    expect(refused.data).toEqual({ role: null });
    expect(refused.errors?.[0]?.message).toBe('Enum "Role" cannot represent value: "ADMIN"');
  });
});

describe('BackendKind of a backend', () => {
  it.each([
    ['prometheus', 'prometheus'],
    ['native', 'native'],
    ['memory', 'native'],
    ['victoriametrics', 'native'],
  ])('a backend of kind %s is shown as the schema value %s', (kind, value) => {
    expect(shippedKind(kind)).toBe(value);
  });
});
