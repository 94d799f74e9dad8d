/**
 * The shapes of Prometheus API answers (prometheusAnswers.ts): what each endpoint's answer must
 * look like, where a malformed one is wrong, and that nothing else is ever thrown for one.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import {
  checkAnswer,
  MalformedAnswerError,
  matrixAnswer,
  metadataAnswer,
  queryAnswer,
  stringListAnswer,
} from '../../src/backends/prometheus/prometheusAnswers.js';
import { readResult } from '../../src/backends/prometheus/promResult.js';

type Endpoint = '/api/v1/label/__name__/values' | '/api/v1/metadata' | '/api/v1/query' | '/api/v1/query_range';

const SHAPES: Record<Endpoint, ZodType> = {
  '/api/v1/label/__name__/values': stringListAnswer,
  '/api/v1/metadata': metadataAnswer,
  '/api/v1/query': queryAnswer,
  '/api/v1/query_range': matrixAnswer,
};

/** A range answer of one series without labels. */
function matrixOf(...values: unknown[]): unknown {
  return { resultType: 'matrix', result: [{ metric: {}, values }] };
}

function problemOf(endpoint: Endpoint, data: unknown): string {
  try {
    checkAnswer(SHAPES[endpoint], data, endpoint, 200);
  } catch (error) {
    if (!(error instanceof MalformedAnswerError)) throw error;
    expect(error.message).toBe(`malformed answer to ${endpoint}`);
    return error.problem;
  }
  throw new Error('expected a malformed answer');
}

describe('answers of the right shape are read as they are', () => {
  it.each<[Endpoint, unknown]>([
    ['/api/v1/label/__name__/values', ['up', 'process_cpu_seconds_total']],
    ['/api/v1/label/__name__/values', []],
    ['/api/v1/query', { resultType: 'vector', result: [{ metric: { job: 'a' }, value: [1.5, '2'] }] }],
    ['/api/v1/query', { resultType: 'scalar', result: [1.5, 'NaN'] }],
    ['/api/v1/query', { resultType: 'scalar', result: [253_402_300_799, '1'] }],
    ['/api/v1/query', { resultType: 'string', result: [1.5, 'text'] }],
    ['/api/v1/query_range', matrixOf([1, '1'], [2, '+Inf'])],
  ])('%s: %j', (endpoint, data) => {
    expect(checkAnswer(SHAPES[endpoint], data, endpoint, 200)).toEqual(data);
  });

  it('metadata without help or unit reads them as empty', () => {
    expect(checkAnswer(metadataAnswer, { up: [{ type: 'gauge' }] }, '/api/v1/metadata', 200)).toEqual({
      up: [{ type: 'gauge', help: '', unit: '' }],
    });
  });
});

describe('a malformed answer says which endpoint and where in the answer', () => {
  it.each<[Endpoint, unknown, string]>([
    ['/api/v1/label/__name__/values', ['up', 42, null], 'data.1'],
    ['/api/v1/label/__name__/values', null, 'data'],
    ['/api/v1/label/__name__/values', { up: true }, 'data'],
    ['/api/v1/metadata', ['up'], 'data'],
    ['/api/v1/metadata', { up: [{ type: 3 }] }, 'data.up.0.type'],
    ['/api/v1/metadata', { up: { type: 'gauge' } }, 'data.up'],
    ['/api/v1/query', { resultType: 'vector', result: null }, 'data.result'],
    [
      '/api/v1/query',
      { resultType: 'vector', result: [{ metric: { job: 1 }, value: [1, '1'] }] },
      'data.result.0.metric.job',
    ],
    ['/api/v1/query', { resultType: 'vector', result: [{ metric: {}, value: ['1', '1'] }] }, 'data.result.0.value'],
    ['/api/v1/query', { resultType: 'histogram', result: [] }, 'data.resultType'],
    ['/api/v1/query', { resultType: 'scalar', result: [1] }, 'data.result'],
    ['/api/v1/query_range', { resultType: 'vector', result: [] }, 'data.resultType'],
    ['/api/v1/query_range', matrixOf([1, '1'], [2, 2]), 'data.result.0.values'],
    ['/api/v1/query_range', matrixOf([1, '1', 3]), 'data.result.0.values'],
    ['/api/v1/query_range', matrixOf([253_402_300_800, '1']), 'data.result.0.values'],
    ['/api/v1/query', { resultType: 'scalar', result: [-62_167_219_201, '1'] }, 'data.result'],
    ['/api/v1/query_range', { resultType: 'matrix', result: [{ values: [] }] }, 'data.result.0.metric'],
  ])('%s: %j is wrong at %s', (endpoint, data, where) => {
    expect(problemOf(endpoint, data).split(':')[0]).toBe(where);
  });
});

const endpoint = fc.constantFrom(...(Object.keys(SHAPES) as Endpoint[]));

describe('any JSON value is either an answer or a MalformedAnswerError', () => {
  test.prop([endpoint, fc.jsonValue()])('checking never throws anything else', (path, data) => {
    try {
      checkAnswer(SHAPES[path], data, path, 200);
    } catch (error) {
      expect(error).toBeInstanceOf(MalformedAnswerError);
    }
  });

  test.prop([fc.jsonValue()])('a query answer that passes is read into a result without an error', (data) => {
    let checked;
    try {
      checked = checkAnswer(queryAnswer, data, '/api/v1/query', 200);
    } catch {
      return;
    }
    expect(readResult('prometheus', checked, []).resultType).toBe(checked.resultType);
  });
});
