/**
 * One pass of graphql-js's lexer over a document, before it is parsed: how many tokens it has
 * (counted as `parse`'s `maxTokens` counts them: comments are not tokens) and how deeply its
 * braces, brackets and parentheses nest. graphql-js's parser recurses once per level of
 * nesting and overflows the stack at a few thousand; the lexer does not recurse, so this scan
 * is safe on any input and linear in its length.
 *
 * It also counts the fields written directly in each selection set (a name in a selection set
 * that is not an alias's target, a spread, a type condition or a directive; inline fragments
 * and spreads not followed): never more than the set's width as selectionFields.ts measures it
 * after parsing, so a set that breaks `limits.maxFieldsPerSelection` by itself is refused
 * without the cost of parsing it.
 *
 * The scan stops at the first token past `maxTokens`: a document that long is refused whatever
 * its count, and a batch's budget is spent before its last operation is read.
 *
 * The rule: the scan never throws. A document the lexer cannot read (an unterminated string)
 * is scanned up to that point and marked `unreadable`; parsing it reports the syntax error.
 */
import { GraphQLError, Lexer, Source, TokenKind, type Token } from 'graphql';

export interface TokenScan {
  source: Source;
  tokens: number;
  /** The deepest nesting of `{`, `[` and `(`; 0 for a document without any. */
  nesting: number;
  /** The offset of the first opening token deeper than the scan's `maxNesting`, if any. */
  pastLimitAt: number | undefined;
  unreadable: boolean;
  /** The most fields written directly in one selection set, and where that set opens. */
  widestDirect: number;
  widestDirectAt: number;
  /** Whether the scan stopped past `maxTokens`: `tokens` and `nesting` are then only so far. */
  overBudget: boolean;
}

export interface ScanLimits {
  maxNesting?: number;
  maxTokens?: number;
}

const OPENING = new Set<string>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING = new Set<string>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

export function tokenScan(query: string, limits: ScanLimits = {}): TokenScan {
  const { maxNesting = Number.POSITIVE_INFINITY, maxTokens = Number.POSITIVE_INFINITY } = limits;
  const source = new Source(query);
  const scan: TokenScan = {
    source,
    tokens: 0,
    nesting: 0,
    pastLimitAt: undefined,
    unreadable: false,
    overBudget: false,
    widestDirect: 0,
    widestDirectAt: 0,
  };
  const lexer = new Lexer(source);
  const fields = new DirectFields(scan);
  let depth = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      scan.tokens += 1;
      if (scan.tokens > maxTokens) {
        scan.overBudget = true;
        break;
      }
      fields.see(token);
      if (CLOSING.has(token.kind)) depth = Math.max(0, depth - 1);
      else if (OPENING.has(token.kind)) {
        depth += 1;
        scan.nesting = Math.max(scan.nesting, depth);
        if (depth > maxNesting) scan.pastLimitAt ??= token.start;
      }
    }
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    scan.unreadable = true;
  }
  return scan;
}

/** Counts the names written directly in each open selection set, from the token stream. */
class DirectFields {
  /** One frame per open `{`, `[`, `(`: a selection set's count and offset, or null for any other. */
  private readonly open: ({ fields: number; at: number } | null)[] = [];
  private previous: Token | undefined;
  private beforePrevious: Token | undefined;

  constructor(private readonly scan: TokenScan) {}

  see(token: Token): void {
    const top = this.open.length > 0 ? this.open[this.open.length - 1] : undefined;
    if (CLOSING.has(token.kind)) this.open.pop();
    else if (token.kind === TokenKind.BRACE_L) {
      // A selection set opens at the top level or right inside another; any other `{` is a value.
      this.open.push(top === null ? null : { fields: 0, at: token.start });
    } else if (OPENING.has(token.kind)) this.open.push(null);
    else if (token.kind === TokenKind.NAME && top && this.isField()) {
      top.fields += 1;
      if (top.fields > this.scan.widestDirect) {
        this.scan.widestDirect = top.fields;
        this.scan.widestDirectAt = top.at;
      }
    }
    this.beforePrevious = this.previous;
    this.previous = token;
  }

  private isField(): boolean {
    const previous = this.previous?.kind;
    if (previous === TokenKind.COLON || previous === TokenKind.SPREAD || previous === TokenKind.AT) return false;
    return !(this.previous?.value === 'on' && this.beforePrevious?.kind === TokenKind.SPREAD);
  }
}
