/**
 * fast-check arbitraries of what a Prometheus API might answer: any JSON, and data near each
 * endpoint's shape (lists of names, metadata, query results) with any part of it perhaps of the
 * wrong type or null, for the fuzz tests of answers (malformedAnswers, upstreamLeaks).
 */
import { fc } from '@fast-check/vitest';

export const json = fc.jsonValue();

/** `arbitrary`, or any JSON in its place. */
export const anything = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof(arbitrary, json);

const sample = anything(
  fc.tuple(
    fc.oneof(fc.integer({ min: 1_700_000_000, max: 1_800_000_000 }), fc.double()),
    fc.oneof(fc.string(), fc.constantFrom('NaN', '+Inf', '-Inf', '0.5')),
  ),
);
/** Data near each endpoint's shape, any part of it perhaps of the wrong type or null. */
export const nearlyRight = fc.oneof(
  fc.array(anything(fc.string())),
  fc.dictionary(
    fc.string(),
    anything(
      fc.array(
        anything(
          fc.record(
            { type: anything(fc.constantFrom('gauge', 'counter')), help: anything(fc.string()), unit: json },
            { requiredKeys: [] },
          ),
        ),
      ),
    ),
  ),
  fc.record(
    {
      resultType: anything(fc.constantFrom('vector', 'matrix', 'scalar', 'string')),
      result: anything(
        fc.array(
          fc.record(
            {
              metric: anything(fc.dictionary(fc.string(), anything(fc.string()))),
              value: sample,
              values: anything(fc.array(sample)),
            },
            { requiredKeys: [] },
          ),
        ),
      ),
    },
    { requiredKeys: [] },
  ),
);
