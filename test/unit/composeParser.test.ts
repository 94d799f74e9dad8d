import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/errors.js';
import type { Argument, Call, ComposeExpression } from '../../src/domain/compose/composeAst.js';
import { MAX_COMPOSE_DEPTH, MAX_COMPOSE_LENGTH, parseCompose } from '../../src/domain/compose/composeParser.js';
import { printCompose } from '../../src/domain/compose/composePrinter.js';

const errorOf = (source: string): UserInputError => {
  try {
    parseCompose(source);
  } catch (error) {
    if (error instanceof UserInputError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(source.slice(0, 80))} to be rejected`);
};

const argumentsOf = (expression: ComposeExpression): readonly Argument[] => {
  if (expression.kind !== 'call') throw new Error('expected a call');
  return expression.args;
};

describe('parseCompose: the reference examples, as trees', () => {
  it("the reference's composite query: derive over s with a tag map and an options map", () => {
    const source = 'derive(s("appoptics.disk.disk_ops.read", {"host": "*"}), {detect_reset: "true"})';
    const expected: Call = {
      kind: 'call',
      position: 1,
      name: 'derive',
      args: [
        {
          kind: 'call',
          position: 8,
          name: 's',
          args: [
            { kind: 'string', position: 10, value: 'appoptics.disk.disk_ops.read' },
            {
              kind: 'tags',
              position: 42,
              entries: [{ position: 43, name: 'host', value: { kind: 'string', position: 51, value: '*' } }],
            },
          ],
        },
        {
          kind: 'options',
          position: 58,
          entries: [{ position: 59, name: 'detect_reset', value: { kind: 'string', position: 73, value: 'true' } }],
        },
      ],
    };
    expect(parseCompose(source)).toEqual(expected);
  });

  it('the reference\'s persisted composite: s with two tags, a space before ":"', () => {
    const source = 's("cpu.percent.user", {"environment" : "prod", "service": "api"})';
    const expected: Call = {
      kind: 'call',
      position: 1,
      name: 's',
      args: [
        { kind: 'string', position: 3, value: 'cpu.percent.user' },
        {
          kind: 'tags',
          position: 23,
          entries: [
            { position: 24, name: 'environment', value: { kind: 'string', position: 40, value: 'prod' } },
            { position: 48, name: 'service', value: { kind: 'string', position: 59, value: 'api' } },
          ],
        },
      ],
    };
    expect(parseCompose(source)).toEqual(expected);
  });

  it('the specification\'s dynamic tag in place of the tag map: series("foo.bar.*", "%")', () => {
    const expected: Call = {
      kind: 'call',
      position: 1,
      name: 'series',
      args: [
        { kind: 'string', position: 8, value: 'foo.bar.*' },
        { kind: 'dynamic', position: 21 },
      ],
    };
    expect(parseCompose('series("foo.bar.*", "%")')).toEqual(expected);
  });

  it('a set of two calls, a list of tag values, a number option and the dynamic tag as a value', () => {
    const source = '[s("a", {"host": ["web-1", "web-*"]}), s("b", {"host": "%"}, {period: 300})]';
    const expected: ComposeExpression = {
      kind: 'set',
      position: 1,
      members: [
        {
          kind: 'call',
          position: 2,
          name: 's',
          args: [
            { kind: 'string', position: 4, value: 'a' },
            {
              kind: 'tags',
              position: 9,
              entries: [
                {
                  position: 10,
                  name: 'host',
                  value: {
                    kind: 'list',
                    position: 18,
                    values: [
                      { kind: 'string', position: 19, value: 'web-1' },
                      { kind: 'string', position: 28, value: 'web-*' },
                    ],
                  },
                },
              ],
            },
          ],
        },
        {
          kind: 'call',
          position: 40,
          name: 's',
          args: [
            { kind: 'string', position: 42, value: 'b' },
            {
              kind: 'tags',
              position: 47,
              entries: [{ position: 48, name: 'host', value: { kind: 'dynamic', position: 56 } }],
            },
            {
              kind: 'options',
              position: 62,
              entries: [
                { position: 63, name: 'period', value: { kind: 'number', position: 71, value: 300, text: '300' } },
              ],
            },
          ],
        },
      ],
    };
    expect(parseCompose(source)).toEqual(expected);
  });
});

describe('parseCompose then printCompose: the canonical form', () => {
  it.each<[rule: string, source: string, printed: string]>([
    [
      "the reference's composite query is already canonical",
      'derive(s("appoptics.disk.disk_ops.read", {"host": "*"}), {detect_reset: "true"})',
      'derive(s("appoptics.disk.disk_ops.read", {"host": "*"}), {detect_reset: "true"})',
    ],
    [
      "the reference's persisted composite",
      's("cpu.percent.user", {"environment" : "prod", "service": "api"})',
      's("cpu.percent.user", {"environment": "prod", "service": "api"})',
    ],
    ["the specification's empty tag map", 'series("foo.bar.baz", {})', 'series("foo.bar.baz", {})'],
    [
      "the specification's wildcards in metric and tag",
      'series("foo.bar.*", {"name":"prod.*"})',
      'series("foo.bar.*", {"name": "prod.*"})',
    ],
    ["the specification's dynamic tag", 'series("foo.bar.*", "%")', 'series("foo.bar.*", "%")'],
    [
      "the specification's s() shorthand inside sum",
      'sum(s("foo.bar.*", {"name":"prod.*"}))',
      'sum(s("foo.bar.*", {"name": "prod.*"}))',
    ],
    [
      "the specification's options map of series, with spaces inside the braces",
      'sum(s("foo.bar.*", {"name":"prod.*"}, { period:"100", function:"mean" }))',
      'sum(s("foo.bar.*", {"name": "prod.*"}, {period: "100", function: "mean"}))',
    ],
    [
      'the specification\'s window example, a tag name with "@"',
      'window(max(s("api.auth.time.p99", {"@host":"*"})), {size: "5", function:"median"})',
      'window(max(s("api.auth.time.p99", {"@host": "*"})), {size: "5", function: "median"})',
    ],
    [
      "the specification's group_by example",
      'group_by("region", sum(series("AWS.ELB.HTTPCode_Backend_2XX", {"region" : "us*"})))',
      'group_by("region", sum(series("AWS.ELB.HTTPCode_Backend_2XX", {"region": "us*"})))',
    ],
    [
      "the specification's expanded group_by: a set over two lines",
      '[sum(series("AWS.ELB.HTTPCode_Backend_2XX", {"region" : "us-east-1"})),\n sum(series("AWS.ELB.HTTPCode_Backend_2XX", {"region" : "us-west-1"}))]',
      '[sum(series("AWS.ELB.HTTPCode_Backend_2XX", {"region": "us-east-1"})), sum(series("AWS.ELB.HTTPCode_Backend_2XX", {"region": "us-west-1"}))]',
    ],
    [
      "the issue's options: strings and a number",
      's("m", {}, {function: "max", period: 300, detect_reset: "true"})',
      's("m", {}, {function: "max", period: 300, detect_reset: "true"})',
    ],
    [
      'a tag value that is a list of patterns',
      's("m", {"host": "web-*", "region": ["a",  "b"]})',
      's("m", {"host": "web-*", "region": ["a", "b"]})',
    ],
    ['a timeshift of two shifts', 'timeshift("1d,7d", s("m", {}))', 'timeshift("1d,7d", s("m", {}))'],
    [
      'nested sets are kept as written',
      'sum([[s("a", {}), s("b", {})], s("c", {})])',
      'sum([[s("a", {}), s("b", {})], s("c", {})])',
    ],
    [
      'negative and decimal numbers print as written',
      'scale(x(), {factor: -1.50, offset: 007})',
      'scale(x(), {factor: -1.50, offset: 007})',
    ],
    ['a call without arguments and an empty set', 'f(g(), [])', 'f(g(), [])'],
    ['escapes inside strings', 's("a\\"b\\\\c", {})', 's("a\\"b\\\\c", {})'],
    [
      'non-ASCII text inside strings',
      's("température", {"ville": "Zürich 😀"})',
      's("température", {"ville": "Zürich 😀"})',
    ],
    [
      'whitespace between every pair of tokens',
      '  derive( s( "m" , { "host" : "*" } ) , { detect_reset : "true" } )  ',
      'derive(s("m", {"host": "*"}), {detect_reset: "true"})',
    ],
    ['tabs and newlines', '\tsum(\n\ts("m",\r\n{})\n)\n', 'sum(s("m", {}))'],
    ['no whitespace at all', 'divide([s("a",{}),s("b",{})])', 'divide([s("a", {}), s("b", {})])'],
  ])('%s', (_rule, source, printed) => {
    expect(printCompose(parseCompose(source))).toBe(printed);
  });
});

describe('parseCompose: which map is which', () => {
  it.each<[rule: string, source: string, index: number, kind: Argument['kind']]>([
    ['quoted keys make a tag map, anywhere', 'f({"host": "a"})', 0, 'tags'],
    ['bare keys make an options map, anywhere', 's("m", {period: 60})', 1, 'options'],
    ['{} as the second argument of s is a tag map', 's("m", {})', 1, 'tags'],
    ['{} as the second argument of series is a tag map', 'series("m", {})', 1, 'tags'],
    ['{} as the third argument of s is an options map', 's("m", {}, {})', 2, 'options'],
    ['{} as the first argument of s is an options map', 's({}, "m")', 0, 'options'],
    ['{} in any other function is an options map', 'derive(s("m", {}), {})', 1, 'options'],
    ['{} in a function not spelled series or s is an options map', 'S("m", {})', 1, 'options'],
    ['{} inside a set is an options map', '[{}]', 0, 'options'],
    ['"%" as an argument is the dynamic tag', 's("m", "%")', 1, 'dynamic'],
    ['"%%" is a string', 's("m", "%%")', 1, 'string'],
  ])('%s', (_rule, source, index, kind) => {
    const expression = parseCompose(source);
    const members = expression.kind === 'set' ? expression.members : argumentsOf(expression);
    expect(members[index]?.kind).toBe(kind);
  });

  it('"%" as an option\'s value is an ordinary string', () => {
    const [, , options] = argumentsOf(parseCompose('s("m", {}, {function: "%"})'));
    expect(options).toEqual({
      kind: 'options',
      position: 12,
      entries: [{ position: 13, name: 'function', value: { kind: 'string', position: 23, value: '%' } }],
    });
  });
});

describe('parseCompose: errors', () => {
  const argument = 'a call, "[", "{", a string or a number';
  it.each<[rule: string, source: string, message: string]>([
    ['an empty input', '', 'at 1: expected a function call or "[" but found end of input'],
    ['a blank input', '   ', 'at 4: expected a function call or "[" but found end of input'],
    ['a string alone', '"m"', 'at 1: expected a function call or "[" but found string "m"'],
    ['an unterminated string', 's("cpu', "at 7: expected '\"' but found end of input"],
    ['an unknown escape', 's("a\\tb", {})', "at 6: expected '\"' or '\\' after '\\' but found \"t\""],
    ['an escape at the end', 's("a\\', "at 6: expected '\"' or '\\' after '\\' but found end of input"],
    ['a missing ")"', 'sum(s("m", {})', 'at 15: expected "," or ")" but found end of input'],
    ['a missing "]"', '[s("m", {})', 'at 12: expected "," or "]" but found end of input'],
    ['a missing "}"', 's("m", {"host": "a"', 'at 20: expected "," or "}" but found end of input'],
    [
      'the missing "}" of the reference\'s URL-encoded example',
      'derive(s("appoptics.disk.disk_ops.read", {"host":"ip-192-168-15-18.ec2.internal"), {detect_reset: "true"})',
      'at 81: expected "," or "}" but found ")"',
    ],
    ['a trailing comma in a call', 'sum(s("m", {}),)', `at 16: expected ${argument} but found ")"`],
    ['a trailing comma in a set', '[s("m", {}),]', `at 13: expected ${argument} but found "]"`],
    ['a trailing comma in a tag map', 's("m", {"host": "a",})', 'at 21: expected a quoted tag name but found "}"'],
    [
      'a trailing comma in a list of values',
      's("m", {"host": ["a",]})',
      'at 22: expected a value pattern but found "]"',
    ],
    ['a leading comma', 'sum(,s("m", {}))', `at 5: expected ${argument} but found ","`],
    ['an unknown token', 'sum(s("m", {}) # x)', 'at 16: expected "," or ")" but found "#"'],
    ['an unknown token first', '@sum(x())', 'at 1: expected a function call or "[" but found "@"'],
    ['a parenthesis without a name', '(s("m", {}))', 'at 1: expected a function call or "[" but found "("'],
    ['a non-ASCII character', 'sum(é)', `at 5: expected ${argument} but found "é"`],
    ['a character beyond the BMP', 'sum(😀)', `at 5: expected ${argument} but found "😀"`],
    [
      'a space between a name and "("',
      'sum (s("m", {}))',
      'at 4: expected "(" right after "sum" (no space between a function\'s name and "(")',
    ],
    [
      'a bare word as an argument',
      'derive(host)',
      `at 8: expected ${argument} but found "host" (a call is written "host(…)")`,
    ],
    ['text after the composite', 's("m", {}) s("n", {})', 'at 12: expected end of input but found "s("'],
    ['an unquoted tag value', 's("m", {"host": web})', 'at 17: expected a value pattern or "[" but found "web"'],
    ['a number as a tag value', 's("m", {"port": 80})', 'at 17: expected a value pattern or "[" but found "80"'],
    ['a missing ":"', 's("m", {"host" "a"})', 'at 16: expected ":" but found string "a"'],
    [
      'a bare key in a tag map',
      's("m", {"host": "a", period: 60})',
      'at 22: expected a quoted tag name but found "period" (the first key is quoted, so every key is a tag name)',
    ],
    [
      'a quoted key in an options map',
      'derive(x(), {detect_reset: "true", "host": "a"})',
      'at 36: expected an option name but found string "host" (the first key is bare, so every key is an option name)',
    ],
    ['a number as a key', 's("m", {1: "a"})', 'at 9: expected a quoted tag name, an option name or "}" but found "1"'],
    ['a repeated tag', 's("m", {"host": "a", "host": "b"})', 'at 22: tag "host" appears twice'],
    ['a repeated option', 's("m", {}, {period: 60, period: 300})', 'at 25: option "period" appears twice'],
    ['an unquoted option value', 's("m", {}, {function: max})', 'at 23: expected a string or a number but found "max"'],
    ['a map as an option value', 's("m", {}, {function: {}})', 'at 23: expected a string or a number but found "{"'],
    [
      'the dynamic tag inside a list',
      's("m", {"host": ["a", "%"]})',
      'at 23: the dynamic tag "%" must be a tag\'s whole value, not one of a list',
    ],
    ['an empty list of values', 's("m", {"host": []})', 'at 18: expected a value pattern but found "]"'],
    ['a nested list of values', 's("m", {"host": [["a"]]})', 'at 18: expected a value pattern but found "["'],
    ['a number ending in "."', 'scale(x(), {factor: 1.})', 'at 23: expected a digit after "." but found "}"'],
    ['a number starting with "."', 'scale(x(), {factor: .5})', 'at 21: expected a string or a number but found "."'],
    ['a lone minus', 'scale(x(), {factor: -x})', 'at 21: expected a string or a number but found "-"'],
    ['a number with a unit', 'scale(x(), {factor: 5s})', 'at 22: expected "," or "}" but found "s"'],
    [
      'a number too large for a double',
      `scale(x(), {factor: 1${'0'.repeat(400)}})`,
      'at 21: expected a number smaller than 1.8e308 but found a larger one',
    ],
    ['the leftmost of two errors', 'sum(s("m" {}), "unterminated', 'at 11: expected "," or ")" but found "{"'],
  ])('rejects %s', (_rule, source, message) => {
    const error = errorOf(source);
    expect(error.message).toBe(message);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({ field: 'compose', position: Number(/^at (\d+):/.exec(message)?.[1]) });
  });
});

describe('parseCompose: limits', () => {
  const longest = `s("${'a'.repeat(MAX_COMPOSE_LENGTH - 9)}", {})`;
  it('an input of the maximum length is accepted', () => {
    expect(longest).toHaveLength(16_384);
    expect(() => parseCompose(longest)).not.toThrow();
  });

  it('one more character is refused, located just past the limit', () => {
    const error = errorOf(`${longest} `);
    expect(error.message).toBe('at 16385: expected at most 16384 characters but found 16385');
    expect(error.details).toEqual({ field: 'compose', position: 16_385 });
  });

  it.each<[rule: string, deepest: string, tooDeep: string, position: number]>([
    ['calls', `${'f('.repeat(64)}${')'.repeat(64)}`, 'f('.repeat(65), 129],
    ['sets', `${'['.repeat(64)}${']'.repeat(64)}`, '['.repeat(65), 65],
    ['calls and sets', `${'f(['.repeat(32)}${'])'.repeat(32)}`, `${'f(['.repeat(32)}f(`, 97],
  ])('depth: %s nest at most 64 deep, and the 65th is refused where it opens', (_rule, deepest, tooDeep, position) => {
    expect(MAX_COMPOSE_DEPTH).toBe(64);
    expect(() => parseCompose(deepest)).not.toThrow();
    expect(errorOf(tooDeep).message).toBe(
      `at ${position}: expected at most 64 levels of calls and sets but found more`,
    );
  });

  it.each<[rule: string, source: string, position: number]>([
    ['16,384 "["', '['.repeat(16_384), 65],
    ['8,192 "f("', 'f('.repeat(8192), 129],
    ['an unterminated string of 16,383 characters', `"${'a'.repeat(16_383)}`, 16_385],
    ['8,000 commas', `f(${','.repeat(8000)})`, 3],
  ])('refuses hostile input quickly, without overflowing the stack: %s', (_rule, source, position) => {
    const started = performance.now();
    expect(errorOf(source).details).toEqual({ field: 'compose', position });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('reads a map of 1,000 tags quickly', () => {
    const tags = Array.from({ length: 1000 }, (_, i) => `"t${i}": "v"`).join(', ');
    const started = performance.now();
    expect(() => parseCompose(`s("m", {${tags}})`)).not.toThrow();
    expect(performance.now() - started).toBeLessThan(500);
  });
});
