/**
 * The slots of a calendar on the local clock, before any time zone is applied: a slot is named
 * by the wall time it starts at (local clock reading written as if it were UTC, in seconds),
 * e.g. 2026-03-01T00:00 for the month 2026-03. Plain calendar arithmetic on dates — ISO weeks,
 * month lengths, leap years — is luxon's, done in its 'utc' zone where no clock ever changes.
 *
 * The rule: slot starts are aligned to local midnight — a sub-day slot starts a whole number of
 * intervals after midnight, a unit slot at the midnight starting its day, week (Monday),
 * month, quarter or year — so `floor` and `next` never depend on a time zone.
 */
import { DateTime } from 'luxon';
import { type Calendar, type CalendarUnit } from './calendarCode.js';

export interface CalendarGrid {
  /** The start of the slot holding wall time `wall`. */
  floor(wall: number): number;
  /** The start of the slot after the one starting at `slot`. */
  next(slot: number): number;
  /** The slot's local label: 2026-03-08T02:00, 2026-03-08, 2026-W10, 2026-03, 2026-Q1 or 2026. */
  label(slot: number): string;
  /**
   * Whether an overlap that shows a slot's start twice starts the slot twice. True for sub-day
   * slots (a 25-hour day has 25 hourly slots), false for units (a date is one bucket).
   */
  readonly repeatsInOverlaps: boolean;
}

const UNIT_STEPS: Readonly<Record<CalendarUnit, { months?: number; weeks?: number; days?: number; years?: number }>> = {
  day: { days: 1 },
  week: { weeks: 1 },
  month: { months: 1 },
  quarter: { months: 3 },
  year: { years: 1 },
};

const plain = (wall: number): DateTime => DateTime.fromSeconds(wall, { zone: 'utc' });
/** The first `length` characters of the wall time's ISO form: 2026-03-08T02:00:00. Cheaper than luxon's format. */
const isoPrefix = (wall: number, length: number): string => new Date(wall * 1_000).toISOString().slice(0, length);

const UNIT_LABELS: Readonly<Record<CalendarUnit, (slot: number) => string>> = {
  day: (slot) => isoPrefix(slot, 10),
  week: (slot) => plain(slot).toFormat("kkkk-'W'WW"), // the ISO week-numbering year: 2027-01-01 is 2026-W53
  month: (slot) => isoPrefix(slot, 7),
  quarter: (slot) => plain(slot).toFormat("yyyy-'Q'q"),
  year: (slot) => isoPrefix(slot, 4),
};

export function calendarGrid(calendar: Calendar): CalendarGrid {
  if (calendar.kind === 'interval') {
    const { seconds } = calendar;
    const length = calendar.labelPrecision === 'second' ? 19 : 16;
    return {
      floor: (wall) => Math.floor(wall / seconds) * seconds,
      next: (slot) => slot + seconds,
      label: (slot) => isoPrefix(slot, length),
      repeatsInOverlaps: true,
    };
  }
  const { unit } = calendar;
  return {
    // luxon's startOf('week') is the ISO week's Monday.
    floor: (wall) => plain(wall).startOf(unit).toSeconds(),
    next: (slot) => plain(slot).plus(UNIT_STEPS[unit]).toSeconds(),
    label: UNIT_LABELS[unit],
    repeatsInOverlaps: false,
  };
}
