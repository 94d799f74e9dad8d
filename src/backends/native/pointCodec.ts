/**
 * How points and bucket states are written in Redis hashes. A plain sample is its value in
 * JavaScript's shortest round-trip form ("21.5"); anything else (a pre-aggregated sample, a
 * rollup bucket) is the seven numbers of a bucket state joined by commas, in the order
 * count,sum,min,max,first,last,sumsq. The Lua ingest script reads and writes the same forms,
 * so the two must change together.
 */
import type { BucketState } from '../../domain/bucketState.js';

export function encodeState(state: BucketState): string {
  if (
    state.count === 1 &&
    state.sum === state.min &&
    state.sum === state.max &&
    state.sum === state.first &&
    state.sum === state.last
  ) {
    return String(state.sum);
  }
  return [state.count, state.sum, state.min, state.max, state.first, state.last, state.sumsq].map(String).join(',');
}

export function decodeState(text: string): BucketState {
  if (!text.includes(',')) {
    const value = Number(text);
    return { count: 1, sum: value, min: value, max: value, first: value, last: value, sumsq: value * value };
  }
  const [count = 0, sum = 0, min = 0, max = 0, first = 0, last = 0, sumsq = 0] = text.split(',').map(Number);
  return { count, sum, min, max, first, last, sumsq };
}
