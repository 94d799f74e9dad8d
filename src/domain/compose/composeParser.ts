/**
 * The parser of the composite metric language (the AppOptics "Language Specification" of
 * composite metrics): `derive(s("disk.ops", {"host": "*"}), {detect_reset: "true"})`. A
 * recursive-descent parser, one method per rule, to the tree of composeAst.ts.
 *
 * Grammar (EBNF; whitespace may separate any two tokens, but not a function's name from its "("):
 *
 *   composite   = call | set ;                                 (* the whole input *)
 *   argument    = call | set | string | number | map ;
 *   call        = name , "(" , [ argument , { "," , argument } ] , ")" ;
 *   set         = "[" , [ argument , { "," , argument } ] , "]" ;
 *   map         = "{" , "}" | tag-map | options-map ;
 *   tag-map     = "{" , tag-entry , { "," , tag-entry } , "}" ;
 *   tag-entry   = string , ":" , ( string | "[" , string , { "," , string } , "]" ) ;
 *   options-map = "{" , option , { "," , option } , "}" ;
 *   option      = name , ":" , ( string | number ) ;
 *   name        = ( letter | "_" ) , { letter | digit | "_" } ;          (* ASCII *)
 *   string      = '"' , { any character but '"' and '\' | '\"' | '\\' } , '"' ;
 *   number      = [ "-" ] , digit , { digit } , [ "." , digit , { digit } ] ;
 *
 * Which map is which: a map's first key decides — a quoted key makes a tag map, a bare name an
 * options map, and every later key must be written the same way. An empty `{}` has no key, so its
 * place decides: the second argument of `series(…)` or `s(…)` is a tag map (`series("m", {})`, the
 * specification's own example), and anywhere else it is an options map. A key may not repeat.
 * A list of patterns as a tag's value is Almanac's addition: the specification shows one pattern.
 *
 * The dynamic tag is the string `"%"` where an argument or a tag's whole value stands
 * (`s("m", "%")`, `{"host": "%"}`); inside a list of tag values it is refused, and as an option's
 * value it is an ordinary string.
 *
 * Not the parser's (the evaluator's, with its function table): whether a function exists, how many
 * arguments of which kinds it takes, which options it knows, and the flattening of nested sets —
 * the tree keeps sets as written. The evaluator reports those through `composeError` at the
 * node's position, so every refusal of a composite reads alike.
 *
 * The rule: no input can crash or hang the parser. It refuses an input over MAX_COMPOSE_LENGTH
 * characters before reading it, and calls and sets nested deeper than MAX_COMPOSE_DEPTH where the
 * one too deep opens, so recursion is bounded; every error is a composeError and the leftmost one.
 */
import {
  DYNAMIC_TAG,
  SERIES_FUNCTIONS,
  type Argument,
  type Call,
  type ComposeExpression,
  type NumberLit,
  type OptionEntry,
  type OptionsMap,
  type SetExpr,
  type StringLit,
  type TagEntry,
  type TagList,
  type TagMap,
  type TagValue,
} from './composeAst.js';
import { composeError } from './composeError.js';
import { ComposeLexer, describeToken, type Token, type TokenKind } from './composeLexer.js';

/** As long as a PromQL query may be. */
export const MAX_COMPOSE_LENGTH = 16_384;
export const MAX_COMPOSE_DEPTH = 64;

const ARGUMENT = 'a call, "[", "{", a string or a number';

export function parseCompose(source: string): ComposeExpression {
  if (source.length > MAX_COMPOSE_LENGTH) {
    const message = `expected at most ${MAX_COMPOSE_LENGTH} characters but found ${source.length}`;
    throw composeError(MAX_COMPOSE_LENGTH + 1, message);
  }
  return new Parser(source).parse();
}

/** What an empty `{}` is, where it stands. */
type EmptyMap = 'tags' | 'options';

/** How a map's keys are written: quoted tag names or bare option names. */
interface KeyRule {
  readonly kind: 'string' | 'word';
  readonly expected: string;
  /** Why a key written the other way is refused. */
  readonly why: string;
  readonly noun: 'tag' | 'option';
}

const TAG_KEYS: KeyRule = {
  kind: 'string',
  expected: 'a quoted tag name',
  why: 'the first key is quoted, so every key is a tag name',
  noun: 'tag',
};
const OPTION_KEYS: KeyRule = {
  kind: 'word',
  expected: 'an option name',
  why: 'the first key is bare, so every key is an option name',
  noun: 'option',
};

class Parser {
  private readonly lexer: ComposeLexer;
  private depth = 0;

  constructor(source: string) {
    this.lexer = new ComposeLexer(source);
  }

  parse(): ComposeExpression {
    const token = this.lexer.next();
    if (token.kind !== 'call' && token.kind !== '[') this.fail(token, 'a function call or "["');
    const composite = token.kind === 'call' ? this.call(token) : this.set(token);
    this.expect(['end'], 'end of input');
    return composite;
  }

  private argument(emptyMap: EmptyMap): Argument {
    const token = this.lexer.next();
    switch (token.kind) {
      case 'call':
        return this.call(token);
      case '[':
        return this.set(token);
      case '{':
        return this.map(token, emptyMap);
      case 'number':
        return numberOf(token);
      case 'string':
        return token.text === DYNAMIC_TAG ? { kind: 'dynamic', position: token.position } : stringOf(token);
      default:
        return this.fail(token, ARGUMENT, token.kind === 'word' ? ` (a call is written "${token.text}(…)")` : '');
    }
  }

  /** After `name(`. The name is not looked up: that is the evaluator's, against its function table. */
  private call(open: Token): Call {
    return this.nested(open, () => {
      const args = this.list(')', (index) =>
        this.argument(SERIES_FUNCTIONS.has(open.text) && index === 1 ? 'tags' : 'options'),
      );
      return { kind: 'call', position: open.position, name: open.text, args };
    });
  }

  private set(open: Token): SetExpr {
    return this.nested(open, () => {
      const members = this.list(']', () => this.argument('options'));
      return { kind: 'set', position: open.position, members };
    });
  }

  /** `item, item, ... close` or just `close`; no trailing comma. */
  private list<T>(close: ')' | ']', item: (index: number) => T): T[] {
    const items: T[] = [];
    if (this.lexer.peek().kind === close) {
      this.lexer.next();
      return items;
    }
    do items.push(item(items.length));
    while (this.expect([',', close], `"," or "${close}"`).kind === ',');
    return items;
  }

  /** Parses one level deeper, refusing to go past MAX_COMPOSE_DEPTH so no input can blow the stack. */
  private nested<T>(open: Token, parse: () => T): T {
    if (this.depth >= MAX_COMPOSE_DEPTH) {
      throw composeError(
        open.position,
        `expected at most ${MAX_COMPOSE_DEPTH} levels of calls and sets but found more`,
      );
    }
    this.depth += 1;
    const parsed = parse();
    this.depth -= 1;
    return parsed;
  }

  /** After `{`: the first key decides the kind of map; `{}` takes the kind its place gives it. */
  private map(open: Token, emptyMap: EmptyMap): TagMap | OptionsMap {
    const first = this.lexer.peek();
    if (first.kind === '}') {
      this.lexer.next();
      return { kind: emptyMap, position: open.position, entries: [] };
    }
    if (first.kind === 'string') return { kind: 'tags', position: open.position, entries: this.tagEntries() };
    if (first.kind === 'word') return { kind: 'options', position: open.position, entries: this.optionEntries() };
    return this.fail(first, 'a quoted tag name, an option name or "}"');
  }

  private tagEntries(): TagEntry[] {
    return this.entries(TAG_KEYS, (name) => ({
      position: name.position,
      name: name.text,
      value: this.tagValue(),
    }));
  }

  private tagValue(): TagValue {
    const token = this.expect(['string', '['], 'a value pattern or "["');
    if (token.kind === '[') return this.tagList(token);
    return token.text === DYNAMIC_TAG ? { kind: 'dynamic', position: token.position } : stringOf(token);
  }

  private tagList(open: Token): TagList {
    const values: StringLit[] = [];
    do {
      const value = this.expect(['string'], 'a value pattern');
      if (value.text === DYNAMIC_TAG) {
        throw composeError(
          value.position,
          `the dynamic tag "${DYNAMIC_TAG}" must be a tag's whole value, not one of a list`,
        );
      }
      values.push(stringOf(value));
    } while (this.expect([',', ']'], '"," or "]"').kind === ',');
    return { kind: 'list', position: open.position, values };
  }

  private optionEntries(): OptionEntry[] {
    return this.entries(OPTION_KEYS, (name) => ({
      position: name.position,
      name: name.text,
      value: literalOf(this.expect(['string', 'number'], 'a string or a number')),
    }));
  }

  /** `key: value, ... }` after a map's `{`: every key written alike and none twice; no trailing comma. */
  private entries<E>(key: KeyRule, entry: (name: Token) => E): E[] {
    const entries: E[] = [];
    const seen = new Set<string>();
    do {
      const name = this.key(key);
      if (seen.has(name.text)) {
        throw composeError(name.position, `${key.noun} ${JSON.stringify(name.text)} appears twice`);
      }
      seen.add(name.text);
      this.expect([':'], '":"');
      entries.push(entry(name));
    } while (this.expect([',', '}'], '"," or "}"').kind === ',');
    return entries;
  }

  /** A map's key, written as the map's first key was; `why` explains a key written the other way. */
  private key({ kind, expected, why }: KeyRule): Token {
    const token = this.lexer.next();
    if (token.kind === kind) return token;
    return this.fail(token, expected, token.kind === 'string' || token.kind === 'word' ? ` (${why})` : '');
  }

  /** Takes a token of one of `kinds`, or fails with `expected <expected> but found …`. */
  private expect(kinds: readonly TokenKind[], expected: string): Token {
    const token = this.lexer.next();
    if (kinds.includes(token.kind)) return token;
    return this.fail(token, expected);
  }

  private fail(token: Token, expected: string, hint = ''): never {
    throw composeError(token.position, `expected ${expected} but found ${describeToken(token)}${hint}`);
  }
}

function stringOf(token: Token): StringLit {
  return { kind: 'string', position: token.position, value: token.text };
}

function numberOf(token: Token): NumberLit {
  return { kind: 'number', position: token.position, value: Number(token.text), text: token.text };
}

function literalOf(token: Token): StringLit | NumberLit {
  return token.kind === 'number' ? numberOf(token) : stringOf(token);
}
