/**
 * What calendar queries must answer, computed from the samples sent and nothing else: bucket
 * boundaries are local midnights found with Intl (the offset in force at an instant) and Date
 * arithmetic, and each bucket's value is read off the samples inside it. Never the calendar engine
 * (src/domain/calendar) or the bucket states: the tests compare the gateway against this.
 */
import type { Observed } from '../../src/client/generated/graphql.js';

export const DAY = 86_400;
export const at = (iso: string): number => Date.parse(iso) / 1_000;

export interface Sample {
  /** Unix seconds. */
  time: number;
  value: number;
}

/** The schema's summary functions, as the generated client types them. */
export type { Observed };
export const OBSERVED: readonly Observed[] = ['SUMMED', 'AVERAGED', 'HIGH', 'LOW', 'BEGINNING', 'END', 'COUNT'];

/** An instant, and the local date-time with offset that the gateway must show for it. */
export interface Instant {
  t: number;
  iso: string;
}

export interface Bucket {
  label: string;
  start: Instant;
  end: Instant;
}

/** A bucket as `VirtualTimeseries.points` returns it. */
export interface Point {
  start: string;
  end: string;
  label: string;
  value: number | null;
  count: number;
}

/** The UTC offset (seconds east) in force in `zone` at `t`, as Intl reports it. */
export function offsetAt(zone: string, t: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(t * 1_000))
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /^GMT(?:([+-])(\d\d):(\d\d))?$/.exec(name ?? '');
  if (!match) throw new Error(`unexpected offset name ${name}`);
  const seconds = Number(match[2] ?? 0) * 3_600 + Number(match[3] ?? 0) * 60;
  return match[1] === '-' ? -seconds : seconds;
}

function offsetText(seconds: number): string {
  const magnitude = Math.abs(seconds);
  const hours = String(Math.floor(magnitude / 3_600)).padStart(2, '0');
  const minutes = String((magnitude / 60) % 60).padStart(2, '0');
  return `${seconds < 0 ? '-' : '+'}${hours}:${minutes}`;
}

/** The instant of local midnight starting `date` (YYYY-MM-DD); no zone used here skips a midnight. */
export function midnight(zone: string, date: string): Instant {
  const wall = at(`${date}T00:00:00Z`);
  const guess = wall - offsetAt(zone, wall);
  const t = wall - offsetAt(zone, guess);
  return { t, iso: `${date}T00:00:00${offsetText(offsetAt(zone, t))}` };
}

const addDays = (date: string, count: number): string =>
  new Date((at(`${date}T00:00:00Z`) + count * DAY) * 1_000).toISOString().slice(0, 10);

function addMonths(month: string, count: number): string {
  const [year = 0, number = 0] = month.split('-').map(Number);
  return new Date(Date.UTC(year, number - 1 + count, 1)).toISOString().slice(0, 7);
}

/** Local days from `first` to `last` (YYYY-MM-DD), inclusive. */
export function days(zone: string, first: string, last: string): Bucket[] {
  const buckets: Bucket[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) {
    buckets.push({ label: date, start: midnight(zone, date), end: midnight(zone, addDays(date, 1)) });
  }
  return buckets;
}

/** ISO weeks starting on the Mondays from `first` to `last`, labelled with the year of their Thursday. */
export function weeks(zone: string, first: string, last: string): Bucket[] {
  const buckets: Bucket[] = [];
  for (let monday = first; monday <= last; monday = addDays(monday, 7)) {
    const thursday = addDays(monday, 3);
    const year = thursday.slice(0, 4);
    const week = Math.floor((at(`${thursday}T00:00:00Z`) - at(`${year}-01-01T00:00:00Z`)) / (7 * DAY)) + 1;
    const label = `${year}-W${String(week).padStart(2, '0')}`;
    buckets.push({ label, start: midnight(zone, monday), end: midnight(zone, addDays(monday, 7)) });
  }
  return buckets;
}

/** Periods of `length` months starting in the months from `first` to `last` (YYYY-MM). */
function periods(zone: string, first: string, last: string, length: number, label: (month: string) => string) {
  const buckets: Bucket[] = [];
  for (let month = first; month <= last; month = addMonths(month, length)) {
    const end = addMonths(month, length);
    buckets.push({ label: label(month), start: midnight(zone, `${month}-01`), end: midnight(zone, `${end}-01`) });
  }
  return buckets;
}

/** Local months from `first` to `last` (YYYY-MM), inclusive. */
export function months(zone: string, first: string, last: string): Bucket[] {
  return periods(zone, first, last, 1, (month) => month);
}

/** Quarters starting in the months `first` to `last` (each a quarter's first month). */
export function quarters(zone: string, first: string, last: string): Bucket[] {
  return periods(zone, first, last, 3, (month) => `${month.slice(0, 4)}-Q${(Number(month.slice(5, 7)) + 2) / 3}`);
}

/** Local years from `first` to `last` (YYYY), inclusive. */
export function years(zone: string, first: string, last: string): Bucket[] {
  return periods(zone, `${first}-01`, `${last}-01`, 12, (month) => month.slice(0, 4));
}

/** Sub-day slots of `seconds` over one local day, in a zone whose offset does not change that day. */
export function slots(zone: string, date: string, seconds: number): Bucket[] {
  const day = midnight(zone, date);
  const offset = offsetAt(zone, day.t);
  const local = (t: number) => new Date((t + offset) * 1_000).toISOString().slice(0, 19);
  const instant = (t: number) => ({ t, iso: `${local(t)}${offsetText(offset)}` });
  return Array.from({ length: DAY / seconds }, (_, index) => {
    const start = day.t + index * seconds;
    return { label: local(start).slice(0, 16), start: instant(start), end: instant(start + seconds) };
  });
}

/** Buckets written out by hand: label, local start and local end with their offsets. */
export function written(rows: readonly (readonly [label: string, start: string, end: string])[]): Bucket[] {
  return rows.map(([label, start, end]) => ({
    label,
    start: { t: at(start), iso: start },
    end: { t: at(end), iso: end },
  }));
}

/** A bucket's value computed directly from the samples in it (sorted by time). */
export function valueOf(samples: readonly Sample[], observed: Observed): number | null {
  if (samples.length === 0) return null;
  const values = samples.map((sample) => sample.value);
  const sum = values.reduce((total, value) => total + value, 0);
  switch (observed) {
    case 'SUMMED':
      return sum;
    case 'AVERAGED':
      return sum / values.length;
    case 'HIGH':
      return Math.max(...values);
    case 'LOW':
      return Math.min(...values);
    case 'BEGINNING':
      return values[0] ?? null;
    case 'END':
      return values.at(-1) ?? null;
    case 'COUNT':
      return values.length;
  }
}

/**
 * The points the gateway must return for `buckets`: each bucket's samples are those with
 * start.t <= time < end.t (a test may narrow `t` to model data that is gone; `iso` is what is shown).
 */
export function expectedPoints(samples: readonly Sample[], buckets: readonly Bucket[], observed: Observed): Point[] {
  return buckets.map(({ label, start, end }) => {
    const inside = samples.filter((sample) => sample.time >= start.t && sample.time < end.t);
    return { start: start.iso, end: end.iso, label, value: valueOf(inside, observed), count: inside.length };
  });
}
