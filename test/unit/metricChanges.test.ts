/** The checks on metric names, property changes, composites and bulk selections: one table per rule. */
import { describe, expect, it } from 'vitest';
import {
  checkComposite,
  metricName,
  metricSelection,
  readMetricChanges,
  type MetricChangeRequest,
} from '../../src/domain/metricChanges.js';
import { AlmanacError } from '../../src/errors.js';

function failure(run: () => unknown): { code: string; field: unknown; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof AlmanacError) return { code: error.code, field: error.details.field, message: error.message };
    throw error;
  }
  throw new Error('expected an error');
}

describe('metricName', () => {
  it.each([
    ['CPU.Load', 'cpu.load'],
    ['a:b-c_d.e', 'a:b-c_d.e'],
    ['x'.repeat(255), 'x'.repeat(255)],
  ])('accepts %s as %s', (raw, name) => {
    expect(metricName(raw)).toBe(name);
  });

  it.each([
    ['empty', ''],
    ['too long', 'x'.repeat(256)],
    ['a space', 'cpu load'],
    ['a slash', 'cpu/load'],
    ['the reserved namespace, in any case', 'ALMANAC.x'],
  ])('refuses %s', (_case, raw) => {
    expect(failure(() => metricName(raw, 'names[2]'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'names[2]' });
  });
});

describe('readMetricChanges', () => {
  it.each<[string, MetricChangeRequest, object]>([
    ['nothing sent changes nothing', {}, {}],
    ['null clears a property', { displayName: null, period: null }, { displayName: null, period: null }],
    ['a null type is no change', { type: null }, {}],
    [
      'attributes are checked and a null one is removed',
      { attributes: { display_min: 0, color: null, summarize_function: 'sum' } },
      { attributes: { display_min: 0, color: null, summarize_function: 'sum' } },
    ],
    [
      'a tiny float is 0, as in measurements',
      { attributes: { display_max: 1e-200 } },
      { attributes: { display_max: 0 } },
    ],
  ])('%s', (_case, request, changes) => {
    expect(readMetricChanges(request)).toEqual(changes);
  });

  it.each<[string, MetricChangeRequest, string]>([
    ['an empty display name', { displayName: '' }, 'input.displayName'],
    ['a description over 1024 characters', { description: 'd'.repeat(1025) }, 'input.description'],
    ['a period of 0', { period: 0 }, 'input.period'],
    ['a fractional period', { period: 1.5 }, 'input.period'],
    ['a blank composite', { composite: '   ' }, 'input.composite'],
    ['a color without #', { attributes: { color: '52D74C' } }, 'input.attributes.color'],
    [
      'units of 256 characters',
      { attributes: { display_units_long: 'u'.repeat(256) } },
      'input.attributes.displayUnitsLong',
    ],
    [
      'an unknown summarize function',
      { attributes: { summarize_function: 'median' } },
      'input.attributes.summarizeFunction',
    ],
  ])('refuses %s, naming the GraphQL field', (_case, request, field) => {
    const error = failure(() => readMetricChanges(request));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error.message).toContain(`${field}: `);
  });

  it('lists every problem in one error', () => {
    const error = failure(() => readMetricChanges({ period: 0, attributes: { color: 'red' } }));
    expect(error.message).toContain('input.period: must be at least 1');
    expect(error.message).toContain('input.attributes.color: must be # and six hex digits');
  });
});

describe('checkComposite', () => {
  const gauge = { type: 'gauge' as const, composite: null };
  const composite = { type: 'composite' as const, composite: 's("x")' };
  it.each([
    ['a new gauge', null, {}],
    ['a new composite with a definition', null, { type: 'composite' as const, composite: 's("x")' }],
    ['a composite keeps its definition when none is sent', composite, { description: 'd' }],
    ['a composite gets a new definition', composite, { composite: 's("y")' }],
    ['a gauge stays a gauge', gauge, { type: 'gauge' as const }],
  ])('accepts %s', (_case, current, changes) => {
    expect(() => checkComposite(current, changes)).not.toThrow();
  });

  it.each([
    ['a new composite without a definition', null, { type: 'composite' as const }, 'BAD_USER_INPUT', 'input.composite'],
    ['a definition on a new gauge', null, { composite: 's("x")' }, 'BAD_USER_INPUT', 'input.composite'],
    ['a definition on an existing gauge', gauge, { composite: 's("x")' }, 'BAD_USER_INPUT', 'input.composite'],
    ['clearing a composite definition', composite, { composite: null }, 'BAD_USER_INPUT', 'input.composite'],
    [
      'a gauge becoming a composite',
      gauge,
      { type: 'composite' as const, composite: 's("x")' },
      'CONFLICT',
      'input.type',
    ],
  ])('refuses %s', (_case, current, changes, code, field) => {
    expect(failure(() => checkComposite(current, changes))).toMatchObject({ code, field });
  });
});

describe('metricSelection', () => {
  it.each([
    ['names, lower-cased and without repeats', ['CPU', 'cpu', 'reqs'], null, { names: ['cpu', 'reqs'] }],
    ['a pattern, lower-cased', null, 'CPU*.90', { pattern: 'cpu*.90' }],
    ['a pattern with ?', undefined, 'cpu?', { pattern: 'cpu?' }],
  ])('takes %s', (_case, names, pattern, selection) => {
    expect(metricSelection(names, pattern)).toEqual(selection);
  });

  it.each([
    ['both', ['cpu'], 'c*', 'pattern'],
    ['neither', null, undefined, 'names'],
    ['no names', [], null, 'names'],
    ['1001 names', Array.from({ length: 1001 }, (_, i) => `m${i}`), null, 'names'],
    ['an invalid name', ['ok', 'not ok'], null, 'names[1]'],
    ['a pattern without a wildcard', null, 'cpu', 'pattern'],
    ['a pattern with a space', null, 'cpu *', 'pattern'],
  ])('refuses %s', (_case, names, pattern, field) => {
    expect(failure(() => metricSelection(names, pattern))).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
