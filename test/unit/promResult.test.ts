import { describe, expect, it } from 'vitest';
import { sampleValue } from '../../src/domain/promqlResult.js';

describe('sampleValue reads the values Prometheus writes as strings', () => {
  it.each([
    ['0.5', 0.5],
    ['-12', -12],
    ['1e+21', 1e21],
    ['5e-324', 5e-324],
    ['0', 0],
    ['NaN', Number.NaN],
    ['+Inf', Number.POSITIVE_INFINITY],
    ['Inf', Number.POSITIVE_INFINITY],
    ['-Inf', Number.NEGATIVE_INFINITY],
  ])('%s → %d', (text, value) => expect(sampleValue(text)).toBe(value));
});
