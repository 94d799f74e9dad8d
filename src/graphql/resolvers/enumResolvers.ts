/**
 * The schema's enums and the domain's values: each GraphQL name gets its internal value, so an
 * argument arrives as the domain's string (`GAUGE` → `'gauge'`) and a domain string goes out as
 * the name, and no resolver re-cases an enum by hand. codegen.yml's `enumValues` types resolvers
 * with the same domain types.
 *
 * The rule: each map names every value of its enum (the types make it so) and no domain value
 * twice, or that value could not be told apart on the way out. Enums with no domain counterpart
 * (Access, MetricOrder, NonFiniteValue) keep their names as values.
 */
import type { BackendKind, ShippedBackendKind } from '../../backends/backend.js';
import type {
  BackendKindResolvers,
  CircuitStateResolvers,
  CounterModeResolvers,
  GroupByFunctionResolvers,
  MetricTypeResolvers,
  ObservedResolvers,
  PartialResultsResolvers,
  PrincipalKindResolvers,
  PromResultTypeResolvers,
  Resolvers,
  RoleResolvers,
  SummarizeFunctionResolvers,
  SummaryFunctionResolvers,
} from '../generated/resolvers.js';

const backendKind: Required<BackendKindResolvers> = { PROMETHEUS: 'prometheus', NATIVE: 'native' };
const circuitState: Required<CircuitStateResolvers> = { CLOSED: 'closed', OPEN: 'open', HALF_OPEN: 'half_open' };
const counterMode: Required<CounterModeResolvers> = { RAW: 'raw', INCREASE: 'increase', RATE: 'rate' };
const groupByFunction: Required<GroupByFunctionResolvers> = { SUM: 'sum', MIN: 'min', MAX: 'max', MEAN: 'mean' };
const metricType: Required<MetricTypeResolvers> = {
  GAUGE: 'gauge',
  COMPOSITE: 'composite',
  COUNTER: 'counter',
  HISTOGRAM: 'histogram',
  SUMMARY: 'summary',
  UNKNOWN: 'unknown',
};
const observed: Required<ObservedResolvers> = {
  SUMMED: 'summed',
  AVERAGED: 'averaged',
  HIGH: 'high',
  LOW: 'low',
  BEGINNING: 'beginning',
  END: 'end',
  COUNT: 'count',
};
const partialResults: Required<PartialResultsResolvers> = { ALLOW: 'allow', REQUIRE_ALL: 'require_all' };
const principalKind: Required<PrincipalKindResolvers> = {
  OPERATOR: 'operator',
  TOKEN: 'token',
  JWT: 'jwt',
  ANONYMOUS: 'anonymous',
};
const promResultType: Required<PromResultTypeResolvers> = {
  VECTOR: 'vector',
  MATRIX: 'matrix',
  SCALAR: 'scalar',
  STRING: 'string',
};
const role: Required<RoleResolvers> = { VIEWER: 'viewer', RECORDER: 'recorder', ADMIN: 'admin' };
const summarizeFunction: Required<SummarizeFunctionResolvers> = {
  AVERAGE: 'average',
  SUM: 'sum',
  COUNT: 'count',
  MIN: 'min',
  MAX: 'max',
};
const summaryFunction: Required<SummaryFunctionResolvers> = {
  SUM: 'sum',
  MIN: 'min',
  MAX: 'max',
  COUNT: 'count',
  MEAN: 'mean',
  DERIVATIVE: 'derivative',
  STDDEV: 'stddev',
  ALL: 'all',
};

export const enumResolvers: Resolvers = {
  BackendKind: backendKind,
  CircuitState: circuitState,
  CounterMode: counterMode,
  GroupByFunction: groupByFunction,
  MetricType: metricType,
  Observed: observed,
  PartialResults: partialResults,
  PrincipalKind: principalKind,
  PromResultType: promResultType,
  Role: role,
  SummarizeFunction: summarizeFunction,
  SummaryFunction: summaryFunction,
};

/**
 * The schema knows the kinds Almanac ships; a backend kind written elsewhere (one passed to
 * `startAlmanac({ backends })`) is shown as NATIVE, a backend that is not a Prometheus server.
 */
export function shippedKind(kind: BackendKind): ShippedBackendKind {
  return kind === 'prometheus' ? 'prometheus' : 'native';
}
