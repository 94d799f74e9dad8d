/**
 * Observed functions: how a calendar bucket's samples become one value, as the OpenDataDSL
 * reference names them (summed, averaged, high, low, beginning, end) plus count.
 *
 * The rule: each is read from the bucket's state through `summarize` (bucketState.ts) and
 * nothing else, so a value is the same whichever backend supplied the state and however it
 * was combined; an empty bucket has no value (null), never 0.
 */
import { UserInputError } from '../../errors.js';
import { type BucketState, summarize, type SummaryFunction } from '../bucketState.js';

export const OBSERVED = ['summed', 'averaged', 'high', 'low', 'beginning', 'end', 'count'] as const;
export type Observed = (typeof OBSERVED)[number];

const SUMMARY_OF: Readonly<Record<Observed, SummaryFunction>> = {
  summed: 'sum',
  averaged: 'mean',
  high: 'max',
  low: 'min',
  beginning: 'first',
  end: 'last',
  count: 'count',
};

/** The bucket's observed value; null for an empty bucket. */
export function observe(state: BucketState, observed: Observed): number | null {
  return summarize(state, SUMMARY_OF[observed]);
}

/**
 * Reads an observed function's name, in any case (`SUMMED` from the schema's enum, `summed`
 * from the reference), and the reference's REST alias `sum`.
 */
export function parseObserved(name: string): Observed {
  const lower = name.toLowerCase();
  if (lower === 'sum') return 'summed';
  const found = OBSERVED.find((observed) => observed === lower);
  if (found === undefined) {
    throw new UserInputError(`unknown observed function "${name}": use one of ${OBSERVED.join(', ')}`, {
      field: 'observed',
    });
  }
  return found;
}
