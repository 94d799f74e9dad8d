/**
 * The cursors clients hold (src/graphql/cursors.ts): each key's text is written out by hand, as
 * the lists have always made it, and a string a list did not make is a coded refusal on `after`.
 */
import { describe, expect, it } from 'vitest';
import { connection } from '../../src/graphql/connection.js';
import { metricCursor, seriesCursor, timeseriesCursor, usageCursor } from '../../src/graphql/cursors.js';

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('cursor texts', () => {
  it.each([
    ['metrics', metricCursor.encode({ name: 'cpu.user', backend: 'native' }), 'bWV0cmljOlsiY3B1LnVzZXIiLCJuYXRpdmUiXQ'],
    ['metrics', metricCursor.encode({ name: 'ü', backend: 'prometheus' }), 'bWV0cmljOlsiw7wiLCJwcm9tZXRoZXVzIl0'],
    ['metricTimeseriesList', timeseriesCursor.encode('b-monthly'), 'dGltZXNlcmllczpiLW1vbnRobHk'],
    ['series', seriesCursor.encode(2), 'c2VyaWVzOjI'],
    ['usageMetrics', usageCursor.encode('1765000000000-0'), 'dXNhZ2U6MTc2NTAwMDAwMDAwMC0w'],
  ])('%s writes %s as before', (_list, cursor, expected) => {
    expect(cursor).toBe(expected);
  });

  it.each([
    [
      'metrics',
      () => metricCursor.decode('bWV0cmljOlsiY3B1LnVzZXIiLCJuYXRpdmUiXQ'),
      { name: 'cpu.user', backend: 'native' },
    ],
    ['metricTimeseriesList', () => timeseriesCursor.decode('dGltZXNlcmllczpiLW1vbnRobHk'), 'b-monthly'],
    ['metricTimeseriesList', () => timeseriesCursor.decode('dGltZXNlcmllczo'), ''],
    ['series', () => seriesCursor.decode('c2VyaWVzOjI'), 2],
    ['usageMetrics', () => usageCursor.decode('dXNhZ2U6MTc2NTAwMDAwMDAwMC0w'), '1765000000000-0'],
  ])('%s reads its own cursor back', (_list, decode, key) => {
    expect(decode()).toEqual(key);
  });

  it.each([
    ['metrics', () => metricCursor.decode('bm9wZQ'), 'after is not a cursor that metrics returned'],
    ['metrics', () => metricCursor.decode('bWV0cmljOlsxLCJuYXRpdmUiXQ'), 'after is not a cursor that metrics returned'],
    ['metrics', () => metricCursor.decode('c2VyaWVzOjI'), 'after is not a cursor that metrics returned'],
    [
      'metricTimeseriesList',
      () => timeseriesCursor.decode('not-a-cursor'),
      'after is not a cursor of this list: pass an edge cursor or endCursor',
    ],
    ['series', () => seriesCursor.decode('c2VyaWVzOng'), 'after is not a cursor this query returned'],
    ['series', () => seriesCursor.decode('dGltZXNlcmllczpiLW1vbnRobHk'), 'after is not a cursor this query returned'],
    [
      'usageMetrics',
      () => usageCursor.decode('dXNhZ2U6MS14'),
      'after is not a cursor of usageMetrics: pass an edge cursor or endCursor',
    ],
  ])('%s refuses a string it did not write, as BAD_USER_INPUT on after', (_list, decode, message) => {
    expect(thrownBy(decode)).toMatchObject({ code: 'BAD_USER_INPUT', message, details: { field: 'after' } });
  });

  it('no after is no key', () => {
    expect(metricCursor.decodeAfter(null)).toBeNull();
    expect(usageCursor.decodeAfter(undefined)).toBeNull();
  });
});

describe('connection', () => {
  const cursorOf = (id: string) => `c-${id}`;

  it("ends at the last edge's cursor unless the page says where it ends", () => {
    expect(connection(['a', 'b'], cursorOf, { hasNextPage: true })).toEqual({
      edges: [
        { cursor: 'c-a', node: 'a' },
        { cursor: 'c-b', node: 'b' },
      ],
      pageInfo: { hasNextPage: true, endCursor: 'c-b' },
    });
    expect(connection(['a'], cursorOf, { hasNextPage: true, endCursor: 'c-z' }).pageInfo).toEqual({
      hasNextPage: true,
      endCursor: 'c-z',
    });
  });

  it('an empty page has no end cursor', () => {
    expect(connection([], cursorOf, { hasNextPage: false })).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });
});
