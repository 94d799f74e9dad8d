/**
 * Resolving a parsed range expression (meaning in rangeExpression.ts) to Unix seconds, end
 * exclusive, in an IANA time zone and against a given "now": pure, so a test that sets both gets
 * exact answers.
 *
 * The rule: calendar units (Y, Q, M, W, D) act on the local wall clock and elapsed units (h, m, s)
 * on the instant; never mix the two in one step, or T-1D across a DST change stops keeping the
 * wall-clock time, or T-3h stops being 10,800 seconds.
 */
import { DateTime, FixedOffsetZone, type DateTimeUnit, type DurationLikeObject, type IANAZone } from 'luxon';
import { UserInputError } from '../../errors.js';
import { ianaZone, instantAt, wallClockAt } from './localTime.js';
import { rangeError } from './rangeScanner.js';
import {
  isCalendarUnit,
  periodUnitOf,
  type LocalDateTime,
  type Point,
  type RangeExpression,
  type Step,
  type Unit,
} from './rangeSyntax.js';

export interface RangeContext {
  /** The instant `T` stands for; truncated to the second. */
  readonly now: Date;
  /** IANA time zone name (`Europe/Berlin`, `UTC`) that dates and local times are read in. */
  readonly timeZone: string;
}

/** Unix seconds: `start` inclusive, `end` exclusive, `start < end`. */
export interface ResolvedRange {
  readonly start: number;
  readonly end: number;
}

/** The earliest and latest instants a time may resolve to: the Unix epoch and the end of year 9999 UTC. */
const EARLIEST_MS = 0;
const LATEST_MS = Date.UTC(10_000, 0, 1);
const SPAN = '1970-01-01T00:00:00Z to 10000-01-01T00:00:00Z';

const DURATION_UNITS = {
  Y: 'years',
  Q: 'quarters',
  M: 'months',
  W: 'weeks',
  D: 'days',
  h: 'hours',
  m: 'minutes',
  s: 'seconds',
} as const satisfies Record<Unit, keyof DurationLikeObject>;

const PERIOD_UNITS = {
  Y: 'year',
  Q: 'quarter',
  M: 'month',
  W: 'week', // luxon's startOf('week') is the ISO week's Monday unless asked for locale weeks
  D: 'day',
  h: 'hour',
  m: 'minute',
  s: 'second',
} as const satisfies Record<Unit, DateTimeUnit>;

export function resolveRange(expression: RangeExpression, context: RangeContext): ResolvedRange {
  const resolver = new Resolver(context);
  switch (expression.kind) {
    case 'period': {
      const [start, end] = resolver.period(expression.period);
      const range = { start: seconds(start, 'start'), end: seconds(end, 'end') };
      if (range.start < range.end) return range;
      const found = `${expression.period.text}, which ${context.timeZone} skipped`;
      throw rangeError(expression.period.position, `expected a period that exists but found ${found}`);
    }
    case 'from':
      return resolver.checked(expression.start, resolver.start(expression.start), resolver.now, 'from');
    case 'between':
      return resolver.checked(
        expression.end,
        resolver.start(expression.start),
        resolver.end(expression.end),
        'between',
      );
  }
}

/** The instant a single time stands for, as it would start a range, in Unix seconds. */
export function resolvePoint(point: Point, context: RangeContext): number {
  return seconds(new Resolver(context).start(point), 'start');
}

class Resolver {
  readonly zone: IANAZone;
  readonly now: DateTime;

  constructor(context: RangeContext) {
    const zone = ianaZone(context.timeZone);
    if (zone === undefined) {
      const found = JSON.stringify(context.timeZone);
      throw new UserInputError(`expected an IANA time zone like "Europe/Berlin" but found ${found}`, {
        field: 'timeZone',
      });
    }
    const nowMs = context.now.getTime();
    if (!Number.isFinite(nowMs)) throw new RangeError('resolveRange: context.now is an invalid Date');
    this.zone = zone;
    this.now = DateTime.fromMillis(Math.floor(nowMs / 1000) * 1000, { zone });
  }

  /** [start, end) as seconds, refusing a range whose start is not before its end. */
  checked(blamed: Point, start: DateTime, end: DateTime, form: 'from' | 'between'): ResolvedRange {
    const range = { start: seconds(start, 'start'), end: seconds(end, 'end') };
    if (range.start < range.end) return range;
    const message =
      form === 'from'
        ? `expected a start before now (${iso(end)}) but found ${describe(blamed, start, 'starting')}`
        : `expected an end after the start (${iso(start)}) but found ${describe(blamed, end, 'ending')}`;
    throw rangeError(blamed.position, message);
  }

  /** The first instant of `point`. */
  start(point: Point): DateTime {
    return this.period(point)[0];
  }

  /** Where a range that ends with `point` ends: after the period it names, or at the instant. */
  end(point: Point): DateTime {
    const [start, end] = this.period(point);
    return periodUnitOf(point) === undefined ? start : end;
  }

  /**
   * [first instant, end) of the period `point` names; an instant's "period" ends where it starts.
   * A period's end comes from its start as read on the wall clock before resolving: a day whose
   * midnight the clocks skip still ends at the next midnight, and a day skipped whole is empty.
   */
  period(point: Point): [DateTime, DateTime] {
    const unit = periodUnitOf(point);
    if (unit === undefined || point.kind === 'dateTime') {
      const instant = this.within(this.instant(point), point.position);
      return [instant, instant];
    }
    const start = this.periodStart(point, unit);
    const [first, end] = isCalendarUnit(unit)
      ? [instantAt(start, this.zone), instantAt(start.plus({ [DURATION_UNITS[unit]]: 1 }), this.zone)]
      : [start, start.plus({ [DURATION_UNITS[unit]]: 1 })];
    return [this.within(first, point.position), this.within(end, point.position)];
  }

  /** The start of the period `point` names: a wall-clock reading for calendar units, else an instant. */
  private periodStart(point: Point & { kind: 'date' | 'relative' }, unit: Unit): DateTime {
    if (point.kind === 'date') return DateTime.utc(point.year, point.month, point.day);
    const before = this.steps(point.steps.slice(0, -1));
    return isCalendarUnit(unit) ? wallClockAt(before).startOf(PERIOD_UNITS[unit]) : before.startOf(PERIOD_UNITS[unit]);
  }

  private instant(point: Point): DateTime {
    switch (point.kind) {
      case 'date':
        return instantAt(DateTime.utc(point.year, point.month, point.day), this.zone);
      case 'dateTime': {
        if (point.offsetMinutes === undefined) return instantAt(utcReading(point.local), this.zone);
        const zone = FixedOffsetZone.instance(point.offsetMinutes);
        return DateTime.fromObject(point.local, { zone }).setZone(this.zone);
      }
      case 'relative':
        return this.steps(point.steps);
    }
  }

  private steps(steps: readonly Step[]): DateTime {
    return steps.reduce((time, step) => this.within(this.step(time, step), step.position), this.now);
  }

  /** One step of a relative time: calendar units on the wall clock, elapsed units on the instant. */
  private step(time: DateTime, step: Step): DateTime {
    if (!isCalendarUnit(step.unit)) return elapsedStep(time, step);
    return instantAt(calendarStep(wallClockAt(time), step), this.zone);
  }

  /** `time`, if it lies between the epoch and the end of year 9999; else an error at `position`. */
  private within(time: DateTime, position: number): DateTime {
    const ms = time.toMillis();
    if (time.isValid && ms >= EARLIEST_MS && ms <= LATEST_MS) return time;
    const found = time.isValid ? iso(time) : 'a time beyond them';
    throw rangeError(position, `expected a time from ${SPAN} but found ${found}`);
  }
}

/** One step of a relative time that moves elapsed time: h, m or s. */
function elapsedStep(time: DateTime, step: Step): DateTime {
  const { unit } = step;
  switch (step.kind) {
    case 'shift':
      return time.plus({ [DURATION_UNITS[unit]]: step.amount });
    case 'snap':
      return time.startOf(PERIOD_UNITS[unit]);
    case 'set':
      // luxon keeps the UTC offset when the new reading has it, so T/h and h-setters in the hour
      // that repeats when clocks fall back stay in the same occurrence.
      return unit === 'h'
        ? time.set({ hour: step.value })
        : unit === 'm'
          ? time.set({ minute: step.value })
          : time.set({ second: step.value, millisecond: 0 });
  }
}

function calendarStep(wall: DateTime, step: Step): DateTime {
  switch (step.kind) {
    case 'shift': // luxon clamps: Mar 31 minus one month is the last day of February
      return wall.plus({ [DURATION_UNITS[step.unit]]: step.amount });
    case 'snap':
      return wall.startOf(PERIOD_UNITS[step.unit]);
    case 'set':
      return setCalendarField(wall, step.unit, step.value);
  }
}

/** Y, Q, M clamp the day like month arithmetic does; D and W past the end clamp to the last one. */
function setCalendarField(wall: DateTime, unit: Unit, value: number): DateTime {
  switch (unit) {
    case 'Y':
      return wall.set({ year: value });
    case 'Q':
      return wall.set({ month: value * 3 - 2 });
    case 'M':
      return wall.set({ month: value });
    case 'W':
      return wall.set({ weekNumber: Math.min(value, wall.weeksInWeekYear) });
    default:
      return wall.set({ day: Math.min(value, wall.daysInMonth ?? value) });
  }
}

/** A wall-clock reading (a UTC DateTime with the local fields; see localTime.ts). */
function utcReading(local: LocalDateTime): DateTime {
  const { year, month, day, hour, minute, second, millisecond } = local;
  return DateTime.utc(year, month, day, hour, minute, second, millisecond);
}

/** Unix seconds, rounded outward so that a range with sub-second bounds still covers them. */
function seconds(time: DateTime, side: 'start' | 'end'): number {
  const value = time.toMillis() / 1000;
  return side === 'start' ? Math.floor(value) : Math.ceil(value);
}

function iso(time: DateTime): string {
  return time.toISO({ suppressMilliseconds: true }) ?? time.toString();
}

function describe(point: Point, time: DateTime, role: 'starting' | 'ending'): string {
  return periodUnitOf(point) === undefined ? `${point.text} (${iso(time)})` : `${point.text} (${role} ${iso(time)})`;
}
