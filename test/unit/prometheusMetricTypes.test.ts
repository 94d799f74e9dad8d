import { describe, expect, it, test } from 'vitest';
import { isCumulative, typeMetrics } from '../../src/backends/prometheus/metricTypes.js';

const names = [
  'http_requests_total',
  'request_seconds_bucket',
  'request_seconds_sum',
  'request_seconds_count',
  'rpc_seconds_sum',
  'rpc_seconds_count',
  'node_temperature_celsius',
  'orphan_count',
  'up',
];

describe('metric types without metadata follow naming conventions', () => {
  const typed = new Map(typeMetrics(names, {}).map((metric) => [metric.name, metric]));
  test.each([
    ['http_requests_total', 'counter'],
    ['request_seconds_bucket', 'histogram'],
    ['request_seconds_sum', 'histogram'],
    ['request_seconds_count', 'histogram'],
    ['rpc_seconds_sum', 'summary'],
    ['rpc_seconds_count', 'summary'],
    ['node_temperature_celsius', 'unknown'],
    ['orphan_count', 'unknown'],
    ['up', 'unknown'],
  ])('%s is a %s', (name, type) => {
    expect(typed.get(name)).toMatchObject({ type, source: 'name' });
  });
});

describe('metadata wins over names', () => {
  test('a declared gauge named like a counter stays a gauge, with its help and unit', () => {
    const [metric] = typeMetrics(['queue_total'], {
      queue_total: [{ type: 'gauge', help: 'Items queued.', unit: '' }],
    });
    expect(metric).toEqual({
      name: 'queue_total',
      type: 'gauge',
      source: 'metadata',
      help: 'Items queued.',
      unit: null,
    });
  });

  test("a histogram's series take the family's metadata", () => {
    const typed = typeMetrics(['latency_seconds_bucket', 'latency_seconds_sum'], {
      latency_seconds: [{ type: 'histogram', help: 'Latency.', unit: 'seconds' }],
    });
    expect(typed.map(({ type, source, unit }) => ({ type, source, unit }))).toEqual([
      { type: 'histogram', source: 'metadata', unit: 'seconds' },
      { type: 'histogram', source: 'metadata', unit: 'seconds' },
    ]);
  });

  test('metadata typed unknown falls back to the name', () => {
    const [metric] = typeMetrics(['jobs_total'], { jobs_total: [{ type: 'unknown', help: '', unit: '' }] });
    expect(metric).toMatchObject({ type: 'counter', source: 'name' });
  });
});

describe('isCumulative: which series calendars aggregate as increases', () => {
  it.each([
    ['http_requests_total', 'counter', true],
    ['http_duration_seconds_bucket', 'histogram', true],
    ['http_duration_seconds_sum', 'histogram', true],
    ['http_duration_seconds_count', 'summary', true],
    ['rpc_duration_seconds', 'summary', false],
    ['queue_size_bucket', 'gaugehistogram', false],
    ['temperature', 'gauge', false],
    ['something_count', 'unknown', false],
  ] as const)('%s (%s) → %s', (name, type, cumulative) => expect(isCumulative(name, type)).toBe(cumulative));
});
