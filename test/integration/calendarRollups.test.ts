/**
 * Calendar buckets read from the rollups alone: after ingest every raw chunk of the series is
 * deleted from Redis, so whatever a calendar still answers exactly came from the 15-minute,
 * hourly and daily rollups, and the `level` field says which. A second gateway on the same keys,
 * with a later clock and shorter retention, shows how retention decides the levels read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ingest,
  series,
  SITE_A,
  startCalendarGateway,
  TENANT,
  TestClock,
  type Ask,
} from '../harness/calendarGateway.js';
import { at, DAY, days, expectedPoints, months, OBSERVED, slots } from '../harness/calendarOracle.js';
import type { TestGateway } from '../harness/gateway.js';
import { harnessRedis, keysMatching } from '../harness/redis.js';
import { createToken } from '../harness/tokens.js';

/** A month and a half after the data: past 7 days of raw points and 30 of quarter hours. */
const LATER = at('2027-01-15T00:00:00Z');
const laterClock = new TestClock(LATER);
let gateway: TestGateway;
let later: TestGateway;
let viewer: string;

beforeAll(async () => {
  gateway = await startCalendarGateway();
  const recorder = (await createToken(gateway, { role: 'RECORDER', tenant: TENANT })).secret;
  viewer = (await createToken(gateway, { role: 'VIEWER', tenant: TENANT })).secret;
  await ingest(gateway, recorder, { site: 'a' }, 'energy', SITE_A);
  const redis = harnessRedis();
  try {
    await redis.ping(); // a Cluster client knows its nodes only once connected
    const raw = await keysMatching(redis, `${gateway.keyPrefix}:{s:${TENANT}:*}:raw:*`);
    expect(raw.length).toBeGreaterThan(700);
    for (const key of raw) await redis.unlink(key);
  } finally {
    await redis.quit();
  }
  later = await startCalendarGateway({
    keyPrefix: gateway.keyPrefix,
    clock: laterClock,
    retentionDays: { raw: 7, r900: 30, r3600: 730, r86400: 3_650 },
  });
});
afterAll(async () => {
  await later.close();
  await gateway.close();
});

const read = (ask: Ask, on: TestGateway = gateway) => series({ on, token: viewer }, ask);

describe('rollups compose calendar buckets without raw points', () => {
  it('a Berlin month is exact from daily and hourly rollups alone (level 86400,3600)', async () => {
    const buckets = months('Europe/Berlin', '2026-10', '2026-11');
    for (const observed of OBSERVED) {
      for (const on of [gateway, later]) {
        const result = await read(
          { calendar: '#P1M', observed, range: 'between(2026-10, 2026-11)', timeZone: 'Europe/Berlin' },
          on,
        );
        expect(result.points, observed).toEqual(expectedPoints(SITE_A, buckets, observed));
        expect(result.level).toBe('86400,3600');
        expect(result.complete).toBe(true);
      }
    }
  });

  it('Kathmandu days are exact from hourly and quarter-hour rollups alone (level 3600,900)', async () => {
    const buckets = days('Asia/Kathmandu', '2026-11-08', '2026-11-11');
    for (const observed of OBSERVED) {
      const result = await read({
        calendar: '#P1D',
        observed,
        range: 'between(2026-11-08, 2026-11-11)',
        timeZone: 'Asia/Kathmandu',
      });
      expect(result.points, observed).toEqual(expectedPoints(SITE_A, buckets, observed));
      expect(result.level).toBe('3600,900');
    }
  });

  it('a #PT5M calendar needs raw points: with them gone its buckets are empty', async () => {
    const result = await read({
      calendar: '#PT5M',
      observed: 'COUNT',
      range: 'between(2026-11-10T12:00Z, 2026-11-10T13:00Z)',
    });
    expect(result.level).toBe('RAW');
    expect(result.points.every((point) => point.count === 0 && point.value === null)).toBe(true);
  });
});

describe('retention decides the levels read', () => {
  it('past the quarter hours’ retention a Kathmandu day reads its edges raw, and without raw points loses them', async () => {
    const result = await read(
      { calendar: '#P1D', observed: 'COUNT', range: 'between(2026-11-08, 2026-11-11)', timeZone: 'Asia/Kathmandu' },
      later,
    );
    expect(result.level).toBe('3600,RAW');
    expect(result.complete).toBe(false); // the edges' quarter hours are past every level that holds them
    // Only the whole UTC hours inside each local day are left: 19:00Z to 18:00Z.
    const hoursOnly = days('Asia/Kathmandu', '2026-11-08', '2026-11-11').map((bucket) => ({
      ...bucket,
      start: { ...bucket.start, t: bucket.start.t + 45 * 60 },
      end: { ...bucket.end, t: bucket.end.t - 15 * 60 },
    }));
    expect(result.points).toEqual(expectedPoints(SITE_A, hoursOnly, 'COUNT'));
    expect(result.points.map((point) => point.count)).toEqual([23 * 4, 23 * 4, 23 * 4, 23 * 4]);
  });

  it('a bucket straddling the quarter hours’ retention reads the quarters still held', async () => {
    // 30 days of quarter hours, seen on 12-10 at 12:00Z: held from 11-10 12:00Z on.
    const heldFrom = at('2026-11-10T12:00:00Z');
    laterClock.seconds = heldFrom + 30 * DAY;
    try {
      const result = await read(
        { calendar: '#PT1H', observed: 'SUMMED', range: '2026-11-10', timeZone: 'Asia/Kathmandu' },
        later,
      );
      expect(result.level).toBe('900,RAW');
      const held = slots('Asia/Kathmandu', '2026-11-10', 3_600).map((bucket) => ({
        ...bucket,
        start: { ...bucket.start, t: Math.max(bucket.start.t, Math.min(heldFrom, bucket.end.t)) },
      }));
      expect(result.points).toEqual(expectedPoints(SITE_A, held, 'SUMMED'));
      // 17:00 local is 11:15Z to 12:15Z: only its last quarter is held, with the sample at 12:07Z.
      expect(result.points.find((point) => point.label === '2026-11-10T17:00')?.count).toBe(1);
    } finally {
      laterClock.seconds = LATER;
    }
  });
});
