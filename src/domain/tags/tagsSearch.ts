/**
 * The tags_search language of series queries (the AppOptics reference's `tags_search`), e.g.
 * `region=us-east* and db=*prod*`: a recursive-descent parser to a small AST, a printer, and a
 * compiler from the AST to a predicate over a series' tag set.
 *
 * Grammar (EBNF; whitespace may separate any two tokens; keywords are case-insensitive):
 *
 *   search      = or-expr ;
 *   or-expr     = and-expr , { "or" , and-expr } ;
 *   and-expr    = unary , { "and" , unary } ;
 *   unary       = "not" , unary | "(" , or-expr , ")" | comparison ;
 *   comparison  = operand , ( "=" | "!=" ) , operand ;          (* tag name, then value pattern *)
 *   operand     = word | string ;
 *   word        = word-char , { word-char } ;                    (* but not "and", "or" or "not" *)
 *   word-char   = letter | digit | "_" | "-" | "." | ":" | "?" | "/" | "\" | "*" ;
 *   string      = '"' , { any character but '"' and '\' | '\"' | '\\' } , '"' ;
 *
 * Precedence: not > and > or. Quote a name or value that holds spaces or is a keyword: `"not"="a b"`.
 * A tag name is 1-64 of letters, digits, "-", ".", ":", "_"; a value pattern is 1-255 of those, space,
 * "?", "\", "/", and "*" — the only wildcard, also inside quotes; a pattern without "*" must equal the
 * whole value (case-insensitive). Meaning:
 *   name=pattern    the series has tag `name` and its value matches `pattern`; `name=*`: has the tag
 *   name!=pattern   the series has tag `name` and its value does not match (like the `tags` filter's
 *                   "!pattern"; `not name=pattern` also matches series without the tag)
 * An empty search is an error (omit it to match every series). At most 4,096 characters and 64
 * levels of "not" and parentheses.
 *
 * The rule: every error is a UserInputError whose message starts `at <1-based column>:` (see the
 * lexer), and `parseTagsSearch(printTagExpression(e))` must give back `e`.
 */
import {
  matchesEverything,
  tagNameProblem,
  tagValueMatcher,
  valuePatternProblem,
  type TagPredicate,
  type TagSet,
} from './tagFilter.js';
import {
  describeToken,
  isBareWord,
  syntaxError,
  TagsSearchLexer,
  type Token,
  type TokenKind,
} from './tagsSearchLexer.js';

/** The AST: and/or nodes have at least two operands; names and patterns are lower-cased. */
export type TagExpression =
  | { readonly kind: 'and' | 'or'; readonly operands: readonly TagExpression[] }
  | { readonly kind: 'not'; readonly operand: TagExpression }
  | { readonly kind: 'compare'; readonly name: string; readonly op: '=' | '!='; readonly pattern: string };

export const MAX_SEARCH_LENGTH = 4096;
export const MAX_SEARCH_DEPTH = 64;

export function parseTagsSearch(source: string): TagExpression {
  if (source.length > MAX_SEARCH_LENGTH) {
    const message = `expected at most ${MAX_SEARCH_LENGTH} characters but found ${source.length}`;
    throw syntaxError(MAX_SEARCH_LENGTH + 1, message);
  }
  return new Parser(source).parse();
}

export function compileTagsSearch(source: string): TagPredicate {
  return compileTagExpression(parseTagsSearch(source));
}

export function matchesTagExpression(expression: TagExpression, tags: TagSet): boolean {
  return compileTagExpression(expression)(tags);
}

/** A predicate with every pattern compiled once: use it to test many series. */
export function compileTagExpression(expression: TagExpression): TagPredicate {
  switch (expression.kind) {
    case 'compare':
      return compileComparison(expression.name, expression.op, expression.pattern);
    case 'not': {
      const operand = compileTagExpression(expression.operand);
      return (tags) => !operand(tags);
    }
    case 'and': {
      const operands = expression.operands.map(compileTagExpression);
      return (tags) => operands.every((operand) => operand(tags));
    }
    case 'or': {
      const operands = expression.operands.map(compileTagExpression);
      return (tags) => operands.some((operand) => operand(tags));
    }
  }
}

/** The canonical source that parses back to `expression`, in the reference's style: `a=b and not c=*`. */
export function printTagExpression(expression: TagExpression): string {
  switch (expression.kind) {
    case 'compare':
      return `${printOperand(expression.name)}${expression.op}${printOperand(expression.pattern)}`;
    case 'not':
      return `not ${printChild(expression.operand, 'not')}`;
    default:
      return expression.operands.map((operand) => printChild(operand, expression.kind)).join(` ${expression.kind} `);
  }
}

function compileComparison(name: string, op: '=' | '!=', pattern: string): TagPredicate {
  const matches = tagValueMatcher(pattern);
  const wanted = op === '=';
  return (tags) => {
    const value = tags.get(name);
    return value !== undefined && matches(value) === wanted;
  };
}

/** Parenthesizes an and/or child, except an and-expression inside an or-expression. */
function printChild(child: TagExpression, parent: 'and' | 'or' | 'not'): string {
  const printed = printTagExpression(child);
  const grouped = child.kind === 'and' || child.kind === 'or';
  return grouped && !(parent === 'or' && child.kind === 'and') ? `(${printed})` : printed;
}

function printOperand(text: string): string {
  return isBareWord(text) ? text : `"${text.replace(/[\\"]/g, '\\$&')}"`;
}

class Parser {
  private readonly lexer: TagsSearchLexer;
  private depth = 0;

  constructor(source: string) {
    this.lexer = new TagsSearchLexer(source);
  }

  parse(): TagExpression {
    const expression = this.orExpression();
    this.expect(['end'], '"and", "or" or end of input');
    return expression;
  }

  private orExpression(): TagExpression {
    return this.list('or', () => this.andExpression());
  }

  private andExpression(): TagExpression {
    return this.list('and', () => this.unary());
  }

  private list(kind: 'and' | 'or', operand: () => TagExpression): TagExpression {
    const operands = [operand()];
    while (this.lexer.peek().kind === kind) {
      this.lexer.next();
      operands.push(operand());
    }
    return operands.length === 1 && operands[0] !== undefined ? operands[0] : { kind, operands };
  }

  private unary(): TagExpression {
    const token = this.lexer.peek();
    if (token.kind === 'not') {
      this.lexer.next();
      return this.nested(token, () => ({ kind: 'not', operand: this.unary() }));
    }
    if (token.kind === '(') {
      this.lexer.next();
      return this.nested(token, () => {
        const inner = this.orExpression();
        this.expect([')'], '"and", "or" or ")"');
        return inner;
      });
    }
    return this.comparison();
  }

  /** Parses one level deeper, refusing to go past MAX_SEARCH_DEPTH so no input can blow the stack. */
  private nested(opening: Token, parse: () => TagExpression): TagExpression {
    if (this.depth >= MAX_SEARCH_DEPTH) {
      const message = `expected at most ${MAX_SEARCH_DEPTH} levels of "not" and parentheses but found more`;
      throw syntaxError(opening.position, message);
    }
    this.depth += 1;
    const expression = parse();
    this.depth -= 1;
    return expression;
  }

  private comparison(): TagExpression {
    const nameToken = this.operand('a tag name, "not" or "("');
    const nameProblem = tagNameProblem(nameToken.text);
    if (nameProblem !== undefined) {
      throw syntaxError(nameToken.position, `tag name ${JSON.stringify(nameToken.text)} ${nameProblem}`);
    }
    const opToken = this.expect(['=', '!='], '"=" or "!="');
    const patternToken = this.operand('a value pattern');
    const patternProblem = valuePatternProblem(patternToken.text);
    if (patternProblem !== undefined) {
      throw syntaxError(patternToken.position, `value pattern ${JSON.stringify(patternToken.text)} ${patternProblem}`);
    }
    const name = nameToken.text.toLowerCase();
    const pattern = patternToken.text.toLowerCase();
    const op = opToken.kind === '=' ? '=' : '!=';
    if (op === '!=' && matchesEverything(pattern)) {
      const message = `"${name}!=${pattern}" matches nothing; use "not ${name}=*" for series without the tag`;
      throw syntaxError(opToken.position, message);
    }
    return { kind: 'compare', name, op, pattern };
  }

  private operand(expected: string): Token {
    const token = this.lexer.next();
    if (token.kind === 'word' || token.kind === 'string') return token;
    throw syntaxError(token.position, `expected ${expected} but found ${describeToken(token)}${operandHint(token)}`);
  }

  private expect(kinds: readonly TokenKind[], expected: string): Token {
    const token = this.lexer.next();
    if (kinds.includes(token.kind)) return token;
    throw syntaxError(token.position, `expected ${expected} but found ${describeToken(token)}`);
  }
}

/** What the user probably meant when a keyword or "!" stands where a name or value should. */
function operandHint(token: Token): string {
  if (token.kind === 'and' || token.kind === 'or' || token.kind === 'not') {
    return ` (quote a keyword to use it as a name or value: "${token.text}")`;
  }
  return token.text === '!' ? ' (negate with name!=pattern)' : '';
}
