/**
 * The character scanner under the range-expression parser (grammar in rangeExpression.ts). Range
 * expressions are too small and too dense for a token stream — `T-1Dh0m0s0` is one word whose
 * meaning turns on whether a digit or a letter comes first — so the parser reads characters and
 * this class keeps the cursor and names what it found.
 *
 * The rule: every position is a 1-based column into the source (source.length + 1 is the end of
 * input), and every error is a UserInputError from `rangeError`, whose message reads
 * `at <column>: expected <what> but found <what>` and whose details are `{ field: 'range', position }`.
 */
import { UserInputError } from '../../errors.js';

export function rangeError(position: number, message: string): UserInputError {
  return new UserInputError(`at ${position}: ${message}`, { field: 'range', position });
}

export function isDigit(char: string): boolean {
  return char >= '0' && char <= '9' && char.length === 1;
}

export function isLetter(char: string): boolean {
  return /^[A-Za-z]$/.test(char);
}

export class RangeScanner {
  /** 0-based index of the next character. */
  index = 0;

  constructor(readonly source: string) {}

  /** The 1-based column of the next character. */
  get position(): number {
    return this.index + 1;
  }

  atEnd(): boolean {
    return this.index >= this.source.length;
  }

  /** The character `ahead` places after the cursor, or '' past the end. */
  peek(ahead = 0): string {
    return this.source.charAt(this.index + ahead);
  }

  skipWhitespace(): void {
    while (!this.atEnd() && /\s/.test(this.peek())) this.index += 1;
  }

  /** The run of ASCII letters at the cursor (a keyword, a unit, a misspelling), without taking it. */
  letters(): string {
    return /^[A-Za-z]*/.exec(this.source.slice(this.index))?.[0] ?? '';
  }

  /** Takes the run of digits at the cursor; '' if there is none. */
  takeDigits(): string {
    const digits = /^[0-9]*/.exec(this.source.slice(this.index))?.[0] ?? '';
    this.index += digits.length;
    return digits;
  }

  /** Takes `char` or fails with `expected "<char>"`. */
  expect(char: string, hint = ''): void {
    if (this.peek() !== char) this.fail(JSON.stringify(char), hint);
    this.index += 1;
  }

  /** Fails at the cursor (or at `index`): `expected <expected> but found <what is there><hint>`. */
  fail(expected: string, hint = '', index = this.index): never {
    throw rangeError(index + 1, `expected ${expected} but found ${this.describe(index)}${hint}`);
  }

  /** How the input at `index` is named after "but found": a word, a number, one character or the end. */
  describe(index: number): string {
    if (index >= this.source.length) return 'end of input';
    const run = /^(?:[A-Za-z]+|[0-9]+)/.exec(this.source.slice(index))?.[0];
    return JSON.stringify(run ?? String.fromCodePoint(this.source.codePointAt(index) ?? 0));
  }
}
