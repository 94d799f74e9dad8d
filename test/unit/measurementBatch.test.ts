import { describe, expect, it } from 'vitest';
import { MAX_BATCH_SIZE, MAX_FUTURE_SECONDS, validateBatch } from '../../src/domain/measurements/measurementBatch.js';
import {
  type RuleCase,
  NOW_SECONDS,
  checkCase,
  context,
  requestFailure,
  sample,
  validateOne,
} from './measurementBatchCases.js';

describe('whole-request failures throw UserInputError naming the param', () => {
  it.each([
    { rule: 'the payload must be an object', payload: [sample()], param: 'request' },
    { rule: 'null is not a payload', payload: null, param: 'request' },
    { rule: 'measurements is required', payload: { tags: { host: 'a' } }, param: 'measurements' },
    { rule: 'measurements must be a list', payload: { measurements: { 0: sample() } }, param: 'measurements' },
    { rule: 'at least one measurement', payload: { measurements: [] }, param: 'measurements' },
    {
      rule: `at most ${MAX_BATCH_SIZE} measurements`,
      payload: { measurements: Array.from({ length: MAX_BATCH_SIZE + 1 }, () => sample()) },
      param: 'measurements',
    },
    { rule: 'unknown top-level fields', payload: { source: 'web-1', measurements: [sample()] }, param: 'source' },
    { rule: 'an invalid top-level time', payload: { time: 1.5, measurements: [sample()] }, param: 'time' },
    { rule: 'an invalid top-level period', payload: { period: 0, measurements: [sample()] }, param: 'period' },
    {
      rule: 'an invalid top-level tag, even if every measurement has its own',
      payload: { tags: { 'bad name': 'x' }, measurements: [sample()] },
      param: 'tags.bad name',
    },
    {
      rule: 'a float with exponent above 126 anywhere',
      payload: { measurements: [sample(), sample({ value: undefined, count: 1, sum: 1e127 })] },
      param: 'measurements[1].sum',
    },
    {
      rule: 'a huge float in a reserved measurement',
      payload: { measurements: [sample({ name: 'almanac.x', value: -2e200 })] },
      param: 'measurements[0].value',
    },
    {
      rule: 'a huge float in a display attribute',
      payload: { measurements: [sample({ attributes: { display_max: 1e130 } })] },
      param: 'measurements[0].attributes.display_max',
    },
  ])('$rule', ({ payload, param }) => {
    const error = requestFailure(payload);
    expect(error.details).toEqual({ param });
    expect(error.message.startsWith(`${param}: `)).toBe(true);
  });

  it(`accepts a batch of exactly ${MAX_BATCH_SIZE}`, () => {
    const measurements = Array.from({ length: MAX_BATCH_SIZE }, (_, i) => sample({ tags: { n: String(i) } }));
    expect(validateBatch({ measurements }, context).summary.accepted).toBe(MAX_BATCH_SIZE);
  });
});

describe('metric names: 1-255 of A-Za-z0-9.:-_, case-insensitive', () => {
  it.each<RuleCase>([
    {
      rule: 'upper case is accepted and lower-cased',
      measurement: sample({ name: 'CPU.User' }),
      accepted: { name: 'cpu.user' },
    },
    {
      rule: 'all of . : - _ are allowed',
      measurement: sample({ name: 'a.b:c-d_e9' }),
      accepted: { name: 'a.b:c-d_e9' },
    },
    {
      rule: '255 characters are allowed',
      measurement: sample({ name: 'm'.repeat(255) }),
      accepted: { name: 'm'.repeat(255) },
    },
    ...['m'.repeat(256), 'cpu user', 'cpu/user', '', 'cpü', 'cpu\n'].map((name) => ({
      rule: `${JSON.stringify(name.length > 20 ? `${name.length} characters` : name)} is refused`,
      measurement: sample({ name }),
      error: { param: 'measurements[0].name', reason: /must be 1-255 of/ },
    })),
    {
      rule: 'a name is required',
      measurement: sample({ name: undefined }),
      error: { param: 'measurements[0].name', reason: /is required/ },
    },
    {
      rule: 'a name must be a string',
      measurement: sample({ name: 42 }),
      error: { param: 'measurements[0].name', reason: /got 42/ },
    },
  ])('$rule', checkCase);
});

describe('the reserved namespace almanac.* is filtered, not failed', () => {
  it.each([
    { rule: 'almanac.* is filtered', name: 'almanac.requests', filtered: 1 },
    { rule: 'the prefix is case-insensitive', name: 'Almanac.Requests', filtered: 1 },
    { rule: '"almanac" alone is not reserved', name: 'almanac', filtered: 0 },
    { rule: 'only the dotted prefix is reserved', name: 'almanacs.requests', filtered: 0 },
  ])('$rule', ({ name, filtered }) => {
    const { summary, errors } = validateOne(sample({ name }));
    expect(summary).toEqual({ total: 1, accepted: 1 - filtered, failed: 0, filtered });
    expect(errors).toEqual([]);
  });

  it('a reserved measurement is filtered whatever else is wrong with it', () => {
    const { summary, errors } = validateOne({ name: 'almanac.x', value: 'NaN', tags: 'none', vaule: 1 });
    expect(summary).toEqual({ total: 1, accepted: 0, failed: 0, filtered: 1 });
    expect(errors).toEqual([]);
  });
});

describe('time: whole epoch seconds, default now, at most 600 s ahead', () => {
  const ahead = NOW_SECONDS + MAX_FUTURE_SECONDS;
  it.each<RuleCase>([
    { rule: 'defaults to now, floored to the second', measurement: sample(), accepted: { time: NOW_SECONDS } },
    { rule: 'the top-level time is inherited', measurement: sample(), top: { time: 100 }, accepted: { time: 100 } },
    {
      rule: 'a measurement time overrides the top level',
      measurement: sample({ time: 200 }),
      top: { time: 100 },
      accepted: { time: 200 },
    },
    {
      rule: 'null time means not sent',
      measurement: sample({ time: null }),
      top: { time: 100 },
      accepted: { time: 100 },
    },
    { rule: '0 is a valid time', measurement: sample({ time: 0 }), accepted: { time: 0 } },
    {
      rule: `exactly ${MAX_FUTURE_SECONDS} s ahead is accepted`,
      measurement: sample({ time: ahead }),
      accepted: { time: ahead },
    },
    {
      rule: `${MAX_FUTURE_SECONDS + 1} s ahead is refused`,
      measurement: sample({ time: ahead + 1 }),
      error: { param: 'measurements[0].time', reason: /more than 600 s ahead/ },
    },
    {
      rule: 'milliseconds are refused with a hint',
      measurement: sample({ time: NOW_SECONDS * 1000 }),
      error: { param: 'measurements[0].time', reason: /not milliseconds/ },
    },
    {
      rule: 'a fraction is refused, not floored',
      measurement: sample({ time: NOW_SECONDS - 0.5 }),
      error: { param: 'measurements[0].time', reason: /whole number/ },
    },
    {
      rule: 'a negative time is refused',
      measurement: sample({ time: -1 }),
      error: { param: 'measurements[0].time', reason: /at least 0/ },
    },
    {
      rule: 'a string time is refused',
      measurement: sample({ time: '1421530163' }),
      error: { param: 'measurements[0].time', reason: /whole number/ },
    },
  ])('$rule', checkCase);
});

describe('period: optional whole seconds, at least 1', () => {
  it.each<RuleCase>([
    { rule: 'absent is null', measurement: sample(), accepted: { period: null } },
    { rule: 'the top-level period is inherited', measurement: sample(), top: { period: 60 }, accepted: { period: 60 } },
    {
      rule: 'a measurement period overrides',
      measurement: sample({ period: 15 }),
      top: { period: 60 },
      accepted: { period: 15 },
    },
    {
      rule: '0 is refused',
      measurement: sample({ period: 0 }),
      error: { param: 'measurements[0].period', reason: /at least 1/ },
    },
    {
      rule: 'a fraction is refused',
      measurement: sample({ period: 1.5 }),
      error: { param: 'measurements[0].period', reason: /whole/ },
    },
  ])('$rule', checkCase);
});

describe('per-measurement errors', () => {
  it('a bad measurement fails alone; the others are accepted', () => {
    const result = validateBatch({ measurements: [sample({ value: 'high' }), sample({ value: 2 })] }, context);
    expect(result.summary).toEqual({ total: 2, accepted: 1, failed: 1, filtered: 0 });
    expect(result.accepted.map((m) => m.state.sum)).toEqual([2]);
    expect(result.errors).toEqual([
      { index: 0, param: 'measurements[0].value', reason: 'must be a number, got "high"' },
    ]);
  });

  it('errors carry the index of their measurement', () => {
    const payload = { measurements: [sample(), 'cpu', sample({ tags: {} }), sample({ name: 'almanac.x' })] };
    const result = validateBatch(payload, context);
    expect(result.summary).toEqual({ total: 4, accepted: 1, failed: 2, filtered: 1 });
    expect(result.errors).toEqual([
      { index: 1, param: 'measurements[1]', reason: 'must be an object, got "cpu"' },
      { index: 2, param: 'measurements[2].tags', reason: 'must have at least one tag' },
    ]);
  });

  it.each<RuleCase>([
    {
      rule: 'unknown fields are refused',
      measurement: sample({ vaule: 2 }),
      error: { param: 'measurements[0].vaule', reason: /not a known field/ },
    },
    {
      rule: 'composite definitions are not measurement fields',
      measurement: sample({ composite: 's("x")' }),
      error: { param: 'measurements[0].composite', reason: /not a known field/ },
    },
  ])('$rule', checkCase);

  it('reports at most 10 errors per measurement', () => {
    const tags = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`bad name ${i}`, 'v']));
    expect(validateOne(sample({ tags })).errors).toHaveLength(10);
  });
});
