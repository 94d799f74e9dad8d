import { fc, test as propertyTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  buildOperationalMetrics,
  OPERATIONAL_COUNTERS,
  RAW_FIELDS,
  rawIncrements,
  shownValues,
  subserviceKey,
  toReferenceJson,
  type CounterEntry,
  type OperationalMetrics,
  type RawTotals,
} from '../../src/domain/operationalMetricsTree.js';

const entry = (service: string, subservice: string, field: CounterEntry['field'], value: number): CounterEntry => ({
  service,
  subservice,
  field,
  value,
});

describe('toReferenceJson(buildOperationalMetrics(entries))', () => {
  it.each([
    { rule: 'nothing recorded is an empty tree with an empty sum', entries: [], expected: { services: {}, sum: {} } },
    {
      rule: 'one counter shows at its subservice, its service sum and the root sum',
      entries: [entry('acme', '/gardens', 'incomingTransactions', 3)],
      expected: {
        services: { acme: { subservs: { gardens: { incomingTransactions: 3 } }, sum: { incomingTransactions: 3 } } },
        sum: { incomingTransactions: 3 },
      },
    },
    {
      rule: 'the root subservice / is keyed root-subserv',
      entries: [entry('acme', '/', 'incomingTransactions', 1)],
      expected: {
        services: {
          acme: { subservs: { 'root-subserv': { incomingTransactions: 1 } }, sum: { incomingTransactions: 1 } },
        },
        sum: { incomingTransactions: 1 },
      },
    },
    {
      rule: 'only the leading slash is dropped from a nested subservice',
      entries: [entry('acme', '/gardens/north', 'alertsFired', 2)],
      expected: {
        services: { acme: { subservs: { 'gardens/north': { alertsFired: 2 } }, sum: { alertsFired: 2 } } },
        sum: { alertsFired: 2 },
      },
    },
    {
      rule: 'sums add subservices within a service, and services at the root',
      entries: [
        entry('acme', '/a', 'incomingTransactions', 1),
        entry('acme', '/b', 'incomingTransactions', 2),
        entry('zeta', '/a', 'incomingTransactions', 4),
      ],
      expected: {
        services: {
          acme: {
            subservs: { a: { incomingTransactions: 1 }, b: { incomingTransactions: 2 } },
            sum: { incomingTransactions: 3 },
          },
          zeta: { subservs: { a: { incomingTransactions: 4 } }, sum: { incomingTransactions: 4 } },
        },
        sum: { incomingTransactions: 7 },
      },
    },
    {
      rule: 'a counter that stayed at zero is left out, so a subservice with nothing to say is {}',
      entries: [entry('acme', '/idle', 'incomingTransactionErrors', 0)],
      expected: { services: { acme: { subservs: { idle: {} }, sum: {} } }, sum: {} },
    },
    {
      rule: 'serviceTime is total time over timed transactions, in milliseconds',
      entries: [entry('acme', '/', 'serviceTimeMicros', 30_000), entry('acme', '/', 'serviceTimeCount', 4)],
      expected: {
        services: { acme: { subservs: { 'root-subserv': { serviceTime: 7.5 } }, sum: { serviceTime: 7.5 } } },
        sum: { serviceTime: 7.5 },
      },
    },
    {
      rule: 'a sum averages over all transactions, not over the averages of its children',
      entries: [
        // /busy: 3 transactions of 10 ms; /quiet: 1 of 50 ms. Average of averages would say 30.
        entry('acme', '/busy', 'serviceTimeMicros', 30_000),
        entry('acme', '/busy', 'serviceTimeCount', 3),
        entry('acme', '/quiet', 'serviceTimeMicros', 50_000),
        entry('acme', '/quiet', 'serviceTimeCount', 1),
      ],
      expected: {
        services: {
          acme: { subservs: { busy: { serviceTime: 10 }, quiet: { serviceTime: 50 } }, sum: { serviceTime: 20 } },
        },
        sum: { serviceTime: 20 },
      },
    },
    {
      rule: 'entries for the same counter of the same subservice add up',
      entries: [entry('acme', '/a', 'outgoingTransactions', 2), entry('acme', '/a', 'outgoingTransactions', 5)],
      expected: {
        services: { acme: { subservs: { a: { outgoingTransactions: 7 } }, sum: { outgoingTransactions: 7 } } },
        sum: { outgoingTransactions: 7 },
      },
    },
  ])('$rule', ({ entries, expected }) => {
    expect(toReferenceJson(buildOperationalMetrics(entries))).toEqual(expected);
  });
});

describe('shownValues', () => {
  it('lists metrics in the reference order, serviceTime right after the incoming counters', () => {
    const totals: RawTotals = Object.fromEntries(RAW_FIELDS.map((field) => [field, 1]));
    expect(Object.keys(shownValues(totals))).toEqual([
      ...OPERATIONAL_COUNTERS.slice(0, 4),
      'serviceTime',
      ...OPERATIONAL_COUNTERS.slice(4),
    ]);
  });

  it('shows a serviceTime of 0 when transactions were timed at 0 ms, but none when nothing was timed', () => {
    expect(shownValues({ serviceTimeMicros: 0, serviceTimeCount: 2 })).toEqual({ serviceTime: 0 });
    expect(shownValues({ serviceTimeMicros: 0, serviceTimeCount: 0 })).toEqual({});
  });
});

describe('rawIncrements', () => {
  it.each([
    { metric: 'incomingTransactions' as const, amount: 1, expected: { incomingTransactions: 1 } },
    {
      metric: 'outgoingTransactionResponseSize' as const,
      amount: 512,
      expected: { outgoingTransactionResponseSize: 512 },
    },
    { metric: 'serviceTime' as const, amount: 12.3456, expected: { serviceTimeMicros: 12_346, serviceTimeCount: 1 } },
  ])('$metric of $amount stores $expected', ({ metric, amount, expected }) => {
    expect(rawIncrements(metric, amount)).toEqual(expected);
  });
});

describe('subserviceKey', () => {
  it.each([
    ['/', 'root-subserv'],
    ['/gardens', 'gardens'],
    ['/gardens/north', 'gardens/north'],
  ])('%s is keyed %s', (subservice, key) => {
    expect(subserviceKey(subservice)).toBe(key);
  });
});

// Arbitrary trees as the tenancy rules allow them: services of [a-z0-9_], paths of [A-Za-z0-9_] segments.
const service = fc.stringMatching(/^[a-z0-9_]{1,6}$/);
const subservice = fc.oneof(
  fc.constant('/'),
  fc
    .array(fc.stringMatching(/^[A-Za-z0-9_]{1,4}$/), { minLength: 1, maxLength: 3 })
    .map((parts) => `/${parts.join('/')}`),
);
const entries = fc.array(
  fc.record({ service, subservice, field: fc.constantFrom(...RAW_FIELDS), value: fc.nat(1_000_000) }),
  { maxLength: 60 },
);

const total = (list: readonly CounterEntry[], field: CounterEntry['field']) =>
  list.reduce((sum, item) => sum + (item.field === field ? item.value : 0), 0);

/** Every node of the tree with the entries below it. */
function nodes(metrics: OperationalMetrics, list: readonly CounterEntry[]): [RawTotals, CounterEntry[]][] {
  const found: [RawTotals, CounterEntry[]][] = [[metrics.sum, [...list]]];
  for (const s of metrics.services) {
    found.push([s.sum, list.filter((item) => item.service === s.name)]);
    for (const sub of s.subservices) {
      found.push([sub.totals, list.filter((item) => item.service === s.name && item.subservice === sub.name)]);
    }
  }
  return found;
}

describe('properties of the tree', () => {
  propertyTest.prop([entries])('each sum equals the sum of its children, for every counter', (list) => {
    const metrics = buildOperationalMetrics(list);
    for (const field of RAW_FIELDS) {
      for (const s of metrics.services) {
        expect(s.sum[field] ?? 0).toBe(s.subservices.reduce((sum, sub) => sum + (sub.totals[field] ?? 0), 0));
      }
      expect(metrics.sum[field] ?? 0).toBe(metrics.services.reduce((sum, s) => sum + (s.sum[field] ?? 0), 0));
      expect(metrics.sum[field] ?? 0).toBe(total(list, field));
    }
  });

  propertyTest.prop([entries])('serviceTime at any level is total time / total timed transactions', (list) => {
    const metrics = buildOperationalMetrics(list);
    for (const [totals, below] of nodes(metrics, list)) {
      const count = total(below, 'serviceTimeCount');
      const shown = shownValues(totals).serviceTime;
      if (count === 0) expect(shown).toBeUndefined();
      else expect(shown).toBeCloseTo(total(below, 'serviceTimeMicros') / count / 1000, 9);
    }
  });

  propertyTest.prop([
    entries.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))),
  ])('the order entries arrive in changes nothing', ([list, shuffled]) => {
    expect(buildOperationalMetrics(shuffled)).toEqual(buildOperationalMetrics(list));
  });

  propertyTest.prop([entries])('every subservice gets a key of its own, none with a leading slash', (list) => {
    const metrics = buildOperationalMetrics(list);
    const json = toReferenceJson(metrics);
    for (const s of metrics.services) {
      const keys = Object.keys(json.services[s.name]?.subservs ?? {});
      expect(keys).toHaveLength(s.subservices.length);
      for (const key of keys) expect(key.startsWith('/')).toBe(false);
    }
  });
});
