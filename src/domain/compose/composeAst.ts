/**
 * The syntax tree of a composite metric expression (the AppOptics composite language), as
 * `parseCompose` gives it and `printCompose` prints it. The tree is syntax only: it says what was
 * written, not what it means — function names, arities, option names and the flattening of
 * nested sets are the evaluator's.
 *
 * The rule: every node carries `position`, the 1-based column of its first character in the
 * source, so that the evaluator's errors (an unknown function, a wrong argument) can say where, as
 * the parser's do. A tree built by hand may put any position there; printing ignores them.
 */

/** `name(arg, ...)`: every function, `series`/`s` included; the name is not checked here. */
export interface Call {
  readonly kind: 'call';
  readonly position: number;
  readonly name: string;
  readonly args: readonly Argument[];
}

/**
 * `[a, b, ...]`: a set of series. A member may itself be a set; the tree keeps the nesting as
 * written, and the evaluator flattens it (the specification's "recursively expand/concatenate
 * the nested lists of series in place").
 */
export interface SetExpr {
  readonly kind: 'set';
  readonly position: number;
  readonly members: readonly Argument[];
}

/** `"..."`, unescaped: a metric name, a wildcard pattern, a shift like `"1d,7d"`, an option value. */
export interface StringLit {
  readonly kind: 'string';
  readonly position: number;
  readonly value: string;
}

/** `300`, `-1.5`: `text` is the literal as written (and as printed), `value` its number. */
export interface NumberLit {
  readonly kind: 'number';
  readonly position: number;
  readonly value: number;
  readonly text: string;
}

/**
 * `"%"` where a tag value or a whole argument stands (`{"host": "%"}`, `s("m", "%")`): the
 * dynamic tag, bound when the composite is queried.
 */
export interface DynamicTag {
  readonly kind: 'dynamic';
  readonly position: number;
}

/** `["web-1", "web-*"]` as a tag's value: the series' tag matches any of the patterns. */
export interface TagList {
  readonly kind: 'list';
  readonly position: number;
  readonly values: readonly StringLit[];
}

export type TagValue = StringLit | DynamicTag | TagList;

export interface TagEntry {
  /** The column of the quoted tag name. */
  readonly position: number;
  readonly name: string;
  readonly value: TagValue;
}

/** `{"host": "web-*", "region": ["a", "b"]}`: tag names are quoted, in the order written. */
export interface TagMap {
  readonly kind: 'tags';
  readonly position: number;
  readonly entries: readonly TagEntry[];
}

export interface OptionEntry {
  /** The column of the bare option name. */
  readonly position: number;
  readonly name: string;
  readonly value: StringLit | NumberLit;
}

/** `{function: "max", period: 300}`: option names are bare words, in the order written. */
export interface OptionsMap {
  readonly kind: 'options';
  readonly position: number;
  readonly entries: readonly OptionEntry[];
}

/** Anything that may stand as a call's argument or a set's member. */
export type Argument = Call | SetExpr | StringLit | NumberLit | DynamicTag | TagMap | OptionsMap;

/** A whole composite: a call or a set of series. */
export type ComposeExpression = Call | SetExpr;

/** The generator function and its alias: their second argument is the one place `{}` is a tag map. */
export const SERIES_FUNCTIONS: ReadonlySet<string> = new Set(['series', 's']);

/** The value of a string that stands for the dynamic tag. */
export const DYNAMIC_TAG = '%';
