/**
 * What the domain's small languages (tags_search, composites) lex alike: a one-token lookahead
 * the parser pulls from, and the double-quoted string with `\"` and `\\` as its only escapes.
 *
 * The rule: positions are 1-based columns into the source (source.length + 1 is the end of
 * input), and every error comes from the language's own `fail`, so its messages and details
 * stay that language's.
 */

/** Makes a language's error at a 1-based column. */
export type Fail = (position: number, message: string) => Error;

/** A lexer the parser pulls one token at a time, so the error it meets first is the leftmost. */
export abstract class LookaheadLexer<T> {
  private lookahead: T | undefined;

  peek(): T {
    this.lookahead ??= this.scan();
    return this.lookahead;
  }

  next(): T {
    const token = this.peek();
    this.lookahead = undefined;
    return token;
  }

  /** The next token of the source. */
  protected abstract scan(): T;
}

/**
 * The string whose opening `"` is at `start`: its unescaped text and the index just after its
 * closing `"`. An unterminated string or another escape is `fail`ed where it is.
 */
export function readQuoted(source: string, start: number, fail: Fail): { text: string; end: number } {
  let text = '';
  let index = start + 1;
  for (;;) {
    if (index >= source.length) throw fail(source.length + 1, "expected '\"' but found end of input");
    const char = source.charAt(index);
    index += 1;
    if (char === '"') return { text, end: index };
    if (char !== '\\') {
      text += char;
      continue;
    }
    const escaped = source.charAt(index);
    if (escaped !== '"' && escaped !== '\\') {
      throw fail(index + 1, `expected '"' or '\\' after '\\' but found ${describeCharAt(source, index)}`);
    }
    text += escaped;
    index += 1;
  }
}

/** The character at `index` as a message names it (a whole code point), or the end of input. */
export function describeCharAt(source: string, index: number): string {
  if (index >= source.length) return 'end of input';
  return JSON.stringify(String.fromCodePoint(source.codePointAt(index) ?? 0));
}
