/**
 * The tokens of the tags_search language (grammar in tagsSearch.ts). The lexer is pulled by the
 * parser one token at a time, so the error a user sees is always the leftmost one, whether it is
 * a lexical one (an unterminated string) or a syntax one.
 *
 * The rule: every position is a 1-based column into the source (source.length + 1 is the end of
 * input), and every error is a UserInputError from `syntaxError`, whose message starts `at <column>:`.
 */
import { UserInputError } from '../../errors.js';
import { LookaheadLexer, readQuoted } from '../lexing.js';

export type TokenKind = 'word' | 'string' | '(' | ')' | '=' | '!=' | 'and' | 'or' | 'not' | 'invalid' | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** The word, the unescaped string, the symbol or invalid character as written; '' at the end. */
  readonly text: string;
  /** 1-based column of the token's first character. */
  readonly position: number;
}

const KEYWORDS: ReadonlySet<string> = new Set(['and', 'or', 'not']);

/** Characters of an unquoted word: tag name and value characters, but no space, plus the wildcard. */
export function isWordChar(char: string): boolean {
  return /^[-.:_?\\/*\w]$/.test(char);
}

/** True if `text` is written as a bare word: non-empty, only word characters, not a keyword. */
export function isBareWord(text: string): boolean {
  return text !== '' && [...text].every(isWordChar) && !KEYWORDS.has(text.toLowerCase());
}

export function syntaxError(position: number, message: string): UserInputError {
  return new UserInputError(`at ${position}: ${message}`, { field: 'tagsSearch', position });
}

/** How a token is named in "expected … but found …". */
export function describeToken(token: Token): string {
  if (token.kind === 'end') return 'end of input';
  if (token.kind === 'string') return `string ${JSON.stringify(token.text)}`;
  return JSON.stringify(token.text);
}

export class TagsSearchLexer extends LookaheadLexer<Token> {
  private index = 0;

  constructor(private readonly source: string) {
    super();
  }

  protected scan(): Token {
    const { source } = this;
    while (this.index < source.length && /\s/.test(source.charAt(this.index))) this.index += 1;
    const start = this.index;
    const char = source.charAt(start);
    if (start >= source.length) return { kind: 'end', text: '', position: start + 1 };
    if (char === '(' || char === ')' || char === '=') return this.symbol(char, 1);
    if (char === '!' && source.charAt(start + 1) === '=') return this.symbol('!=', 2);
    if (char === '"') return this.quoted();
    if (isWordChar(char)) return this.word();
    const invalid = String.fromCodePoint(source.codePointAt(start) ?? 0);
    this.index += invalid.length;
    return { kind: 'invalid', text: invalid, position: start + 1 };
  }

  private symbol(kind: '(' | ')' | '=' | '!=', length: number): Token {
    const position = this.index + 1;
    this.index += length;
    return { kind, text: kind, position };
  }

  private word(): Token {
    const start = this.index;
    while (this.index < this.source.length && isWordChar(this.source.charAt(this.index))) this.index += 1;
    const text = this.source.slice(start, this.index);
    const keyword = text.toLowerCase();
    if (keyword === 'and' || keyword === 'or' || keyword === 'not') return { kind: keyword, text, position: start + 1 };
    return { kind: 'word', text, position: start + 1 };
  }

  /** A double-quoted string (lexing.ts). */
  private quoted(): Token {
    const position = this.index + 1;
    const { text, end } = readQuoted(this.source, this.index, syntaxError);
    this.index = end;
    return { kind: 'string', text, position };
  }
}
