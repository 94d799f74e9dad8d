/**
 * PromQL text built from user input — the only place Almanac writes PromQL. Every user value
 * reaches Prometheus as a quoted string literal (label values, regular expressions, a metric
 * name that is not a plain identifier); label names are used only when they are valid label
 * names, so no input can end a string or add a term.
 *
 * Tag filters are pushed down conservatively: the matchers narrow what Prometheus returns but
 * never exclude a series the filter accepts, and the exact filter (domain/tags) is applied to
 * the returned series afterwards. So a filter PromQL cannot express — a tag name that is not a
 * label name, tags_search's ORs across names — is still answered exactly, only less cheaply.
 */
import type { TagPair } from '../../domain/tags/tagFilter.js';

export type MatchOp = '=' | '!=' | '=~' | '!~';

export interface Matcher {
  name: string;
  op: MatchOp;
  value: string;
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const GO_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

export function isLabelName(name: string): boolean {
  return LABEL_NAME.test(name);
}

/** Words PromQL's parser reads as keywords, functions' modifiers or numbers where a metric name could stand. */
const KEYWORDS = new Set([
  'and',
  'or',
  'unless',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'offset',
  'bool',
  'atan2',
  'sum',
  'avg',
  'count',
  'min',
  'max',
  'group',
  'stddev',
  'stdvar',
  'topk',
  'bottomk',
  'count_values',
  'quantile',
  'inf',
  'nan',
  'start',
  'end',
]);

/** True for a name PromQL reads as a metric name when written bare. */
export function isMetricName(name: string): boolean {
  return METRIC_NAME.test(name) && !KEYWORDS.has(name.toLowerCase());
}

/**
 * A PromQL double-quoted string literal of `text`: backslash, quote and control characters
 * escaped. U+FFFD is escaped too: Prometheus's lexer reads a literal U+FFFD as invalid UTF-8 and
 * refuses the query. A lone surrogate, which UTF-8 cannot carry, becomes U+FFFD, as it would in
 * any UTF-8 encoding of the query.
 */
export function quote(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const escaped = GO_ESCAPES[char];
    if (escaped !== undefined) out += escaped;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code === 0xfffd || (code >= 0xd800 && code <= 0xdfff)) out += '\\uFFFD';
    else out += char;
  }
  return `${out}"`;
}

/** `text` as an RE2 pattern that matches exactly it (Go's regexp.QuoteMeta). */
export function regexLiteral(text: string): string {
  return text.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/** A tag value pattern (`*` the only wildcard, case-insensitive) as an anchored-by-Prometheus RE2 body. */
export function patternRegex(pattern: string): string {
  return pattern.split('*').map(regexLiteral).join('.*');
}

/** `metric{matchers}`; a metric name that is not an identifier becomes a `__name__` matcher. */
export function selector(metric: string, matchers: readonly Matcher[] = []): string {
  const all = isMetricName(metric) ? matchers : [{ name: '__name__', op: '=' as const, value: metric }, ...matchers];
  const inner = all.map(({ name, op, value }) => `${name}${op}${quote(value)}`).join(',');
  if (isMetricName(metric)) return inner === '' ? metric : `${metric}{${inner}}`;
  return `{${inner}}`;
}

/**
 * Matchers implied by a tag filter (domain/tags/tagFilter.ts semantics), never narrower than
 * it. The filter sees label names lower-cased, so a tag name stands for the label whose name
 * lower-cases to it: `labelNames` (the metric's label names) says which that is; without it,
 * label names are taken to be lower-case. Per tag name: `!name` alone → absent (`=""`); positive
 * patterns → one case-insensitive `=~` alternation, which also admits "" when `!name` is there
 * too; negated patterns → the label must match none of them, and exist (`!=""`) when there are
 * no positives. Names that are not label names, that are reserved (`__name__`), or that two
 * labels lower-case to, and negations beside `!name`, are left to the exact filter.
 *
 * The regular expressions must be no narrower than the filter's case-insensitive glob either:
 * `*` matches newlines (`(?s)`; Prometheus 2.x's `.` does not by default); RE2's `(?i)` misses
 * U+0130 (İ), which JavaScript lower-cases to "i" + U+0307, so positives match it for `i`
 * explicitly; and a negation excludes only ASCII case variants, because `(?i)` would also fold
 * U+017F (ſ) to `s`, which the filter does not.
 */
export function pushdownMatchers(pairs: readonly TagPair[], labelNames?: readonly string[]): Matcher[] {
  const groups = new Map<string, { absent: boolean; positive: string[]; negated: string[] }>();
  for (const { name, value } of pairs) {
    const bare = (name.startsWith('!') ? name.slice(1) : name).toLowerCase();
    if (bare === '*' || !isLabelName(bare) || bare.startsWith('__')) continue;
    const group = groups.get(bare) ?? { absent: false, positive: [], negated: [] };
    if (name.startsWith('!')) group.absent = true;
    else if (value.startsWith('!')) group.negated.push(value.slice(1));
    else group.positive.push(value === '' ? '*' : value);
    groups.set(bare, group);
  }
  const matchers: Matcher[] = [];
  for (const [tag, { absent, positive, negated }] of groups) {
    const name = labelFor(tag, labelNames);
    if (name === undefined) continue;
    if (positive.length > 0) {
      const alternatives = positive.map((pattern) => patternRegex(pattern).replace(/[iI]/g, '[i\u0130]'));
      if (absent) alternatives.unshift('');
      matchers.push({ name, op: '=~', value: `(?is)(?:${alternatives.join('|')})` });
    } else if (absent && negated.length === 0) {
      matchers.push({ name, op: '=', value: '' });
    }
    if (!absent && negated.length > 0) {
      if (positive.length === 0) matchers.push({ name, op: '!=', value: '' });
      for (const pattern of negated) {
        const exact = patternRegex(pattern).replace(
          /[a-zA-Z]/g,
          (char) => `[${char.toLowerCase()}${char.toUpperCase()}]`,
        );
        matchers.push({ name, op: '!~', value: `(?s)(?:${exact})` });
      }
    }
  }
  return matchers;
}

/** The label a lower-cased tag name stands for; undefined when two labels lower-case to it. */
function labelFor(tag: string, labelNames?: readonly string[]): string | undefined {
  if (labelNames === undefined) return tag;
  const candidates = [...new Set(labelNames.filter((name) => name.toLowerCase() === tag))];
  if (candidates.length > 1) return undefined;
  return candidates[0] ?? tag;
}
