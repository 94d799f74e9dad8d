import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { combineAll, stateOfValue, summarize } from '../../src/domain/bucketState.js';
import { sumOfSquares } from '../../src/domain/measurements/sampleState.js';
import { type RuleCase, checkCase, requestFailure, sample, validateOne } from './measurementBatchCases.js';

const error = (param: string, reason: RegExp) => ({ param: `measurements[0].${param}`, reason });
const summary = (fields: Record<string, unknown>) => sample({ value: undefined, ...fields });

describe('a sample is a value, or count and sum with optional min, max, last, stddev', () => {
  it.each<RuleCase>([
    {
      rule: 'a value is one sample: count 1, sum = min = max = last = value, stddev 0',
      measurement: sample({ value: -2.5 }),
      accepted: { state: { count: 1, sum: -2.5, min: -2.5, max: -2.5, last: -2.5, stddev: 0, sumsq: 6.25 } },
    },
    {
      rule: 'count and sum alone leave min, max, last, stddev and sumsq unknown',
      measurement: summary({ count: 4, sum: 10 }),
      accepted: { state: { count: 4, sum: 10, min: null, max: null, last: null, stddev: null, sumsq: null } },
    },
    {
      rule: "the reference's full summary sample is accepted as sent",
      measurement: summary({ count: 3, sum: 35, min: 4.5, max: 6.7, last: 2.5, stddev: 1.34 }),
      accepted: {
        state: {
          count: 3,
          sum: 35,
          min: 4.5,
          max: 6.7,
          last: 2.5,
          stddev: 1.34,
          sumsq: 3 * 1.34 * 1.34 + (35 * 35) / 3,
        },
      },
    },
    {
      rule: 'value with count is refused',
      measurement: sample({ count: 2 }),
      error: error('value', /cannot be sent with count/),
    },
    {
      rule: 'value with last is refused',
      measurement: sample({ last: 1 }),
      error: error('value', /cannot be sent with last/),
    },
    { rule: 'count needs sum', measurement: summary({ count: 2 }), error: error('sum', /required when count is set/) },
    { rule: 'sum needs count', measurement: summary({ sum: 2 }), error: error('count', /required with sum/) },
    { rule: 'min needs count', measurement: summary({ min: 2 }), error: error('count', /required with min/) },
    { rule: 'a sample needs value or count', measurement: summary({}), error: error('value', /is required/) },
    { rule: 'a null value means not sent', measurement: sample({ value: null }), error: error('value', /is required/) },
    { rule: 'count 0 is refused', measurement: summary({ count: 0, sum: 0 }), error: error('count', /at least 1/) },
    {
      rule: 'a fractional count is refused',
      measurement: summary({ count: 1.5, sum: 1 }),
      error: error('count', /whole/),
    },
    { rule: 'a string count is refused', measurement: summary({ count: '3', sum: 1 }), error: error('count', /whole/) },
    {
      rule: 'a negative stddev is refused',
      measurement: summary({ count: 2, sum: 1, stddev: -0.1 }),
      error: error('stddev', /must not be negative/),
    },
    {
      rule: 'min above max is refused',
      measurement: summary({ count: 2, sum: 3, min: 2, max: 1 }),
      error: error('min', /above max 1/),
    },
  ])('$rule', checkCase);
});

describe('floats: finite numbers; exponent above 126 aborts, below -130 becomes 0', () => {
  it.each<RuleCase>([
    { rule: 'NaN is refused', measurement: sample({ value: NaN }), error: error('value', /finite number, got NaN/) },
    { rule: 'Infinity is refused', measurement: sample({ value: -Infinity }), error: error('value', /finite/) },
    {
      rule: 'a numeric string is refused',
      measurement: sample({ value: '5' }),
      error: error('value', /must be a number/),
    },
    { rule: 'a boolean is refused', measurement: sample({ value: true }), error: error('value', /must be a number/) },
    {
      rule: 'the largest double below 1e127 (exponent 126) is kept',
      measurement: sample({ value: 9.999999999999998e126 }),
      accepted: { state: expect.objectContaining({ sum: 9.999999999999998e126 }) },
    },
    {
      rule: '1e-130 is kept',
      measurement: sample({ value: 1e-130 }),
      accepted: { state: expect.objectContaining({ sum: 1e-130 }) },
    },
    {
      rule: 'the largest double below 1e-130 becomes 0',
      measurement: sample({ value: 9.999999999999999e-131 }),
      accepted: { state: expect.objectContaining({ sum: 0 }) },
    },
    {
      rule: 'a tiny negative becomes 0, not -0',
      measurement: sample({ value: -5e-131 }),
      accepted: { state: expect.objectContaining({ sum: 0, min: 0 }) },
    },
    {
      rule: '-0 becomes 0',
      measurement: sample({ value: -0 }),
      accepted: { state: expect.objectContaining({ max: 0 }) },
    },
    {
      rule: 'every summary field is truncated the same way',
      measurement: summary({ count: 2, sum: 1e-200, min: -1e-140, max: 1e-131, last: 1e-135, stddev: 1e-300 }),
      accepted: { state: { count: 2, sum: 0, min: 0, max: 0, last: 0, stddev: 0, sumsq: 0 } },
    },
  ])('$rule', checkCase);

  it.each([-0, -5e-131])('%d is stored as +0, so no -0 reaches a sum', (value) => {
    const [measurement] = validateOne(sample({ value })).accepted;
    expect(Object.is(measurement?.state.sum, 0)).toBe(true);
  });

  it.each([1e127, -1e127, 1.7976931348623157e308])('%d aborts the whole request', (value) => {
    expect(requestFailure({ measurements: [sample({ value })] }).details).toEqual({ param: 'measurements[0].value' });
  });
});

describe('sumOfSquares: sumsq = n·σ² + sum²/n for a population stddev σ', () => {
  it('2,4,4,4,5,5,7,9 (σ = 2) has sum of squares 232', () => {
    expect(sumOfSquares(8, 40, 2)).toBe(232);
  });

  it('a single value has sumsq value²', () => expect(sumOfSquares(1, -3, 0)).toBe(9));

  test.prop([fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 })])(
    'matches the sum of squares of the samples, and gives their stddev back',
    (samples) => {
      const state = combineAll(samples.map(stateOfValue));
      const stddev = summarize(state, 'stddev') ?? Number.NaN;
      const derived = sumOfSquares(state.count, state.sum, stddev);
      expect(Math.abs(derived - state.sumsq)).toBeLessThanOrEqual(1e-9 * Math.max(1, state.sumsq));
      const again = summarize({ ...state, sumsq: derived }, 'stddev') ?? Number.NaN;
      expect(Math.abs(again - stddev)).toBeLessThanOrEqual(1e-6 * Math.max(1, stddev));
    },
  );
});

describe('metric properties are read and typed', () => {
  const attributes = {
    color: '#52D74C',
    display_max: 100,
    display_min: 0,
    display_units_long: 'Fahrenheit',
    display_units_short: '°F',
    display_stacked: true,
    summarize_function: 'sum',
    aggregate: false,
    created_by_ua: 'collector/1.0',
  } as const;
  it.each<RuleCase>([
    { rule: 'none sent, none kept', measurement: sample(), accepted: { properties: {} } },
    {
      rule: 'display_name, description, type and every reference attribute are kept',
      measurement: sample({ type: 'gauge', display_name: 'CPU', description: 'Busy share', attributes }),
      accepted: { properties: { type: 'gauge', displayName: 'CPU', description: 'Busy share', attributes } },
    },
    {
      rule: 'measurements create gauges only',
      measurement: sample({ type: 'composite' }),
      error: error('type', /must be "gauge"/),
    },
    {
      rule: 'an empty display_name is refused',
      measurement: sample({ display_name: '' }),
      error: error('display_name', /1 to 255/),
    },
    {
      rule: 'a description over 1024 characters is refused',
      measurement: sample({ description: 'd'.repeat(1025) }),
      error: error('description', /1 to 1024/),
    },
    {
      rule: 'attributes must be an object',
      measurement: sample({ attributes: [] }),
      error: error('attributes', /must be an object/),
    },
    {
      rule: 'unknown attributes are refused',
      measurement: sample({ attributes: { display_unit_short: 'ms' } }),
      error: error('attributes.display_unit_short', /not a known field/),
    },
    {
      rule: 'a color is # and six hex digits',
      measurement: sample({ attributes: { color: 'red' } }),
      error: error('attributes.color', /six hex/),
    },
    {
      rule: 'summarize_function is one of the reference five',
      measurement: sample({ attributes: { summarize_function: 'median' } }),
      error: error('attributes.summarize_function', /average, sum, count, min, max/),
    },
    {
      rule: 'aggregate is a boolean, not a string',
      measurement: sample({ attributes: { aggregate: 'true' } }),
      error: error('attributes.aggregate', /true or false/),
    },
    {
      rule: 'display_min is a number',
      measurement: sample({ attributes: { display_min: '0' } }),
      error: error('attributes.display_min', /must be a number/),
    },
    {
      rule: 'a null attribute means not sent',
      measurement: sample({ attributes: { display_max: null } }),
      accepted: { properties: { attributes: {} } },
    },
  ])('$rule', checkCase);
});
