import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { UserInputError } from '../../src/errors.js';
import {
  type BatchValidation,
  type TagPair,
  payloadOf,
  seriesKeyOf,
} from '../../src/domain/measurements/measurement.js';
import { validateBatch } from '../../src/domain/measurements/measurementBatch.js';
import { NOW_SECONDS, context } from './measurementBatchCases.js';

const tagName = fc.stringMatching(/^[-.:_A-Za-z0-9]{1,12}$/);
const tagValue = fc.stringMatching(/^[-.:_?\\/A-Za-z0-9 ]{1,16}$/);
const tagPairs = fc.uniqueArray(fc.tuple(tagName, tagValue), {
  selector: ([name]) => name.toLowerCase(),
  minLength: 1,
  maxLength: 8,
});
const environment = fc.option(tagValue, { nil: null });
const float = fc.oneof(
  fc.double({ min: -1e126, max: 1e126, noNaN: true }),
  fc.constantFrom(0, -0, 1e-140, -1e-131, 1e-130, 9.999999999999998e126),
);
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

const valueSample = fc.record({ value: float });
const summarySample = fc
  .record({
    count: fc.integer({ min: 1, max: 1_000_000 }),
    sum: float,
    bounds: optional(fc.tuple(float, float)),
    last: optional(float),
    stddev: optional(fc.double({ min: 0, max: 1e100, noNaN: true })),
  })
  .map(({ bounds, ...fields }) => {
    const [min, max] = bounds ? [...bounds].sort((a, b) => a - b) : [undefined, undefined];
    return { ...fields, min, max };
  });
const properties = fc.record(
  {
    type: fc.constant('gauge'),
    display_name: fc.string({ minLength: 1, maxLength: 20 }),
    attributes: fc.record(
      {
        color: fc.stringMatching(/^#[0-9A-Fa-f]{6}$/),
        display_min: float,
        display_stacked: fc.boolean(),
        summarize_function: fc.constantFrom('average', 'sum', 'count', 'min', 'max'),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

/** Measurements every rule accepts (or filters, for names under almanac.). */
const validMeasurement = fc
  .record({
    name: fc.oneof(
      { arbitrary: fc.stringMatching(/^[A-Za-z0-9.:_-]{1,24}$/), weight: 9 },
      { arbitrary: fc.constant('Almanac.Usage'), weight: 1 },
    ),
    tags: tagPairs,
    time: optional(fc.integer({ min: 0, max: NOW_SECONDS + 600 })),
    period: optional(fc.integer({ min: 1, max: 86_400 })),
    sample: fc.oneof(valueSample, summarySample),
    properties,
  })
  .map(({ tags, sample, properties, ...fields }) => ({
    ...fields,
    ...sample,
    ...properties,
    tags: Object.fromEntries(tags),
  }));

/** A plausible value, or any JSON, or a number that is refused or aborts the request. */
const messy = (plausible: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { arbitrary: plausible, weight: 4 },
    { arbitrary: fc.jsonValue(), weight: 1 },
    { arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e127), weight: 1 },
  );
const messyMeasurement = fc.record(
  {
    name: messy(fc.constantFrom('cpu', 'CPU', 'almanac.x', 'bad name')),
    value: messy(float),
    count: messy(fc.integer({ min: -1, max: 5 })),
    sum: messy(float),
    min: messy(float),
    stddev: messy(float),
    time: messy(fc.integer({ min: -10, max: NOW_SECONDS + 1000 })),
    tags: messy(tagPairs.map((pairs) => Object.fromEntries(pairs))),
    attributes: messy(fc.record({ display_max: float, color: fc.string() })),
  },
  { requiredKeys: [] },
);
const anyPayload = fc.oneof(
  { arbitrary: fc.jsonValue(), weight: 1 },
  {
    arbitrary: fc.record(
      {
        time: messy(fc.integer({ min: 0, max: NOW_SECONDS })),
        tags: messy(tagPairs.map((pairs) => Object.fromEntries(pairs))),
        measurements: fc.array(fc.oneof(validMeasurement, messyMeasurement, fc.jsonValue()), { maxLength: 8 }),
      },
      { requiredKeys: ['measurements'] },
    ),
    weight: 4,
  },
);

/** The result, or null when the whole request failed with a UserInputError (anything else fails the test). */
function outcomeOf(payload: unknown, env: string | null): BatchValidation | null {
  try {
    return validateBatch(payload, { ...context, environment: env });
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    return null;
  }
}

describe('validateBatch on any input', () => {
  test.prop([anyPayload, environment], { numRuns: 500 })(
    'returns a result or throws a UserInputError, nothing else',
    (payload, env) => {
      outcomeOf(payload, env);
    },
  );

  test.prop([anyPayload, environment], { numRuns: 500 })(
    'the summary adds up, and exactly the failed measurements have errors',
    (payload, env) => {
      const result = outcomeOf(payload, env);
      if (result === null) return;
      const { total, accepted, failed, filtered } = result.summary;
      expect(total).toBe(accepted + failed + filtered);
      expect(result.accepted).toHaveLength(accepted);
      expect(new Set(result.errors.map((error) => error.index)).size).toBe(failed);
    },
  );

  test.prop([fc.array(validMeasurement, { minLength: 1, maxLength: 5 }), environment])(
    'valid measurements are accepted, or filtered under almanac.',
    (measurements, env) => {
      const result = outcomeOf({ measurements }, env);
      const reserved = measurements.filter(({ name }) => name.toLowerCase().startsWith('almanac.')).length;
      expect(result?.errors).toEqual([]);
      expect(result?.summary).toMatchObject({ accepted: measurements.length - reserved, filtered: reserved });
    },
  );

  test.prop([fc.array(validMeasurement, { minLength: 1, maxLength: 5 }), environment])(
    "validating an accepted measurement's payloadOf again gives the same measurement",
    (measurements, env) => {
      for (const measurement of outcomeOf({ measurements }, env)?.accepted ?? []) {
        const again = outcomeOf({ measurements: [payloadOf(measurement)] }, env);
        expect(again?.accepted).toEqual([measurement]);
      }
    },
  );
});

describe('series identity', () => {
  const pairsAndShuffle = tagPairs.chain((pairs) =>
    fc.tuple(fc.constant(pairs), fc.shuffledSubarray(pairs, { minLength: pairs.length, maxLength: pairs.length })),
  );

  test.prop([pairsAndShuffle, environment])(
    'the order tags are sent in, and their form, change neither the tags nor seriesKeyOf',
    ([pairs, shuffled], env) => {
      const asMap = outcomeOf({ measurements: [{ name: 'm', value: 1, tags: Object.fromEntries(pairs) }] }, env);
      const asList = shuffled.map(([name, value]) => ({ name, value }));
      const inOtherOrder = outcomeOf({ measurements: [{ name: 'm', value: 1, tags: asList }] }, env);
      const [a, b] = [asMap?.accepted[0]?.tags ?? [], inOtherOrder?.accepted[0]?.tags ?? []];
      const environmentAdded = env !== null && !pairs.some(([name]) => name.toLowerCase() === 'environment');
      expect(a).toHaveLength(pairs.length + (environmentAdded ? 1 : 0));
      expect(b).toEqual(a);
      expect(seriesKeyOf(a)).toBe(seriesKeyOf(b));
      expect(seriesKeyOf(pairs)).toBe(seriesKeyOf(shuffled));
    },
  );

  const anyPairs = fc.uniqueArray(fc.tuple(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 })), {
    selector: ([name]) => name,
    maxLength: 4,
  });
  const sorted = (pairs: TagPair[]) =>
    pairs
      .map((pair) => JSON.stringify(pair))
      .sort()
      .join('\n');

  test.prop([anyPairs, anyPairs])('different tag sets never share a key, whatever the strings', (a, b) => {
    expect(seriesKeyOf(a) === seriesKeyOf(b)).toBe(sorted(a) === sorted(b));
  });
});
