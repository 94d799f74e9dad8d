/**
 * The tokens of the composite language (grammar in composeParser.ts). The parser pulls them one
 * at a time, so the error a user sees is always the leftmost one, lexical (an unterminated
 * string) or syntactic (a missing ")").
 *
 * A function's name and its "(" are one token, `call`: the specification permits no whitespace
 * between them, so `sum (x)` is refused where the space is, rather than read as a bare word.
 *
 * The rule: every position is a 1-based column into the source, and every error comes from
 * `composeError` (composeError.ts).
 */
import { describeCharAt, LookaheadLexer, readQuoted } from '../lexing.js';
import { composeError } from './composeError.js';

export type TokenKind =
  'call' | 'word' | 'string' | 'number' | '[' | ']' | '{' | '}' | ')' | ',' | ':' | 'invalid' | 'end';

export interface Token {
  readonly kind: TokenKind;
  /**
   * A call's or word's name (without "("), the unescaped string, the number or symbol as
   * written, the invalid character; '' at the end.
   */
  readonly text: string;
  /** 1-based column of the token's first character. */
  readonly position: number;
}

const PUNCTUATION: ReadonlySet<string> = new Set(['[', ']', '{', '}', ')', ',', ':']);

/** A name: a function's or an option's. ASCII letters, digits and "_", not starting with a digit. */
export function isName(text: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(text);
}

/** How a token is named after "but found". */
export function describeToken(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'end of input';
    case 'string':
      return `string ${JSON.stringify(token.text)}`;
    case 'call':
      return JSON.stringify(`${token.text}(`);
    default:
      return JSON.stringify(token.text);
  }
}

export class ComposeLexer extends LookaheadLexer<Token> {
  private index = 0;

  constructor(private readonly source: string) {
    super();
  }

  protected scan(): Token {
    this.skipWhitespace();
    const { source } = this;
    const start = this.index;
    if (start >= source.length) return { kind: 'end', text: '', position: start + 1 };
    const char = source.charAt(start);
    if (PUNCTUATION.has(char)) {
      this.index += 1;
      return { kind: char as TokenKind, text: char, position: start + 1 };
    }
    if (char === '"') return this.quoted();
    if (isDigit(char) || (char === '-' && isDigit(source.charAt(start + 1)))) return this.number();
    if (/^[A-Za-z_]$/.test(char)) return this.name();
    const invalid = String.fromCodePoint(source.codePointAt(start) ?? 0);
    this.index += invalid.length;
    return { kind: 'invalid', text: invalid, position: start + 1 };
  }

  private skipWhitespace(): void {
    while (this.index < this.source.length && /\s/.test(this.source.charAt(this.index))) this.index += 1;
  }

  /** A word, or a call if "(" follows at once; a "(" after whitespace is refused where the space is. */
  private name(): Token {
    const { source } = this;
    const start = this.index;
    while (/^[A-Za-z0-9_]$/.test(source.charAt(this.index))) this.index += 1;
    const text = source.slice(start, this.index);
    if (source.charAt(this.index) === '(') {
      this.index += 1;
      return { kind: 'call', text, position: start + 1 };
    }
    const end = this.index;
    this.skipWhitespace();
    if (source.charAt(this.index) === '(') {
      throw composeError(end + 1, `expected "(" right after "${text}" (no space between a function's name and "(")`);
    }
    return { kind: 'word', text, position: start + 1 };
  }

  /** `-?digits(.digits)?`: no exponent, no leading "+" or ".", and a "." needs a digit after it. */
  private number(): Token {
    const { source } = this;
    const start = this.index;
    if (source.charAt(this.index) === '-') this.index += 1;
    this.takeDigits();
    if (source.charAt(this.index) === '.') {
      this.index += 1;
      if (!isDigit(source.charAt(this.index))) {
        throw composeError(
          this.index + 1,
          `expected a digit after "." but found ${describeCharAt(this.source, this.index)}`,
        );
      }
      this.takeDigits();
    }
    const text = source.slice(start, this.index);
    if (!Number.isFinite(Number(text))) {
      throw composeError(start + 1, 'expected a number smaller than 1.8e308 but found a larger one');
    }
    return { kind: 'number', text, position: start + 1 };
  }

  private takeDigits(): void {
    while (isDigit(this.source.charAt(this.index))) this.index += 1;
  }

  /** A double-quoted string (lexing.ts). */
  private quoted(): Token {
    const position = this.index + 1;
    const { text, end } = readQuoted(this.source, this.index, composeError);
    this.index = end;
    return { kind: 'string', text, position };
  }
}

function isDigit(char: string): boolean {
  return char.length === 1 && char >= '0' && char <= '9';
}
