/**
 * The recursive-descent parser of range expressions: one method per rule of the grammar in
 * rangeExpression.ts, reading characters through a RangeScanner.
 *
 * The rule: the parser checks everything a time's text alone decides (field ranges, the day of a
 * month, digit counts), so resolving can only fail on what depends on "now" or the time zone; the
 * first error from the left is the one reported.
 */
import { isDigit, isLetter, rangeError, RangeScanner } from './rangeScanner.js';
import {
  isUnit,
  periodUnitOf,
  SETTER_RANGES,
  UNIT_LIST,
  type Point,
  type RangeExpression,
  type Step,
  type Unit,
} from './rangeSyntax.js';

const RANGE_FORMS = 'a date, a period like T-1D/D, from(…) or between(…, …)';
const POINT_FORMS = 'a date, a date-time or T';
const MAX_DIGITS = 9;

/** What a user who wrote a unit in the wrong case meant. */
const CASE_HINTS: Readonly<Record<string, string>> = {
  H: 'hours are "h"',
  S: 'seconds are "s"',
  d: 'days are "D"',
  w: 'weeks are "W"',
  y: 'years are "Y"',
  q: 'quarters are "Q"',
};

export class RangeParser {
  private readonly scanner: RangeScanner;

  constructor(source: string) {
    this.scanner = new RangeScanner(source);
  }

  range(): RangeExpression {
    const s = this.scanner;
    s.skipWhitespace();
    const keyword = s.letters().toLowerCase();
    if (keyword === 'from') return this.fromRange();
    if (keyword === 'between') return this.between();
    if (keyword === 'to') s.fail(RANGE_FORMS, ' (to(…) needs a start: write from(…) to(…))');
    if (s.peek() !== 'T' && !isDigit(s.peek())) s.fail(RANGE_FORMS);
    const period = this.point();
    if (periodUnitOf(period) === undefined) {
      const found = `the instant ${JSON.stringify(period.text)} (from(${period.text}) is from then until now)`;
      throw rangeError(period.position, `expected ${RANGE_FORMS} but found ${found}`);
    }
    this.end('end of input');
    return { kind: 'period', period };
  }

  /** A single time and nothing else. */
  singlePoint(): Point {
    this.scanner.skipWhitespace();
    const point = this.point();
    this.end('end of input');
    return point;
  }

  private fromRange(): RangeExpression {
    const start = this.call('from');
    this.scanner.skipWhitespace();
    if (this.scanner.letters().toLowerCase() !== 'to') {
      this.end('"to" or end of input');
      return { kind: 'from', start };
    }
    const end = this.call('to');
    this.end('end of input');
    return { kind: 'between', start, end };
  }

  private between(): RangeExpression {
    const s = this.scanner;
    this.open('between');
    const start = this.point();
    s.skipWhitespace();
    s.expect(',');
    s.skipWhitespace();
    const end = this.point();
    s.skipWhitespace();
    s.expect(')', s.peek() === ',' ? ' (the time zone is an argument of the query, not of the range)' : '');
    this.end('end of input');
    return { kind: 'between', start, end };
  }

  /** `keyword ( time )` */
  private call(keyword: string): Point {
    this.open(keyword);
    const point = this.point();
    this.scanner.skipWhitespace();
    this.scanner.expect(')');
    return point;
  }

  private open(keyword: string): void {
    const s = this.scanner;
    s.index += keyword.length;
    s.skipWhitespace();
    s.expect('(');
    s.skipWhitespace();
  }

  private end(expected: string): void {
    this.scanner.skipWhitespace();
    if (!this.scanner.atEnd()) this.scanner.fail(expected);
  }

  private point(): Point {
    const s = this.scanner;
    if (s.peek() === 'T') return this.relative();
    if (isDigit(s.peek())) return this.dateOrDateTime();
    return s.fail(POINT_FORMS);
  }

  private dateOrDateTime(): Point {
    const s = this.scanner;
    const start = s.index;
    const year = this.field(4, 'year', 0, 9999);
    let unit: 'Y' | 'M' | 'D' = 'Y';
    let [month, day] = [1, 1];
    if (s.peek() === '-') {
      s.index += 1;
      month = this.field(2, 'month', 1, 12);
      unit = 'M';
      if (s.peek() === '-') {
        s.index += 1;
        day = this.field(2, 'day', 1, daysInMonth(year, month));
        unit = 'D';
      }
    }
    const where = { position: start + 1 };
    if (unit !== 'D' || s.peek() !== 'T')
      return { ...where, kind: 'date', unit, year, month, day, text: this.since(start) };
    s.index += 1;
    const hour = this.field(2, 'hour', 0, 23);
    s.expect(':');
    const minute = this.field(2, 'minute', 0, 59);
    let [second, millisecond] = [0, 0];
    if (s.peek() === ':') {
      s.index += 1;
      second = this.field(2, 'second', 0, 59);
      if (s.peek() === '.') millisecond = this.fraction();
    }
    const offsetMinutes = this.utcOffset();
    const local = { year, month, day, hour, minute, second, millisecond };
    return { ...where, kind: 'dateTime', local, offsetMinutes, text: this.since(start) };
  }

  /** `.5`, `.250`, `.123456789`: milliseconds; finer digits are dropped. */
  private fraction(): number {
    const s = this.scanner;
    s.index += 1;
    const at = s.index;
    const digits = s.takeDigits();
    if (digits === '' || digits.length > MAX_DIGITS)
      s.fail(`1 to ${MAX_DIGITS} digits of a fraction of a second`, '', at);
    return Number(digits.slice(0, 3).padEnd(3, '0'));
  }

  /** `Z`, `+05:30`, `-04:00`, or nothing (local time). */
  private utcOffset(): number | undefined {
    const s = this.scanner;
    const sign = s.peek();
    if (sign === 'Z') {
      s.index += 1;
      return 0;
    }
    if (sign !== '+' && sign !== '-') return undefined;
    s.index += 1;
    const hours = this.field(2, 'offset hour', 0, 23);
    s.expect(':');
    const minutes = this.field(2, 'offset minute', 0, 59);
    return (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
  }

  /** Exactly `width` digits whose value lies in [min, max]: `field(2, 'month', 1, 12)`. */
  private field(width: number, name: string, min: number, max: number): number {
    const s = this.scanner;
    const at = s.index;
    const digits = s.takeDigits();
    if (digits.length !== width) s.fail(`a ${width}-digit ${name}`, '', at);
    const value = Number(digits);
    if (value < min || value > max) {
      const [low, high] = [min, max].map((n) => String(n).padStart(width, '0'));
      s.fail(`${/^(?:hour|offset)/.test(name) ? 'an' : 'a'} ${name} from ${low} to ${high}`, '', at);
    }
    return value;
  }

  private relative(): Point {
    const s = this.scanner;
    const start = s.index;
    s.index += 1;
    const steps: Step[] = [];
    for (;;) {
      const char = s.peek();
      if (char === '+' || char === '-') {
        s.index += 1;
        this.signed(char === '-' ? -1 : 1, steps);
      } else if (char === '/') {
        const position = s.position;
        s.index += 1;
        steps.push({ kind: 'snap', position, unit: this.unit(`a unit (${UNIT_LIST})`) });
      } else if (isLetter(char)) {
        steps.push(this.setter());
      } else if (isDigit(char)) {
        s.fail('"+" or "-" before an offset');
      } else {
        return { kind: 'relative', position: start + 1, text: this.since(start), steps };
      }
    }
  }

  /** After a sign: offsets (`-1Y2M`), or one setter that the sign does not change (`T-M1`). */
  private signed(sign: 1 | -1, steps: Step[]): void {
    const s = this.scanner;
    if (isLetter(s.peek())) {
      steps.push(this.setter());
      return;
    }
    if (!isDigit(s.peek())) s.fail('a number or a field setter like "h0"');
    while (isDigit(s.peek())) {
      const position = s.position;
      const amount = this.number();
      const unit = this.unit(`a unit (${UNIT_LIST})`);
      steps.push({ kind: 'shift', position, unit, amount: amount === 0 ? 0 : sign * amount });
    }
  }

  private setter(): Step {
    const s = this.scanner;
    const position = s.position;
    const unit = this.unit(`a field setter like "h0" (${UNIT_LIST} and a number)`);
    const at = s.index;
    const value = this.number();
    const { noun, min, max } = SETTER_RANGES[unit];
    if (value < min || value > max) s.fail(`${noun} from ${min} to ${max}`, '', at);
    return { kind: 'set', position, unit, value };
  }

  private unit(expected: string): Unit {
    const s = this.scanner;
    const char = s.peek();
    if (isUnit(char)) {
      s.index += 1;
      return char;
    }
    const hint = CASE_HINTS[char];
    return s.fail(expected, hint === undefined ? '' : ` (units are case-sensitive: ${hint})`);
  }

  private number(): number {
    const s = this.scanner;
    const at = s.index;
    const digits = s.takeDigits();
    if (digits === '') s.fail('a number');
    if (digits.length > MAX_DIGITS) s.fail(`a number of at most ${MAX_DIGITS} digits`, '', at);
    return Number(digits);
  }

  private since(start: number): string {
    return this.scanner.source.slice(start, this.scanner.index);
  }
}

/** Days in a month of the proleptic Gregorian calendar (a calendar fact; no time zone involved). */
function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}
