import { describe, expect, it } from 'vitest';
import { combineAll, EMPTY, stateOfValue } from '../../src/domain/bucketState.js';
import { observe, OBSERVED, parseObserved } from '../../src/domain/calendar/observed.js';
import { UserInputError } from '../../src/errors.js';

describe('observe', () => {
  // Samples in time order: the first is 4, the last is 7.
  const state = combineAll([4, 2, 9, 5, 5, 4, 4, 7].map(stateOfValue));
  it.each([
    { observed: 'summed', expected: 40 },
    { observed: 'averaged', expected: 5 },
    { observed: 'high', expected: 9 },
    { observed: 'low', expected: 2 },
    { observed: 'beginning', expected: 4 },
    { observed: 'end', expected: 7 },
    { observed: 'count', expected: 8 },
  ] as const)('$observed of 4,2,9,5,5,4,4,7 is $expected', ({ observed, expected }) =>
    expect(observe(state, observed)).toBe(expected),
  );

  it.each(OBSERVED)('%s of an empty bucket is null, not 0', (observed) => expect(observe(EMPTY, observed)).toBeNull());
});

describe('parseObserved', () => {
  it.each([
    { name: 'SUMMED', expected: 'summed' },
    { name: 'averaged', expected: 'averaged' },
    { name: 'High', expected: 'high' },
    { name: 'sum', expected: 'summed' },
    { name: 'COUNT', expected: 'count' },
  ])('reads $name as $expected', ({ name, expected }) => expect(parseObserved(name)).toBe(expected));

  it('refuses an unknown function, listing the valid ones', () => {
    expect(() => parseObserved('median')).toThrow(
      'unknown observed function "median": use one of summed, averaged, high, low, beginning, end, count',
    );
    expect(() => parseObserved('median')).toThrow(UserInputError);
  });
});
