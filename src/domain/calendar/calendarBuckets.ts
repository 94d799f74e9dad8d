/**
 * The calendar engine: the buckets of a calendar in a time zone over a range of time. Pure —
 * the zone's offsets come from the library, nothing is read from the outside world.
 *
 * Semantics (local time; times are Unix seconds, a bucket's end is exclusive):
 * - Whole buckets: every bucket that overlaps the range is returned whole, not clipped, so the
 *   first may start before the range and the last end after it. Buckets come in time order and
 *   tile their span: each ends where the next starts.
 * - Sub-day intervals (#PT15M, #PT1H, ...): a bucket starts at every instant the local clock
 *   shows a slot start (a multiple of the interval after local midnight), and ends where the
 *   next starts.
 *   - A gap that removes a whole slot leaves no bucket for it: 02:00-03:00 on 2026-03-08 in
 *     New York does not exist, and the hourly buckets go 01:00, 03:00.
 *   - A gap that removes part of a slot starts the slot when the gap ends: on 2026-10-04 in
 *     Australia/Lord_Howe clocks go from 02:00 to 02:30, so the hourly bucket labelled 02:00
 *     runs from 02:30+11:00 to 03:00+11:00 (30 minutes). A label names the slot; startIso
 *     tells when it really starts.
 *   - An overlap that shows a slot start twice starts the slot twice: 01:00-02:00 on
 *     2026-11-01 in New York happens twice, so there are two hourly buckets labelled
 *     2026-11-01T01:00, one at -04:00 and one at -05:00, each an hour long; a 25-hour day has
 *     25 hourly buckets. Where the repeated stretch holds no slot start (Lord_Howe on
 *     2026-04-05 goes back from 02:00 to 01:30), the slot simply lasts longer: the hourly
 *     bucket 01:00 runs 90 minutes.
 * - Days, ISO weeks, months, quarters and years start at the first instant the local clock
 *   reaches their first local midnight (or the end of a gap that skips it), so a day lasts 23,
 *   24 or 25 hours (23.5 or 24.5 on Lord_Howe), and a date is never repeated.
 * The rule a reader must not break: a bucket boundary is always an instant where the local
 * clock shows (or skips) a slot start — never a fixed number of seconds after another.
 */
import { UserInputError } from '../../errors.js';
import { type Calendar, parseCalendar } from './calendarCode.js';
import { type CalendarGrid, calendarGrid } from './calendarGrid.js';
import { ZoneClock } from './zoneClock.js';

/** A span of time in Unix seconds; `end` is exclusive. */
export interface TimeRange {
  start: number;
  end: number;
}

export interface CalendarBucket {
  /** Unix seconds, inclusive. */
  start: number;
  /** Unix seconds, exclusive: the next bucket's start. */
  end: number;
  /** The slot's local name: 2026-03-08T02:00, 2026-03-08, 2026-W10, 2026-03, 2026-Q1 or 2026. */
  label: string;
  /** Local date-time with offset, e.g. 2026-03-08T00:00:00-05:00. */
  startIso: string;
  endIso: string;
}

export interface CalendarBucketOptions {
  /** More buckets than this is a UserInputError (default DEFAULT_MAX_BUCKETS). */
  maxBuckets?: number;
}

export const DEFAULT_MAX_BUCKETS = 100_000;
/** Ranges must lie within 1900-01-01 and 9000-01-01 (UTC). */
const EARLIEST = Date.UTC(1900, 0, 1) / 1_000;
const LATEST = Date.UTC(9000, 0, 1) / 1_000;
const DAY = 86_400;

/** Refuses a range that is empty, not finite, or outside the years the engine covers. */
export function assertRange({ start, end }: TimeRange): void {
  if (!Number.isFinite(start) || !Number.isFinite(end)) {
    throw new UserInputError(`the range must have a finite start and end, got ${start} and ${end}`, {
      field: 'range',
    });
  }
  if (start >= end) {
    throw new UserInputError(`the range is empty: start ${start} is not before end ${end}`, { field: 'range' });
  }
  if (start < EARLIEST || end > LATEST) {
    throw new UserInputError(`the range must lie between 1900-01-01 and 9000-01-01, got ${start} to ${end}`, {
      field: 'range',
    });
  }
}

/** The calendar's buckets in `timeZone` (an IANA name) that overlap `range`, whole, in time order. */
export function calendarBuckets(
  calendar: Calendar | string,
  timeZone: string,
  range: TimeRange,
  { maxBuckets = DEFAULT_MAX_BUCKETS }: CalendarBucketOptions = {},
): CalendarBucket[] {
  const parsed = typeof calendar === 'string' ? parseCalendar(calendar) : calendar;
  assertRange(range);
  const clock = ZoneClock.of(timeZone);
  const starts = slotStarts(clock, calendarGrid(parsed), range, maxBuckets, parsed.code);
  const first = Math.max(
    0,
    starts.findLastIndex(({ at }) => at <= range.start),
  );
  const buckets: CalendarBucket[] = [];
  let previous: SlotStart | undefined;
  for (const next of starts.slice(first)) {
    if (previous !== undefined) {
      const { at: start, label } = previous;
      buckets.push({ start, end: next.at, label, startIso: localIso(clock, start), endIso: localIso(clock, next.at) });
    }
    if (next.at >= range.end) break;
    previous = next;
  }
  if (buckets.length > maxBuckets) throw tooManyBuckets(maxBuckets, parsed.code);
  return buckets;
}

interface SlotStart {
  at: number;
  slot: number;
  label: string;
}

/**
 * Every instant where a slot starts, sorted and without duplicates, from one at or before
 * `range.start` to one at or after `range.end`. Slots are visited in wall-time order from the
 * lowest wall time the clock shows near the start to the one after the highest it shows near
 * the end — an overlap can show, after the range starts, times earlier than its start's.
 */
function slotStarts(
  clock: ZoneClock,
  grid: CalendarGrid,
  range: TimeRange,
  maxBuckets: number,
  code: string,
): SlotStart[] {
  // A clock going back just after the start shows lower wall times than the start's (t.at +
  // t.after); one going back just before the end has shown higher ones (t.at + t.before).
  const changesAfterStart = clock.transitionsBetween(range.start, range.start + DAY);
  const changesBeforeEnd = clock.transitionsBetween(range.end - DAY, range.end + 1);
  const lowest = Math.min(range.start + clock.offsetAt(range.start), ...changesAfterStart.map((t) => t.at + t.after));
  const highest = Math.max(range.end + clock.offsetAt(range.end), ...changesBeforeEnd.map((t) => t.at + t.before));
  const last = grid.next(grid.floor(highest));
  const found: SlotStart[] = [];
  for (let slot = grid.floor(lowest); slot <= last; slot = grid.next(slot)) {
    if (found.length > maxBuckets + 8) throw tooManyBuckets(maxBuckets, code);
    const label = grid.label(slot);
    for (const at of startsOfSlot(clock, grid, slot)) found.push({ at, slot, label });
  }
  // Where a gap maps several slots to one instant, the last slot wins: the others are empty.
  found.sort((a, b) => a.at - b.at || a.slot - b.slot);
  return found.filter((start, index) => found[index + 1]?.at !== start.at);
}

function startsOfSlot(clock: ZoneClock, grid: CalendarGrid, slot: number): number[] {
  const instants = clock.instantsAt(slot);
  if (instants.length > 0) return grid.repeatsInOverlaps ? instants : instants.slice(0, 1);
  const gapEnd = clock.gapEndSkipping(slot);
  return gapEnd === undefined ? [] : [gapEnd];
}

function tooManyBuckets(maxBuckets: number, code: string): UserInputError {
  return new UserInputError(
    `the range holds more than ${maxBuckets} buckets of ${code}: use a coarser calendar or a shorter range`,
    { field: 'range' },
  );
}

/** 2026-03-08T00:00:00-05:00: the local clock reading at `t` and the offset in force. */
export function localIso(clock: ZoneClock, t: number): string {
  const offset = clock.offsetAt(t);
  const wall = new Date((t + offset) * 1_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const magnitude = Math.abs(offset);
  const hours = String(Math.floor(magnitude / 3_600)).padStart(2, '0');
  const minutes = String(Math.floor(magnitude / 60) % 60).padStart(2, '0');
  const seconds = magnitude % 60 === 0 ? '' : `:${String(magnitude % 60).padStart(2, '0')}`;
  return `${wall}${sign}${hours}:${minutes}${seconds}`;
}
