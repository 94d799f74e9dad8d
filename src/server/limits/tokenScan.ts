/**
 * One pass of graphql-js's lexer over a document, before it is parsed: how many tokens it has
 * (counted as `parse`'s `maxTokens` counts them: comments are not tokens) and how deeply its
 * braces, brackets and parentheses nest. graphql-js's parser recurses once per level of
 * nesting and overflows the stack at a few thousand; the lexer does not recurse, so this scan
 * is safe on any input and linear in its length.
 *
 * The rule: the scan never throws. A document the lexer cannot read (an unterminated string)
 * is scanned up to that point and marked `unreadable`; parsing it reports the syntax error.
 */
import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';

export interface TokenScan {
  source: Source;
  tokens: number;
  /** The deepest nesting of `{`, `[` and `(`; 0 for a document without any. */
  nesting: number;
  /** The offset of the first opening token at that depth. */
  deepestAt: number;
  unreadable: boolean;
}

const OPENING = new Set<string>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING = new Set<string>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

export function tokenScan(query: string): TokenScan {
  const source = new Source(query);
  const scan: TokenScan = { source, tokens: 0, nesting: 0, deepestAt: 0, unreadable: false };
  const lexer = new Lexer(source);
  let depth = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      scan.tokens += 1;
      if (CLOSING.has(token.kind)) depth = Math.max(0, depth - 1);
      else if (OPENING.has(token.kind) && ++depth > scan.nesting) {
        scan.nesting = depth;
        scan.deepestAt = token.start;
      }
    }
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    scan.unreadable = true;
  }
  return scan;
}
