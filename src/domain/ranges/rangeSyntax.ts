/**
 * The syntax tree of range expressions (grammar and meaning in rangeExpression.ts): what the parser
 * produces and the resolver consumes. Every node keeps the 1-based column it starts at, so that an
 * error found while resolving (a time before 1970, an end before the start) still points into the
 * source.
 *
 * The rule: units are case-sensitive single letters, and a unit means the same thing in an offset
 * (`-1M`), a setter (`M1`) and a snap (`/M`); add a unit to all three or to none.
 */

/** Y year, Q quarter, M month, W ISO week (from Monday), D day, h hour, m minute, s second. */
export type Unit = 'Y' | 'Q' | 'M' | 'W' | 'D' | 'h' | 'm' | 's';

/** How the units are listed in an error message. */
export const UNIT_LIST = 'Y, Q, M, W, D, h, m or s';

export function isUnit(char: string): char is Unit {
  return char.length === 1 && 'YQMWDhms'.includes(char);
}

/** Units of the local calendar (they keep the wall-clock time); h, m and s measure elapsed time. */
export function isCalendarUnit(unit: Unit): boolean {
  return unit !== 'h' && unit !== 'm' && unit !== 's';
}

/** The values a setter accepts: `h0`..`h23`, `D1`..`D31` and so on. */
export const SETTER_RANGES: Readonly<Record<Unit, { noun: string; min: number; max: number }>> = {
  Y: { noun: 'a year', min: 1970, max: 9999 },
  Q: { noun: 'a quarter', min: 1, max: 4 },
  M: { noun: 'a month', min: 1, max: 12 },
  W: { noun: 'an ISO week', min: 1, max: 53 },
  D: { noun: 'a day of the month', min: 1, max: 31 },
  h: { noun: 'an hour', min: 0, max: 23 },
  m: { noun: 'a minute', min: 0, max: 59 },
  s: { noun: 'a second', min: 0, max: 59 },
};

/** One step of a relative time, applied left to right to the time before it. */
export type Step =
  /** Move by `amount` units (negative: back). */
  | { readonly kind: 'shift'; readonly position: number; readonly unit: Unit; readonly amount: number }
  /** Set a field of the local time: `h0` sets the hour to 0. */
  | { readonly kind: 'set'; readonly position: number; readonly unit: Unit; readonly value: number }
  /** Go back to the start of the current unit: `/M` is the first of the month at 00:00. */
  | { readonly kind: 'snap'; readonly position: number; readonly unit: Unit };

export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

/** A time as written: `text` is its source, `position` the column of its first character. */
export type Point = { readonly position: number; readonly text: string } & (
  | {
      /** `2024`, `2024-11` or `2024-11-20`: the local year, month or day (missing fields are 1). */
      readonly kind: 'date';
      readonly unit: 'Y' | 'M' | 'D';
      readonly year: number;
      readonly month: number;
      readonly day: number;
    }
  | {
      /** `2024-11-20T10:00`: local time when `offsetMinutes` is undefined, else that UTC offset. */
      readonly kind: 'dateTime';
      readonly local: LocalDateTime;
      readonly offsetMinutes: number | undefined;
    }
  | { readonly kind: 'relative'; readonly steps: readonly Step[] }
);

export type RangeExpression =
  /** A date or snapped relative time alone: the whole period it names. */
  | { readonly kind: 'period'; readonly period: Point }
  /** `from(X)`: from X until now. */
  | { readonly kind: 'from'; readonly start: Point }
  /** `between(X, Y)` or `from(X) to(Y)`: from X until Y, and through Y if Y names a period. */
  | { readonly kind: 'between'; readonly start: Point; readonly end: Point };

/**
 * The unit of the period a point names, or undefined for an instant. A date names its year, month
 * or day; a relative time whose last step is a snap names that unit's period (`T-1D/D` is
 * yesterday); anything else — a date-time, `T-1D`, `T/Dh7` — is an instant.
 */
export function periodUnitOf(point: Point): Unit | undefined {
  if (point.kind === 'date') return point.unit;
  if (point.kind === 'dateTime') return undefined;
  const last = point.steps.at(-1);
  return last?.kind === 'snap' ? last.unit : undefined;
}
