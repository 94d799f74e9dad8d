/**
 * Which stored rollup grain composes a calendar's buckets exactly: the coarsest grain that
 * divides every bucket boundary, so each bucket is a union of whole rollup buckets and its
 * state is their combination (bucketState.ts), with no raw point read.
 *
 * Every boundary is either an instant where the local clock shows a slot start — slot wall
 * time minus the offset in force, where slot wall times are multiples of the interval (or of a
 * day, for units) — or the instant a gap ends. So a grain divides every boundary when it
 * divides the interval (a day for units), every offset in force over the buckets, and every
 * transition instant among them. With 15-minute offsets (all zones today) 900 s always works
 * for intervals that are multiples of 15 minutes; whole-hour offsets and transitions allow
 * 3 600 s; only a zone that stays at UTC+0 allows 86 400 s for days and longer.
 *
 * The rule: the answer may be finer than needed (offsets are taken over the range widened by
 * the longest possible bucket), never coarser — a coarser grain would split a bucket's rollup.
 */
import { type Calendar, type CalendarUnit, parseCalendar, SECONDS_PER_DAY } from './calendarCode.js';
import { assertRange, type TimeRange } from './calendarBuckets.js';
import { ZoneClock } from './zoneClock.js';

/** The native store's rollup grains, coarsest first (backends/native/seriesLayout.ts). */
export const DEFAULT_ROLLUP_GRAINS: readonly number[] = [86_400, 3_600, 900];

/** Longest a unit bucket can last, with a day to spare for a clock change. */
const LONGEST_UNIT: Readonly<Record<CalendarUnit, number>> = {
  day: 2 * SECONDS_PER_DAY,
  week: 8 * SECONDS_PER_DAY,
  month: 32 * SECONDS_PER_DAY,
  quarter: 93 * SECONDS_PER_DAY,
  year: 367 * SECONDS_PER_DAY,
};

/**
 * The coarsest of `grains` that divides every boundary of the calendar's buckets over `range`
 * in `timeZone`; null when none does (e.g. #PT5M, or a zone on a historical offset with
 * seconds), when only raw points compose the buckets.
 */
export function grainFor(
  calendar: Calendar | string,
  timeZone: string,
  range: TimeRange,
  grains: readonly number[] = DEFAULT_ROLLUP_GRAINS,
): number | null {
  const parsed = typeof calendar === 'string' ? parseCalendar(calendar) : calendar;
  assertRange(range);
  const clock = ZoneClock.of(timeZone);
  const slotStep = parsed.kind === 'interval' ? parsed.seconds : SECONDS_PER_DAY;
  const reach = (parsed.kind === 'interval' ? parsed.seconds : LONGEST_UNIT[parsed.unit]) + SECONDS_PER_DAY;
  const transitions = clock.transitionsBetween(range.start - reach, range.end + reach);
  const offsets = [clock.offsetAt(range.start - reach), ...transitions.map((transition) => transition.after)];
  const divides = (grain: number, value: number): boolean => value % grain === 0;
  const fits = (grain: number): boolean =>
    divides(grain, slotStep) &&
    offsets.every((offset) => divides(grain, offset)) &&
    transitions.every((transition) => divides(grain, transition.at));
  return [...grains].sort((a, b) => b - a).find(fits) ?? null;
}
