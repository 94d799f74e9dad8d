/**
 * The arguments of calendar queries against a real gateway: the forms a metric is named in,
 * tag filters, `Metric.calendar`, ranges relative to the gateway's clock, the errors of each
 * argument with their codes and messages, and the query limits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARGUMENTS,
  BOTH,
  failure,
  ingest,
  PASS,
  series,
  SERIES_FIELDS,
  SITE_A,
  SITE_A_ONLY,
  SITE_B,
  startCalendarGateway,
  TENANT,
  type Ask,
  type CalendarSeries,
} from '../harness/calendarGateway.js';
import { days, expectedPoints, months, type Sample } from '../harness/calendarOracle.js';
import type { TestGateway } from '../harness/gateway.js';
import { createToken, query } from '../harness/tokens.js';

let gateway: TestGateway;
let recorder: string;
let viewer: string;
beforeAll(async () => {
  gateway = await startCalendarGateway();
  recorder = (await createToken(gateway, { role: 'RECORDER', tenant: TENANT })).secret;
  viewer = (await createToken(gateway, { role: 'VIEWER', tenant: TENANT })).secret;
  await ingest(gateway, recorder, { site: 'a' }, 'energy', SITE_A);
  await ingest(gateway, recorder, { site: 'b' }, 'energy', SITE_B);
  const other = (await createToken(gateway, { role: 'RECORDER', tenant: 'calendar_other' })).secret;
  await ingest(gateway, other, { site: 'a' }, 'elsewhere', SITE_A.slice(0, 10));
});
afterAll(() => gateway.close());

const read = (ask: Ask) => series({ on: gateway, token: viewer }, ask);
const refused = (ask: Ask) => failure({ on: gateway, token: viewer }, ask);

describe('virtualTimeseries: metric forms and filters', () => {
  const utcDays = { calendar: '#P1D', observed: 'SUMMED', range: 'between(2026-11-20, 2026-11-22)' } as const;
  const expectedDays = (samples: readonly Sample[]) =>
    expectedPoints(samples, days('UTC', '2026-11-20', '2026-11-22'), 'SUMMED');

  it('"native/energy", "Native/ENERGY" and bare "energy" read the same metric', async () => {
    const bare = await read({ ...utcDays, metric: 'energy' });
    expect(bare).toMatchObject({ metric: 'native/energy', seriesCount: 2 });
    expect(bare.points).toEqual(expectedDays(BOTH));
    expect(await read({ ...utcDays, metric: 'native/energy' })).toEqual(bare);
    expect(await read({ ...utcDays, metric: 'Native/ENERGY' })).toEqual(bare);
  });

  it.each([
    ['site=b', [{ name: 'site', value: 'b' }], SITE_B, 1],
    ['site=!a (negation)', [{ name: 'site', value: '!a' }], SITE_B, 1],
    ['site=A (values ignore case)', [{ name: 'site', value: 'A' }], SITE_A, 1],
    ['site=* (any value)', [{ name: 'site', value: '*' }], BOTH, 2],
    [
      'site=a, site=b (one name ORs)',
      [
        { name: 'site', value: 'a' },
        { name: 'site', value: 'b' },
      ],
      BOTH,
      2,
    ],
    ['* (every series)', [{ name: '*', value: '*' }], BOTH, 2],
  ] as const)('filter %s selects its series', async (_name, filter, samples, count) => {
    const result = await read({ ...utcDays, filter: [...filter] });
    expect(result.seriesCount).toBe(count);
    expect(result.points).toEqual(expectedDays(samples));
  });

  it('a filter no series matches gives empty buckets and level NONE', async () => {
    const result = await read({ ...utcDays, filter: [{ name: '!site', value: '*' }] });
    expect(result).toMatchObject({ seriesCount: 0, level: 'NONE' });
    expect(result.points.map((point) => [point.value, point.count])).toEqual([
      [null, 0],
      [null, 0],
      [null, 0],
    ]);
  });

  it('Metric.calendar gives what virtualTimeseries gives', async () => {
    const ask = { ...utcDays, timeZone: 'Asia/Kathmandu', filter: SITE_A_ONLY, omitEmpty: true } as const;
    const { data, errors } = await query<{ metric: { name: string; calendar: CalendarSeries } }>(
      gateway,
      `query (${ARGUMENTS}) { metric(name: "energy") { name calendar(${PASS}) { ${SERIES_FIELDS} } } }`,
      { token: viewer, variables: ask },
    );
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    expect(data?.metric.calendar).toEqual(await read(ask));
    expect(data?.metric.calendar.points).toEqual(
      expectedPoints(SITE_A, days('Asia/Kathmandu', '2026-11-20', '2026-11-22'), 'SUMMED'),
    );
  });

  it('relative ranges follow the gateway clock', async () => {
    const lastMonth = await read({ calendar: '#P1M', observed: 'COUNT', range: 'T-1M/M', timeZone: 'Europe/Berlin' });
    expect(lastMonth.points).toEqual(expectedPoints(BOTH, months('Europe/Berlin', '2026-11', '2026-11'), 'COUNT'));
  });
});

describe('virtualTimeseries: errors', () => {
  const ask: Ask = { calendar: '#P1D', observed: 'SUMMED', range: '2026-11-10' };

  it('an unknown calendar code lists the valid forms', async () => {
    const error = await refused({ ...ask, calendar: '#P2D' });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'calendar' });
    expect(error.message).toMatch(/^unknown calendar "#P2D": use #PT\{n\}S, #PT\{n\}M or #PT\{n\}H/);
    expect(error.message).toContain('#P1D, #P1W (ISO week), #P1M, #P3M (quarter) or #P1Y');
    expect((await refused({ ...ask, calendar: '#PT7M' })).message).toMatch(
      /^calendar "#PT7M": 7 minutes does not divide a day/,
    );
  });

  it('a range syntax error gives the column', async () => {
    const error = await refused({ ...ask, range: 'between(2026-11-01; 2026-11-03)' });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'range', position: 19 });
    expect(error.message).toMatch(/^at 19: expected /);
  });

  it('an unknown time zone is named', async () => {
    const error = await refused({ ...ask, timeZone: 'Mars/Olympus_Mons' });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'timeZone' });
    expect(error.message).toMatch(/^unknown time zone "Mars\/Olympus_Mons": use an IANA time zone name/);
  });

  it('an unknown provider is NOT_FOUND and lists the providers', async () => {
    const error = await refused({ ...ask, metric: 'nowhere/energy' });
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', provider: 'nowhere' });
    expect(error.message).toBe('no provider "nowhere": use one of AlmanacRequest, native, prometheus');
  });

  it("an unknown metric is NOT_FOUND, and so is another tenant's", async () => {
    const error = await refused({ ...ask, metric: 'native/nothing' });
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', metric: 'nothing' });
    expect(error.message).toBe('no metric "nothing" in this tenant');
    expect((await refused({ ...ask, metric: 'nothing' })).extensions.code).toBe('NOT_FOUND');
    expect((await refused({ ...ask, metric: 'elsewhere' })).extensions.code).toBe('NOT_FOUND');
  });
});

describe('virtualTimeseries: query limits', () => {
  let limited: TestGateway;
  beforeAll(async () => {
    limited = await startCalendarGateway({
      keyPrefix: gateway.keyPrefix,
      limits: { maxSeriesPerQuery: 1, maxPointsPerSeries: 100 },
    });
  });
  afterAll(() => limited.close());

  it('more matching series than maxSeriesPerQuery is refused; a narrower filter is answered', async () => {
    const ask: Ask = { calendar: '#P1D', observed: 'SUMMED', range: '2026-11-10' };
    const error = await failure({ on: limited, token: viewer }, ask);
    expect(error.message).toBe('2 series of "energy" match (limit 1): narrow the filter');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'maxSeriesPerQuery', max: 1, actual: 2 });
    expect((await series({ on: limited, token: viewer }, { ...ask, filter: SITE_A_ONLY })).seriesCount).toBe(1);
  });

  it('more buckets than maxPointsPerSeries is refused', async () => {
    const ask: Ask = { calendar: '#P1D', observed: 'SUMMED', range: '2026', filter: SITE_A_ONLY };
    const error = await failure({ on: limited, token: viewer }, ask);
    expect(error.message).toBe(
      'the range holds more than 100 buckets of #P1D: use a coarser calendar or a shorter range',
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'range' });
  });
});
