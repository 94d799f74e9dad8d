/**
 * A gateway for calendar tests, the samples they send it and the GraphQL they ask it.
 *
 * The gateway runs on a clock the test sets, at 2026-12-02T00:00Z unless moved, and keeps every
 * level ten years, so nine weeks of data (2026-09-28 to 2026-12-02) stay exact whatever day the
 * tests run on; that window holds the end of daylight saving time in Berlin (10-25) and New
 * York (11-01).
 */
import { expect } from 'vitest';
import { graphql } from '../../src/client/generated/index.js';
import type { CalendarSeriesFieldsFragment } from '../../src/client/generated/graphql.js';
import type { Clock } from '../../src/clock.js';
import { at, type Observed, type Sample } from './calendarOracle.js';
import { harnessBackends, startTestGateway, type TestGateway } from './gateway.js';
import { fieldsOf, query, type QueryError } from './tokens.js';

export const NOW = at('2026-12-02T00:00:00Z');
const FIRST = at('2026-09-28T00:00:00Z');
export const TENANT = 'calendar';
const TEN_YEARS = { raw: 3_650, r900: 3_650, r3600: 3_650, r86400: 3_650 };

/** One sample 7 minutes into every quarter hour from FIRST to NOW: 00:07, 00:22, 00:37, 00:52. */
function grid(value: (index: number) => number): Sample[] {
  const samples: Sample[] = [];
  for (let index = 0; FIRST + index * 900 < NOW; index++) {
    samples.push({ time: FIRST + index * 900 + 420, value: value(index) });
  }
  return samples;
}

/** Samples on local midnights and a second before them, off the grid, so that edges are exact. */
const EDGES: Sample[] = [
  { time: at('2026-11-01T03:59:59Z'), value: 501 }, // New York, last second of 10-31
  { time: at('2026-11-01T04:00:00Z'), value: 500 }, // New York, 11-01 00:00-04:00
  { time: at('2026-11-02T05:00:00Z'), value: 502 }, // New York, 11-02 00:00-05:00
  { time: at('2026-10-31T22:59:59Z'), value: 504 }, // Berlin, last second of October
  { time: at('2026-10-31T23:00:00Z'), value: 503 }, // Berlin, 11-01 00:00+01:00
  { time: at('2026-11-09T18:14:59Z'), value: 506 }, // Kathmandu, last second of 11-09
  { time: at('2026-11-09T18:15:00Z'), value: 505 }, // Kathmandu, 11-10 00:00+05:45
  { time: at('2026-11-09T18:29:59Z'), value: 508 }, // Kolkata, last second of 11-09
  { time: at('2026-11-09T18:30:00Z'), value: 507 }, // Kolkata, 11-10 00:00+05:30
];

/** Site a: integers 0-100 plus the edge samples; site b: quarters from 200 to 207. Sums stay exact. */
export const SITE_A = [...grid((index) => (index * 37) % 101), ...EDGES].sort((x, y) => x.time - y.time);
export const SITE_B = grid((index) => 200 + ((index * 11) % 29) / 4);
export const BOTH = [...SITE_A, ...SITE_B].sort((x, y) => x.time - y.time);
export const SITE_A_ONLY = [{ name: 'site', value: 'a' }];

/** A clock the test moves by setting `seconds`. */
export class TestClock implements Clock {
  constructor(public seconds: number = NOW) {}

  now(): Date {
    return new Date(this.seconds * 1_000);
  }
}

export interface CalendarGatewayOptions {
  clock?: Clock;
  /** Share another gateway's keys, as a replica does. */
  keyPrefix?: string;
  retentionDays?: typeof TEN_YEARS;
  /** Request limits besides the rate limit, which is off. */
  limits?: Record<string, unknown>;
}

export function startCalendarGateway({
  clock = new TestClock(),
  keyPrefix,
  retentionDays = TEN_YEARS,
  limits = {},
}: CalendarGatewayOptions = {}): Promise<TestGateway> {
  return startTestGateway(
    harnessBackends().map((backend) => (backend.kind === 'native' ? { ...backend, retentionDays } : backend)),
    { clock, ...(keyPrefix ? { keyPrefix } : {}), config: { limits: { rateLimit: { enabled: false }, ...limits } } },
  );
}

/** Posts measurements to /v1/measurements and expects every one accepted. */
export async function post(
  gateway: TestGateway,
  token: string,
  body: { tags?: Record<string, string>; measurements: readonly object[] },
): Promise<void> {
  const response = await fetch(new URL('v1/measurements', gateway.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as { measurements?: { summary: { accepted: number } } };
  expect(response.status, JSON.stringify(answer)).toBe(202);
  expect(answer.measurements?.summary.accepted).toBe(body.measurements.length);
}

/** Sends the samples of one series. */
export function ingest(
  gateway: TestGateway,
  token: string,
  tags: Record<string, string>,
  name: string,
  samples: readonly Sample[],
): Promise<void> {
  return post(gateway, token, { tags, measurements: samples.map(({ time, value }) => ({ name, value, time })) });
}

const CalendarSeriesFields = graphql(`
  fragment CalendarSeriesFields on VirtualTimeseries {
    metric
    calendar
    observed
    timeZone
    start
    end
    level
    seriesCount
    complete
    points {
      start
      end
      label
      value
      count
    }
  }
`);

/** A calendar timeseries with every field the calendar tests read. */
export type CalendarSeries = CalendarSeriesFieldsFragment;

export type Failure = QueryError;

/** A virtualTimeseries query; `metric` is `energy` unless given. */
export interface Ask {
  metric?: string;
  calendar: string;
  observed: Observed;
  range: string;
  timeZone?: string;
  filter?: { name: string; value: string }[];
  omitEmpty?: boolean;
}

/** Who asks, and which gateway. */
export interface Caller {
  on: TestGateway;
  token: string;
}

export const SERIES_FIELDS = fieldsOf(CalendarSeriesFields);
/** The variables and arguments of a calendar field, for `query (${ARGUMENTS}) { ...(${PASS}) }`. */
export const ARGUMENTS =
  '$calendar: String!, $observed: Observed!, $range: String!, $timeZone: String, $filter: [TagInput!], $omitEmpty: Boolean';
export const PASS =
  'calendar: $calendar, observed: $observed, range: $range, timeZone: $timeZone, filter: $filter, omitEmpty: $omitEmpty';

export function virtual(
  { on, token }: Caller,
  ask: Ask,
): Promise<{ data?: { virtualTimeseries: CalendarSeries } | null; errors?: Failure[] }> {
  return query(
    on,
    `query ($metric: String!, ${ARGUMENTS}) { virtualTimeseries(metric: $metric, ${PASS}) { ${SERIES_FIELDS} } }`,
    { token, variables: { metric: 'energy', ...ask } },
  );
}

/** The series, or a failed test that shows the errors. */
export async function series(caller: Caller, ask: Ask): Promise<CalendarSeries> {
  const { data, errors } = await virtual(caller, ask);
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  if (!data) throw new Error('no data');
  return data.virtualTimeseries;
}

/** The one error of a query, or a failed test. */
export async function failure(caller: Caller, ask: Ask): Promise<Failure> {
  const { data, errors } = await virtual(caller, ask);
  expect(data).toBeNull();
  expect(errors).toHaveLength(1);
  const [error] = errors ?? [];
  if (!error) throw new Error('no error');
  return error;
}
