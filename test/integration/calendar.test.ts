/**
 * Calendar aggregation end to end: measurements posted to /v1/measurements at known times and
 * values, read back over GraphQL as calendar buckets in several time zones, and checked against
 * values computed from the samples sent (harness/calendarOracle.ts), never by the engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BOTH,
  ingest,
  post,
  series,
  SITE_A,
  SITE_A_ONLY,
  SITE_B,
  startCalendarGateway,
  TENANT,
  type Ask,
} from '../harness/calendarGateway.js';
import {
  at,
  days,
  expectedPoints,
  months,
  OBSERVED,
  quarters,
  slots,
  weeks,
  written,
  years,
  type Observed,
} from '../harness/calendarOracle.js';
import type { TestGateway } from '../harness/gateway.js';
import { createToken } from '../harness/tokens.js';

let gateway: TestGateway;
let recorder: string;
beforeAll(async () => {
  gateway = await startCalendarGateway();
  recorder = (await createToken(gateway, { role: 'RECORDER', tenant: TENANT })).secret;
  await ingest(gateway, recorder, { site: 'a' }, 'energy', SITE_A);
  await ingest(gateway, recorder, { site: 'b' }, 'energy', SITE_B);
});
afterAll(() => gateway.close());

const read = (ask: Ask) => series({ on: gateway, token: recorder }, ask);

describe('virtualTimeseries: local days, weeks, months, quarters and years', () => {
  it('New York days across the end of daylight saving time: 11-01 lasts 25 hours, every observed exact', async () => {
    const buckets = days('America/New_York', '2026-10-30', '2026-11-03');
    expect(buckets[2]).toMatchObject({
      label: '2026-11-01',
      start: { iso: '2026-11-01T00:00:00-04:00' },
      end: { iso: '2026-11-02T00:00:00-05:00', t: at('2026-11-01T04:00:00Z') + 25 * 3_600 },
    });
    for (const observed of OBSERVED) {
      const result = await read({
        calendar: '#P1D',
        observed,
        range: 'between(2026-10-30, 2026-11-03)',
        timeZone: 'America/New_York',
        filter: SITE_A_ONLY,
      });
      expect(result.points, observed).toEqual(expectedPoints(SITE_A, buckets, observed));
      expect(result).toMatchObject({
        metric: 'native/energy',
        calendar: '#P1D',
        observed,
        timeZone: 'America/New_York',
        start: '2026-10-30T00:00:00-04:00',
        end: '2026-11-04T00:00:00-05:00',
        level: '3600',
        seriesCount: 1,
      });
    }
    // The edge samples fall on the right side of local midnight (10-31 also holds Berlin's two).
    const counts = await read({
      calendar: '#P1D',
      observed: 'COUNT',
      range: 'between(2026-10-31, 2026-11-02)',
      timeZone: 'America/New_York',
      filter: SITE_A_ONLY,
    });
    expect(counts.points.map((point) => point.count)).toEqual([24 * 4 + 3, 25 * 4 + 1, 24 * 4 + 1]);
  });

  it('hourly New York buckets repeat the hour 01:00 with two offsets', async () => {
    const result = await read({
      calendar: '#PT1H',
      observed: 'SUMMED',
      range: 'between(2026-11-01T00:00, 2026-11-01T03:00)',
      timeZone: 'America/New_York',
      filter: SITE_A_ONLY,
    });
    const buckets = written([
      ['2026-11-01T00:00', '2026-11-01T00:00:00-04:00', '2026-11-01T01:00:00-04:00'],
      ['2026-11-01T01:00', '2026-11-01T01:00:00-04:00', '2026-11-01T01:00:00-05:00'],
      ['2026-11-01T01:00', '2026-11-01T01:00:00-05:00', '2026-11-01T02:00:00-05:00'],
      ['2026-11-01T02:00', '2026-11-01T02:00:00-05:00', '2026-11-01T03:00:00-05:00'],
    ]);
    expect(result.points).toEqual(expectedPoints(SITE_A, buckets, 'SUMMED'));
    expect(result.points.map((point) => point.count)).toEqual([5, 4, 4, 4]);
  });

  it('Kolkata days start at +05:30 and read quarter hours at their edges', async () => {
    const buckets = days('Asia/Kolkata', '2026-11-08', '2026-11-11');
    for (const observed of OBSERVED) {
      const result = await read({
        calendar: '#P1D',
        observed,
        range: 'between(2026-11-08, 2026-11-11)',
        timeZone: 'Asia/Kolkata',
        filter: SITE_A_ONLY,
      });
      expect(result.points, observed).toEqual(expectedPoints(SITE_A, buckets, observed));
      expect(result).toMatchObject({ start: '2026-11-08T00:00:00+05:30', level: '3600,900' });
    }
  });

  it('Kathmandu days start at +05:45: the sample at 18:15:00Z begins 11-10, the one a second earlier ends 11-09', async () => {
    const buckets = days('Asia/Kathmandu', '2026-11-08', '2026-11-11');
    expect(buckets[2]?.start.iso).toBe('2026-11-10T00:00:00+05:45');
    for (const observed of OBSERVED) {
      const result = await read({
        calendar: '#P1D',
        observed,
        range: 'between(2026-11-08, 2026-11-11)',
        timeZone: 'Asia/Kathmandu',
        filter: SITE_A_ONLY,
      });
      expect(result.points, observed).toEqual(expectedPoints(SITE_A, buckets, observed));
      expect(result).toMatchObject({
        start: '2026-11-08T00:00:00+05:45',
        end: '2026-11-12T00:00:00+05:45',
        level: '3600,900',
      });
    }
    const day = (range: string, observed: Observed) =>
      read({ calendar: '#P1D', observed, range, timeZone: 'Asia/Kathmandu', filter: SITE_A_ONLY });
    expect((await day('2026-11-10', 'BEGINNING')).points.map((point) => point.value)).toEqual([505]);
    expect((await day('2026-11-09', 'END')).points.map((point) => point.value)).toEqual([506]);
  });

  it('Berlin months are composed of daily and hourly rollups, every observed exact', async () => {
    const buckets = months('Europe/Berlin', '2026-10', '2026-11');
    expect(buckets.map((bucket) => [bucket.start.iso, bucket.end.iso])).toEqual([
      ['2026-10-01T00:00:00+02:00', '2026-11-01T00:00:00+01:00'],
      ['2026-11-01T00:00:00+01:00', '2026-12-01T00:00:00+01:00'],
    ]);
    for (const observed of OBSERVED) {
      const result = await read({
        calendar: '#P1M',
        observed,
        range: 'between(2026-10, 2026-11)',
        timeZone: 'Europe/Berlin',
        filter: SITE_A_ONLY,
      });
      expect(result.points, observed).toEqual(expectedPoints(SITE_A, buckets, observed));
      expect(result.level).toBe('86400,3600');
    }
  });

  it('New York and UTC months over both series', async () => {
    for (const observed of ['SUMMED', 'AVERAGED', 'HIGH', 'LOW', 'COUNT'] as const) {
      const range = 'between(2026-10, 2026-11)';
      const newYork = await read({ calendar: '#P1M', observed, range, timeZone: 'America/New_York' });
      expect(newYork.points, observed).toEqual(
        expectedPoints(BOTH, months('America/New_York', '2026-10', '2026-11'), observed),
      );
      expect(newYork).toMatchObject({ seriesCount: 2, level: '86400,3600' });
      const utc = await read({ calendar: '#P1M', observed, range });
      expect(utc.points, observed).toEqual(expectedPoints(BOTH, months('UTC', '2026-10', '2026-11'), observed));
      expect(utc).toMatchObject({ timeZone: 'UTC', start: '2026-10-01T00:00:00+00:00', level: '86400' });
    }
  });

  it('ISO weeks, quarters and years carry their labels and local bounds', async () => {
    const berlinWeeks = weeks('Europe/Berlin', '2026-10-19', '2026-11-02');
    expect(berlinWeeks.map((bucket) => [bucket.label, bucket.start.iso, bucket.end.iso])).toEqual([
      ['2026-W43', '2026-10-19T00:00:00+02:00', '2026-10-26T00:00:00+01:00'],
      ['2026-W44', '2026-10-26T00:00:00+01:00', '2026-11-02T00:00:00+01:00'],
      ['2026-W45', '2026-11-02T00:00:00+01:00', '2026-11-09T00:00:00+01:00'],
    ]);
    const cases = [
      ['#P1W', 'between(2026-10-19, 2026-11-08)', 'Europe/Berlin', berlinWeeks, '86400,3600'],
      [
        '#P3M',
        'between(2026-09, 2026-10)',
        'Asia/Kathmandu',
        quarters('Asia/Kathmandu', '2026-07', '2026-10'),
        '86400,3600,900',
      ],
      ['#P1Y', '2026', 'Asia/Kolkata', years('Asia/Kolkata', '2026', '2026'), '86400,3600,900'],
    ] as const;
    for (const [calendar, range, timeZone, buckets, level] of cases) {
      for (const observed of ['SUMMED', 'COUNT', 'HIGH'] as const) {
        const result = await read({ calendar, range, timeZone, observed });
        expect(result.points, `${calendar} ${observed}`).toEqual(expectedPoints(BOTH, buckets, observed));
        expect(result.level).toBe(level);
      }
    }
  });

  it('quarter-hour and hourly Kathmandu slots start at :15 and :45 UTC and read only quarter hours', async () => {
    for (const [calendar, seconds] of [
      ['#PT15M', 900],
      ['#PT1H', 3_600],
    ] as const) {
      const result = await read({
        calendar,
        observed: 'END',
        range: '2026-11-10',
        timeZone: 'Asia/Kathmandu',
        filter: SITE_A_ONLY,
      });
      const buckets = slots('Asia/Kathmandu', '2026-11-10', seconds);
      expect(buckets[0]).toMatchObject({ label: '2026-11-10T00:00', start: { iso: '2026-11-10T00:00:00+05:45' } });
      expect(result.points, calendar).toEqual(expectedPoints(SITE_A, buckets, 'END'));
      expect(result.level).toBe('900');
    }
  });

  it('a #PT5M calendar reads raw points', async () => {
    const result = await read({
      calendar: '#PT5M',
      observed: 'SUMMED',
      range: 'between(2026-11-10T12:00Z, 2026-11-10T13:00Z)',
      filter: SITE_A_ONLY,
    });
    const buckets = slots('UTC', '2026-11-10', 300).slice(12 * 12, 13 * 12);
    expect(buckets[0]?.label).toBe('2026-11-10T12:00');
    expect(result.points).toEqual(expectedPoints(SITE_A, buckets, 'SUMMED'));
    expect(result.points.filter((point) => point.count > 0)).toHaveLength(4);
    expect(result.level).toBe('RAW');
  });
});

describe('virtualTimeseries: what buckets hold', () => {
  it('buckets without samples come back null with count 0, and omitEmpty leaves them out', async () => {
    const ask: Ask = {
      calendar: '#P1D',
      observed: 'SUMMED',
      range: 'between(2026-12-01, 2026-12-03)',
      timeZone: 'America/New_York',
    };
    const all = await read(ask);
    expect(all.points).toEqual(expectedPoints(BOTH, days('America/New_York', '2026-12-01', '2026-12-03'), 'SUMMED'));
    expect(all.points.map((point) => [point.value === null, point.count])).toEqual([
      [false, 2 * 19 * 4],
      [true, 0],
      [true, 0],
    ]);
    expect((await read({ ...ask, omitEmpty: true })).points).toEqual(all.points.slice(0, 1));
  });

  it('a range before any data gives empty buckets', async () => {
    const result = await read({ calendar: '#P1M', observed: 'SUMMED', range: '2025', timeZone: 'Europe/Berlin' });
    expect(result.points.map((point) => [point.label, point.value, point.count])).toEqual(
      Array.from({ length: 12 }, (_, index) => [`2025-${String(index + 1).padStart(2, '0')}`, null, 0]),
    );
  });

  it('pre-aggregated samples count as their samples: count, sum, min, max and last carry through', async () => {
    await post(gateway, recorder, {
      tags: { site: 'a' },
      measurements: [
        { time: at('2026-11-09T18:10:00Z'), count: 4, sum: 40, min: 2, max: 20, last: 5 },
        { time: at('2026-11-09T18:20:00Z'), count: 2, sum: 10, min: 4, max: 6, last: 6 },
        { time: at('2026-11-10T06:00:00Z'), count: 3, sum: 30, min: 1, max: 25, last: 9 },
        { time: at('2026-11-10T18:14:00Z'), count: 5, sum: 100, min: 10, max: 30, last: 12 },
        { time: at('2026-11-10T18:16:00Z'), count: 1, sum: 7 },
      ].map((summary) => ({ name: 'latency', ...summary })),
    });
    // Kathmandu days: 11-09 ends at 18:15Z. A summary's first value is its mean (sum / count).
    const expected: Record<Observed, number[]> = {
      SUMMED: [40, 140, 7],
      AVERAGED: [10, 14, 7],
      HIGH: [20, 30, 7],
      LOW: [2, 1, 7],
      BEGINNING: [10, 5, 7],
      END: [5, 12, 7],
      COUNT: [4, 10, 1],
    };
    for (const observed of OBSERVED) {
      const result = await read({
        metric: 'latency',
        calendar: '#P1D',
        observed,
        range: 'between(2026-11-09, 2026-11-11)',
        timeZone: 'Asia/Kathmandu',
      });
      expect(
        result.points.map((point) => point.value),
        observed,
      ).toEqual(expected[observed]);
      expect(result.points.map((point) => point.count)).toEqual([4, 10, 1]);
      expect(result.level).toBe('3600,900');
    }
  });

  it('BEGINNING and END over several series are the earliest and latest sample of any of them', async () => {
    // Whichever order the series are indexed in, taking one series' first and another's last
    // would be wrong for one of them: x holds both the earliest and the latest sample.
    await ingest(gateway, recorder, { site: 'x' }, 'spread', [
      { time: at('2026-11-02T06:07:00Z'), value: 10 },
      { time: at('2026-11-28T06:07:00Z'), value: 71 },
      { time: at('2026-11-09T18:20:00Z'), value: 1 },
      { time: at('2026-11-10T18:10:00Z'), value: 3 },
    ]);
    await ingest(gateway, recorder, { site: 'y' }, 'spread', [
      { time: at('2026-11-15T06:07:00Z'), value: 50 },
      { time: at('2026-11-10T06:07:00Z'), value: 2 },
    ]);
    const ends = (ask: Omit<Ask, 'observed'>) =>
      Promise.all(
        (['BEGINNING', 'END'] as const).map(async (observed) => {
          const result = await read({ ...ask, observed, metric: 'spread' });
          expect(result.seriesCount).toBe(2);
          return result.points.map((point) => point.value);
        }),
      );
    // A Berlin month: the samples lie in different daily rollups.
    expect(await ends({ calendar: '#P1M', range: '2026-11', timeZone: 'Europe/Berlin' })).toEqual([[10], [71]]);
    // A Kathmandu day: x's samples lie in the quarter hours at its edges, y's in an hour between.
    expect(await ends({ calendar: '#P1D', range: '2026-11-10', timeZone: 'Asia/Kathmandu' })).toEqual([[1], [3]]);
  });
});

describe('calendar values follow the store', () => {
  const berlin: Ask = {
    calendar: '#P1M',
    observed: 'SUMMED',
    range: 'between(2026-10, 2026-11)',
    timeZone: 'Europe/Berlin',
  };
  const berlinMonths = months('Europe/Berlin', '2026-10', '2026-11');
  const kathmandu: Ask = { calendar: '#P1D', observed: 'HIGH', range: '2026-11-10', timeZone: 'Asia/Kathmandu' };

  it('re-sending a batch changes no calendar value', async () => {
    await ingest(gateway, recorder, { site: 'a' }, 'energy', SITE_A);
    expect((await read(berlin)).points).toEqual(expectedPoints(BOTH, berlinMonths, 'SUMMED'));
  });

  it('a replaced point changes every bucket that holds it, at every level', async () => {
    const target = SITE_A.find((sample) => sample.time === at('2026-11-10T03:07:00Z'));
    if (!target) throw new Error('no sample at 03:07');
    const replaced = BOTH.map((sample) => (sample === target ? { ...sample, value: 9_999 } : sample));
    await ingest(gateway, recorder, { site: 'a' }, 'energy', [{ ...target, value: 9_999 }]);
    try {
      expect((await read(berlin)).points).toEqual(expectedPoints(replaced, berlinMonths, 'SUMMED'));
      expect((await read(kathmandu)).points.map((point) => point.value)).toEqual([9_999]);
    } finally {
      await ingest(gateway, recorder, { site: 'a' }, 'energy', [target]);
    }
    expect((await read(berlin)).points).toEqual(expectedPoints(BOTH, berlinMonths, 'SUMMED'));
    expect((await read(kathmandu)).points).toEqual(
      expectedPoints(BOTH, days('Asia/Kathmandu', '2026-11-10', '2026-11-10'), 'HIGH'),
    );
  });
});
