/**
 * Range expressions: how a query names a span of time, in the OpenDataDSL reference's style
 * (`2024-11-20`, `from(2024-11-20)`, `between(T-1Dh0m0s0, T-1Dh23m59s59)`). `parseRange` turns the
 * text into a RangeExpression; `resolveRange` turns that, in an IANA time zone and against a given
 * "now", into Unix seconds [start, end) — the form the native store and series queries take.
 *
 * Grammar (EBNF). Whitespace may stand around "(", "," and ")" and around the whole input, never
 * inside a time. "from", "between" and "to" are case-insensitive; "T", "Z" and units are not.
 *
 *   range     = period | from | between ;
 *   period    = date | relative ;                  (* a relative period must end in a snap *)
 *   from      = "from" , "(" , time , ")" , [ "to" , "(" , time , ")" ] ;
 *   between   = "between" , "(" , time , "," , time , ")" ;
 *   time      = date | date-time | relative ;
 *   date      = year , [ "-" , month , [ "-" , day ] ] ;          (* 2024, 2024-11, 2024-11-20 *)
 *   date-time = year , "-" , month , "-" , day , "T" , hour , ":" , minute ,
 *               [ ":" , second , [ "." , digit , { digit } ] ] ,   (* 1 to 9 digits *)
 *               [ "Z" | ( "+" | "-" ) , hour , ":" , minute ] ;    (* no offset: local time *)
 *   relative  = "T" , { step } ;                                   (* T is now *)
 *   step      = ( "+" | "-" ) , offset , { offset }   (* move: T-1Y2M is 1 year and 2 months ago *)
 *             | [ "+" | "-" ] , setter                (* set a field; a sign changes nothing *)
 *             | "/" , unit ;                          (* snap to the start of the unit: T/M *)
 *   offset    = number , unit ;                       (* number first: 1D is one day *)
 *   setter    = unit , number ;                       (* unit first: h0 sets the hour to 0 *)
 *   unit      = "Y" | "Q" | "M" | "W" | "D" | "h" | "m" | "s" ;
 *   number    = digit , { digit } ;                   (* at most 9 digits *)
 *   year      = 4 * digit ;   month = day = hour = minute = second = 2 * digit ;
 *
 * Units: Y year, Q quarter, M month, W ISO week (Monday to Sunday), D day, h hour, m minute,
 * s second. M is month and m minute; there are no aliases (T-3H is an error that says "h").
 * Setter values: Y 1970-9999, Q 1-4 (the quarter's first month), M 1-12, W 1-53 (ISO week of the
 * same ISO year, same weekday), D 1-31, h 0-23, m 0-59, s 0-59; D and W beyond the month's or
 * year's last clamp to it (D31 is the last day of any month). As in the reference, T-M1D1h0m0s0
 * is New Year's midnight: the sign before a setter is allowed and changes nothing.
 *
 * Meaning. All local times are in the query's time zone.
 * - A date names a local period: that year, month or day (a day lasts 23 to 25 hours when clocks
 *   change: 2026-03-08 in America/New_York is 23 hours). A relative time whose last step is a snap
 *   names that unit's period: T-1D/D is yesterday, T/M this month, T-1M/M last month. Every other
 *   time is an instant: a date-time (exact with "Z" or an offset, else local), or a relative time.
 * - A period alone is that period. An instant alone is refused: write from(…).
 * - from(X) is [start of X, now). between(X, Y) and from(X) to(Y) are [start of X, end of Y): a Y
 *   that names a period counts in full — between(2024-11-01, 2024-11-30) is all of November and
 *   between(T-7D/D, T-1D/D) the last seven whole days — while an instant Y is excluded, as in ISO
 *   intervals, so between(2024-11-01T00:00Z, 2024-12-01T00:00Z) has no extra second. Hence the
 *   reference's between(T-1Dh0m0s0, T-1Dh23m59s59) stops one second before midnight; T-1D/D, or
 *   between(T-1D/D, T-1D/D), is the whole of yesterday. to(Y) alone is refused: the stores need a
 *   start, so write from(X) to(Y).
 * - Steps apply left to right, starting from now truncated to the second. Y, Q, M, W and D move the
 *   local calendar and keep the wall-clock time: T-1D across a DST change is 23 or 25 hours back,
 *   and a day the target month lacks clamps to its last (Mar 31 - 1M is Feb 28 or 29, Feb 29 - 1Y
 *   is Feb 28); W is 7 days and Q 3 months. h, m and s move elapsed time: T-3h is 10,800 s back.
 * - A local time that the clocks skip moves forward by the gap (2026-03-08T02:30 in New York is
 *   03:30 EDT; a day whose midnight is skipped starts when the gap ends); one that occurs twice is
 *   the earlier, except after an h, m or s setter or snap, which keeps the UTC offset it had, so
 *   T/h in the repeated hour stays in the same occurrence.
 * - Instants are whole seconds: fractions widen the range (start rounds down, end up). Every time
 *   must lie between 1970-01-01T00:00:00Z and 10000-01-01T00:00:00Z.
 *
 * The rule: every error is a UserInputError `at <1-based column>: expected <what> but found <what>`
 * with details `{ field: 'range', position }` (a bad time zone: `{ field: 'timeZone' }`), including a
 * range whose start is not before its end, reported at the end (or at from's start). Inputs are at
 * most 256 characters.
 */
import { RangeParser } from './rangeParser.js';
import { resolvePoint, resolveRange, type RangeContext, type ResolvedRange } from './rangeResolver.js';
import { rangeError } from './rangeScanner.js';
import type { Point, RangeExpression } from './rangeSyntax.js';

export { resolvePoint, resolveRange, type RangeContext, type ResolvedRange } from './rangeResolver.js';
export { periodUnitOf, type Point, type RangeExpression, type Step, type Unit } from './rangeSyntax.js';

export const MAX_RANGE_LENGTH = 256;

export function parseRange(source: string): RangeExpression {
  return parser(source).range();
}

/** One time (a date, a date-time or a relative time), for arguments that take an instant. */
export function parsePoint(source: string): Point {
  return parser(source).singlePoint();
}

export function evaluateRange(source: string, context: RangeContext): ResolvedRange {
  return resolveRange(parseRange(source), context);
}

/** The Unix second at which the time `source` starts. */
export function evaluatePoint(source: string, context: RangeContext): number {
  return resolvePoint(parsePoint(source), context);
}

function parser(source: string): RangeParser {
  if (source.length > MAX_RANGE_LENGTH) {
    const message = `expected at most ${MAX_RANGE_LENGTH} characters but found ${source.length}`;
    throw rangeError(MAX_RANGE_LENGTH + 1, message);
  }
  return new RangeParser(source);
}
