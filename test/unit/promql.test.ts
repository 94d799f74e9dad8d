/**
 * PromQL text from user input (backends/prometheus/promql.ts): string literals, regular
 * expression literals, selectors, and tag filters pushed down as label matchers. That a literal
 * reads back as its string, and that no value can add a term, is shown against a real Prometheus
 * in test/integration/promql.test.ts; here the matchers are evaluated with RE2's semantics in
 * JavaScript (anchored, `(?i)` as Unicode simple case folding, `(?s)` as dotAll) to show they are
 * never narrower than the exact filter.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  patternRegex,
  pushdownMatchers,
  quote,
  regexLiteral,
  selector,
  type Matcher,
} from '../../src/backends/prometheus/promql.js';
import { compileTagFilter, type TagPair } from '../../src/domain/tags/tagFilter.js';

describe('quote', () => {
  it.each([
    ['an empty string', '', '""'],
    ['plain text as it is', 'adm_devices', '"adm_devices"'],
    ['a double quote escaped', 'a"b', '"a\\"b"'],
    ['a backslash escaped', 'back\\slash', '"back\\\\slash"'],
    ['a newline as \\n', 'line\nbreak', '"line\\nbreak"'],
    ['carriage return and tab', '\r\t', '"\\r\\t"'],
    ['other control characters as \\x', '\x00\x01\x1f\x7f', '"\\x00\\x01\\x1f\\x7f"'],
    ['U+FFFD escaped: Prometheus reads it raw as invalid UTF-8', 'a\ufffdb', '"a\\uFFFDb"'],
    ['a lone surrogate as U+FFFD', 'a\ud800b', '"a\\uFFFDb"'],
    ['other Unicode as it is', 'Zürich ſ İ \u212a 🚀', '"Zürich ſ İ \u212a 🚀"'],
    ['selector syntax inside the string', 'x" or vector(1) or up{a="', '"x\\" or vector(1) or up{a=\\""'],
    ['braces, commas, dollars and single quotes', "}{,$1'`", '"}{,$1\'`"'],
  ])('%s', (_rule, text, literal) => {
    expect(quote(text)).toBe(literal);
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 40 })])(
    'a literal has no raw quote, backslash escape of its own end, newline or U+FFFD',
    (text) => {
      const literal = quote(text);
      const inner = literal.slice(1, -1);
      expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
      // Every quote and backslash inside is part of an escape: removing escapes leaves none.
      expect(inner.replace(/\\(?:[\\"nrt]|x[0-9a-f]{2}|uFFFD)/g, '')).not.toMatch(/["\\\n\r\ufffd]/);
    },
  );
});

describe('regexLiteral', () => {
  it.each([
    ['plain text as it is', 'adm_devices', 'adm_devices'],
    ['every RE2 metacharacter escaped', '\\.+*?()|[]{}^$', '\\\\\\.\\+\\*\\?\\(\\)\\|\\[\\]\\{\\}\\^\\$'],
    ['tag value punctuation that is not special as it is', '-/:_ ', '-/:_ '],
    ['a newline as it is (a literal newline in RE2)', 'a\nb', 'a\nb'],
  ])('%s', (_rule, text, pattern) => {
    expect(regexLiteral(text)).toBe(pattern);
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 30 })])('matches exactly its text', (text) => {
    const re = new RegExp(`^(?:${regexLiteral(text)})$`, 'u');
    expect(re.test(text)).toBe(true);
  });
});

describe('patternRegex', () => {
  it.each([
    ['"*" as ".*"', '*', '.*'],
    ['a prefix pattern', 'us-*', 'us-.*'],
    ['"?" literally: it is a tag value character', 'q?', 'q\\?'],
    ['dots literally', 'a.b*c', 'a\\.b.*c'],
  ])('%s', (_rule, pattern, regex) => {
    expect(patternRegex(pattern)).toBe(regex);
  });
});

describe('selector', () => {
  const job: Matcher = { name: 'job', op: '=', value: 'adm-api' };
  it.each<[string, string, Matcher[], string]>([
    ['a plain metric name alone', 'probe_success', [], 'probe_success'],
    ['a colon in a metric name', 'job:rate5m', [], 'job:rate5m'],
    ['matchers in braces', 'probe_success', [job], 'probe_success{job="adm-api"}'],
    [
      'every operator',
      'up',
      [
        { name: 'a', op: '=', value: '1' },
        { name: 'b', op: '!=', value: '' },
        { name: 'c', op: '=~', value: 'x.*' },
        { name: 'd', op: '!~', value: 'y' },
      ],
      'up{a="1",b!="",c=~"x.*",d!~"y"}',
    ],
    ['a name that is not an identifier as a __name__ matcher', 'my-metric', [], '{__name__="my-metric"}'],
    ['a quote in a metric name quoted', 'a"b', [job], '{__name__="a\\"b",job="adm-api"}'],
    ['values quoted', 'up', [{ name: 'v', op: '=', value: '"}\n' }], 'up{v="\\"}\\n"}'],
  ])('%s', (_rule, metric, matchers, text) => {
    expect(selector(metric, matchers)).toBe(text);
  });
});

describe('pushdownMatchers', () => {
  const positive = (name: string, alternatives: string): Matcher => ({
    name,
    op: '=~',
    value: `(?is)(?:${alternatives})`,
  });
  const negative = (name: string, pattern: string): Matcher => ({ name, op: '!~', value: `(?s)(?:${pattern})` });
  it.each<[string, TagPair[], Matcher[], string[]?]>([
    ['no pairs push nothing', [], []],
    ['"*" pushes nothing', [{ name: '*', value: '*' }], []],
    [
      'any value of a tag admits every series, as absent is ""',
      [{ name: 'host', value: '*' }],
      [positive('host', '.*')],
    ],
    [
      'positive patterns of one name are one alternation',
      [
        { name: 'region', value: 'us-*' },
        { name: 'region', value: 'eu' },
      ],
      [positive('region', 'us-.*|eu')],
    ],
    ['"!name" alone means the label is absent', [{ name: '!host', value: '' }], [{ name: 'host', op: '=', value: '' }]],
    [
      '"!name" beside positives admits "" too',
      [
        { name: '!host', value: '*' },
        { name: 'host', value: 'web*' },
      ],
      [positive('host', '|web.*')],
    ],
    [
      'negations alone need the label and exclude ASCII case variants only',
      [{ name: 'region', value: '!us-west' }],
      [{ name: 'region', op: '!=', value: '' }, negative('region', '[uU][sS]-[wW][eE][sS][tT]')],
    ],
    [
      'a negation beside positives narrows them',
      [
        { name: 'region', value: 'us-*' },
        { name: 'region', value: '!us-west' },
      ],
      [positive('region', 'us-.*'), negative('region', '[uU][sS]-[wW][eE][sS][tT]')],
    ],
    [
      'negations beside "!name" are left to the filter (no host, or not web*)',
      [
        { name: '!host', value: '' },
        { name: 'host', value: '!web*' },
      ],
      [],
    ],
    [
      'tag names are lower-cased, as the filter reads them',
      [{ name: 'Region', value: 'eu' }],
      [positive('region', 'eu')],
    ],
    [
      'the label a tag name lower-cases from is used when the label names are known',
      [{ name: 'region', value: 'eu' }],
      [positive('Region', 'eu')],
      ['Region', 'job'],
    ],
    [
      'a tag name two labels lower-case to is left to the filter',
      [{ name: 'region', value: 'eu' }],
      [],
      ['Region', 'region'],
    ],
    ['a tag name that is not a label name is left to the filter', [{ name: 'tag-name', value: 'x' }], []],
    ['reserved label names are left to the filter', [{ name: '!__name__', value: '' }], []],
    [
      '"i" also matches U+0130, which lower-cases to "i" + U+0307',
      [{ name: 'city', value: 'i*' }],
      [positive('city', '[iİ].*')],
    ],
    ['metacharacters of a pattern are literal', [{ name: 'path', value: 'a.b?*' }], [positive('path', 'a\\.b\\?.*')]],
  ])('%s', (_rule, pairs, matchers, labelNames) => {
    expect(pushdownMatchers(pairs, labelNames)).toEqual(matchers);
  });
});

/** Whether Prometheus would select a series with these labels: RE2 semantics in JavaScript. */
function selects(matchers: readonly Matcher[], labels: Readonly<Record<string, string>>): boolean {
  return matchers.every(({ name, op, value }) => {
    const actual = labels[name] ?? '';
    if (op === '=') return actual === value;
    if (op === '!=') return actual !== value;
    const matched = re2(value).test(actual);
    return op === '=~' ? matched : !matched;
  });
}

/** Prometheus anchors a matcher's RE2 pattern; a leading `(?is)` becomes JavaScript flags. */
function re2(pattern: string): RegExp {
  const flags = /^\(\?([is]+)\)/.exec(pattern);
  const body = flags ? pattern.slice(flags[0].length) : pattern;
  return new RegExp(`^(?:${body})$`, `u${flags?.[1] ?? ''}`);
}

/** The series' tags as the exact filter sees them (prometheusBackend.ts querySeries): lower-cased. */
function filterView(labels: Readonly<Record<string, string>>): Map<string, string> {
  const sorted = Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new Map(sorted.map(([name, value]) => [name.toLowerCase(), value.toLowerCase()]));
}

/** Characters where RE2's case folding and JavaScript's toLowerCase part ways, and glob syntax. */
const VALUE_CHARS = ['a', 's', 'S', 'ſ', 'i', 'İ', 'k', 'K', 'K', '.', '*', '?', '\\', '\n', '"'];
const PATTERN_CHARS = ['a', 's', 'S', 'i', 'I', 'k', 'K', '.', '*', '?', '\\'];
/** What a pattern written for a value would have in place of characters no pattern may hold. */
const PATTERN_CHAR_OF: Readonly<Record<string, string>> = { ſ: 's', İ: 'i', K: 'k', '\n': '*', '"': '*' };

function labelSets(names: readonly string[]): fc.Arbitrary<Record<string, string>[]> {
  const value = fc.string({ unit: fc.constantFrom(...VALUE_CHARS), minLength: 1, maxLength: 3 });
  return fc.array(fc.dictionary(fc.constantFrom(...names), value, { maxKeys: 3 }), { minLength: 1, maxLength: 4 });
}

/** A pattern close to `value`: each character kept, in either case, or a `*`. */
function patternLike(value: string): fc.Arbitrary<string> {
  const chars = [...value].map((char) => {
    const plain = PATTERN_CHAR_OF[char] ?? char;
    return fc.constantFrom(plain, plain.toUpperCase(), '*');
  });
  return fc.tuple(...chars).map((picked) => picked.join(''));
}

/** Random filter pairs over `names`, with patterns both random and written for the series' values. */
function tagPairs(series: readonly Record<string, string>[], names: readonly string[]): fc.Arbitrary<TagPair[]> {
  const values = series.flatMap((labels) => Object.values(labels));
  const random = fc.string({ unit: fc.constantFrom(...PATTERN_CHARS), minLength: 1, maxLength: 3 });
  const pattern = values.length === 0 ? random : fc.oneof(random, fc.constantFrom(...values).chain(patternLike));
  const value = fc.oneof(
    fc.constant(''),
    fc.constant('*'),
    pattern,
    pattern.map((text) => `!${text}`),
  );
  const name = fc.constantFrom(...names, ...names.map((tag) => `!${tag}`), '*', 'tag-name', '__name__', '!__name__');
  return fc.array(fc.record({ name, value }), { maxLength: 4 });
}

/** Series and filter pairs for them. */
function seriesAndPairs(labelNames: readonly string[], tagNames: readonly string[]) {
  return labelSets(labelNames).chain((series) => fc.tuple(fc.constant(series), tagPairs(series, tagNames)));
}

/** The filter, or null when the pairs are not a valid filter (the query is refused before any pushdown). */
function compiled(pairs: readonly TagPair[]): ((labels: Record<string, string>) => boolean) | null {
  try {
    const predicate = compileTagFilter(pairs);
    return (labels) => predicate(filterView(labels));
  } catch {
    return null;
  }
}

function expectNeverNarrower(series: Record<string, string>[], pairs: TagPair[], labelNames?: string[]): void {
  const accepts = compiled(pairs);
  fc.pre(accepts !== null);
  const matchers = pushdownMatchers(pairs, labelNames);
  for (const labels of series) {
    if (accepts?.(labels)) {
      expect(
        selects(matchers, { __name__: 'm', ...labels }),
        `${JSON.stringify(matchers)} must select ${JSON.stringify(labels)}`,
      ).toBe(true);
    }
  }
}

describe('pushdownMatchers is never narrower than the exact tag filter', () => {
  test.prop([seriesAndPairs(['region', 'host', 'env'], ['region', 'host', 'env', 'Region', 'HOST'])], {
    numRuns: 3_000,
  })('with lower-case label names', ([series, pairs]) => {
    expectNeverNarrower(series, pairs);
  });

  test.prop([seriesAndPairs(['region', 'Region', 'host', 'HOST', 'env'], ['region', 'Region', 'host', 'env'])], {
    numRuns: 3_000,
  })('with label names of any case, given the metric’s label names', ([series, pairs]) => {
    expectNeverNarrower(series, pairs, [...new Set(series.flatMap((labels) => Object.keys(labels)))]);
  });
});

describe('metric names that PromQL reads as keywords', () => {
  it.each(['sum', 'count', 'group', 'nan', 'Inf', 'offset', 'by'])(
    '%s is selected by __name__, not written bare',
    (name) => {
      expect(selector(name)).toBe(`{__name__=${JSON.stringify(name)}}`);
    },
  );
});
