import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/errors.js';
import type { TagSet } from '../../src/domain/tags/tagFilter.js';
import {
  compileTagsSearch,
  matchesTagExpression,
  MAX_SEARCH_DEPTH,
  MAX_SEARCH_LENGTH,
  parseTagsSearch,
  printTagExpression,
  type TagExpression,
} from '../../src/domain/tags/tagsSearch.js';

/** A tree as an s-expression, so that tables show structure: `(or a=1 (and b=2 c!=3))`. */
const shape = (expression: TagExpression): string => {
  switch (expression.kind) {
    case 'compare':
      return `${expression.name}${expression.op}${expression.pattern}`;
    case 'not':
      return `(not ${shape(expression.operand)})`;
    default:
      return `(${expression.kind} ${expression.operands.map(shape).join(' ')})`;
  }
};

/** `tagsOf('region=us-east,host=web1')`; '' is a series without tags. */
const tagsOf = (text: string): TagSet =>
  new Map(text === '' ? [] : text.split(',').map((pair) => pair.split('=') as [string, string]));

const errorOf = (source: string): UserInputError => {
  try {
    parseTagsSearch(source);
  } catch (error) {
    if (error instanceof UserInputError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(source)} to be rejected`);
};

describe('parseTagsSearch', () => {
  it.each<[rule: string, source: string, tree: string]>([
    ['a comparison', 'region=us-east*', 'region=us-east*'],
    ['the reference example', 'region=us-east* and db=*prod*', '(and region=us-east* db=*prod*)'],
    ['and binds tighter than or', 'a=1 or b=2 and c=3', '(or a=1 (and b=2 c=3))'],
    ['and binds tighter than or, on the left', 'a=1 and b=2 or c=3', '(or (and a=1 b=2) c=3)'],
    ['not binds tighter than and', 'not a=1 and b=2', '(and (not a=1) b=2)'],
    ['not applies to a parenthesized expression', 'not (a=1 or b=2)', '(not (or a=1 b=2))'],
    ['not may repeat', 'not not a=1', '(not (not a=1))'],
    ['parentheses override precedence', '(a=1 or b=2) and c=3', '(and (or a=1 b=2) c=3)'],
    ['a chain of one operator is one node', 'a=1 or b=2 or c=3', '(or a=1 b=2 c=3)'],
    ['redundant parentheses leave no trace', '((a=1))', 'a=1'],
    ['!= is its own operator', 'a!=1', 'a!=1'],
  ])('precedence: %s', (_rule, source, tree) => {
    expect(shape(parseTagsSearch(source))).toBe(tree);
  });

  it.each<[rule: string, source: string, tree: string]>([
    ['keywords in capitals', 'a=1 AND b=2 OR NOT c=3', '(or (and a=1 b=2) (not c=3))'],
    ['keywords in mixed case', 'Not a=1 aNd b=2', '(and (not a=1) b=2)'],
    ['names and patterns are lower-cased', 'Region=US-East*', 'region=us-east*'],
  ])('case: %s', (_rule, source, tree) => {
    expect(shape(parseTagsSearch(source))).toBe(tree);
  });

  it.each<[rule: string, source: string, tree: string]>([
    ['none between tokens', '(a=1)and(b!=2)', '(and a=1 b!=2)'],
    ['spaces around operators', '  a = 1   and b != 2 ', '(and a=1 b!=2)'],
    ['tabs and newlines', '\ta=1\n\tand\r\n b=2', '(and a=1 b=2)'],
  ])('whitespace: %s', (_rule, source, tree) => {
    expect(shape(parseTagsSearch(source))).toBe(tree);
  });

  it.each<[rule: string, source: string, tree: string]>([
    ['a value with spaces', 'host="web server 1"', 'host=web server 1'],
    ['a keyword as a value', 'mode="and"', 'mode=and'],
    ['a keyword as a name', '"not"=x', 'not=x'],
    ['an escaped backslash', 'path="c:\\\\tmp"', 'path=c:\\tmp'],
    ['a bare backslash is a value character', 'path=c:\\tmp', 'path=c:\\tmp'],
    ['"*" is still a wildcard inside quotes', 'host="web *"', 'host=web *'],
    ['a quoted value ends a word', 'a="x"and b=y', '(and a=x b=y)'],
  ])('quoted strings: %s', (_rule, source, tree) => {
    expect(shape(parseTagsSearch(source))).toBe(tree);
  });

  const valueChars = 'tag values may contain only letters, digits, spaces, "-", ".", ":", "_", "?", "\\" and "/"';
  const nameChars = 'tag names may contain only letters, digits, "-", ".", ":" and "_"';
  it.each<[rule: string, source: string, message: string]>([
    ['an empty search', '', 'at 1: expected a tag name, "not" or "(" but found end of input'],
    ['blank search', '   ', 'at 4: expected a tag name, "not" or "(" but found end of input'],
    ['an unclosed parenthesis', '(region=us-east', 'at 16: expected "and", "or" or ")" but found end of input'],
    ['a stray parenthesis', 'region=us-east)', 'at 15: expected "and", "or" or end of input but found ")"'],
    ['empty parentheses', '()', 'at 2: expected a tag name, "not" or "(" but found ")"'],
    ['a missing operator', 'region us-east', 'at 8: expected "=" or "!=" but found "us-east"'],
    ['a missing value', 'region=', 'at 8: expected a value pattern but found end of input'],
    ['a doubled operator', 'region==x', 'at 8: expected a value pattern but found "="'],
    ['a dangling and', 'a=1 and', 'at 8: expected a tag name, "not" or "(" but found end of input'],
    ['a dangling not', 'not', 'at 4: expected a tag name, "not" or "(" but found end of input'],
    ['an unquoted value with a space', 'host=web 1', 'at 10: expected "and", "or" or end of input but found "1"'],
    [
      'an unquoted keyword as value',
      'mode=or',
      'at 6: expected a value pattern but found "or" (quote a keyword to use it as a name or value: "or")',
    ],
    [
      'the tags filter\'s "!" prefix',
      'region=!us',
      'at 8: expected a value pattern but found "!" (negate with name!=pattern)',
    ],
    ['a character outside the language', 'a=1 # b', 'at 5: expected "and", "or" or end of input but found "#"'],
    ['a non-ASCII character', 'a=é', 'at 3: expected a value pattern but found "é"'],
    ['an unterminated string', 'host="web', "at 10: expected '\"' but found end of input"],
    ['an unknown escape', 'host="a\\tb"', "at 9: expected '\"' or '\\' after '\\' but found \"t\""],
    ['an escape at the end', 'host="a\\', "at 9: expected '\"' or '\\' after '\\' but found end of input"],
    ['a wildcard in a name', 'ho*=x', `at 1: tag name "ho*" contains "*"; ${nameChars}`],
    ['a too long name', `${'n'.repeat(65)}=x`, `at 1: tag name "${'n'.repeat(65)}" is longer than 64 characters`],
    ['an empty quoted value', 'a=""', 'at 3: value pattern "" is empty'],
    [
      'a bad value character',
      'a="x,y"',
      `at 3: value pattern "x,y" contains ","; ${valueChars}, and patterns "*" as a wildcard`,
    ],
    [
      'a too long value',
      `a=${'v'.repeat(256)}`,
      `at 3: value pattern "${'v'.repeat(256)}" is longer than 255 characters`,
    ],
    [
      'a negation of everything',
      'host!=**',
      'at 5: "host!=**" matches nothing; use "not host=*" for series without the tag',
    ],
    ['the leftmost of two errors', 'a b "unterminated', 'at 3: expected "=" or "!=" but found "b"'],
  ])('rejects %s', (_rule, source, message) => {
    const error = errorOf(source);
    expect(error.message).toBe(message);
    expect(error.details).toEqual({ field: 'tagsSearch', position: Number(/^at (\d+):/.exec(message)?.[1]) });
  });

  const longest = `a=1${' or a=1'.repeat(584)}`.padEnd(MAX_SEARCH_LENGTH);
  it.each<[rule: string, source: string, ok: boolean]>([
    ['an input of the maximum length is accepted', longest, true],
    ['one more character is refused, located just past the limit', `${longest} `, false],
  ])('length limit: %s', (_rule, source, ok) => {
    if (ok) {
      expect(() => parseTagsSearch(source)).not.toThrow();
    } else {
      expect(errorOf(source).message).toBe('at 4097: expected at most 4096 characters but found 4097');
    }
  });

  it.each<[rule: string, open: string, close: string, width: number]>([
    ['parentheses', '(', ')', 1],
    ['"not"', 'not ', '', 4],
  ])('depth limit: %s nest at most 64 deep, and the 65th is refused where it opens', (_rule, open, close, width) => {
    const nest = (depth: number): string => `${open.repeat(depth)}a=1${close.repeat(depth)}`;
    expect(() => parseTagsSearch(nest(MAX_SEARCH_DEPTH))).not.toThrow();
    const position = MAX_SEARCH_DEPTH * width + 1;
    expect(errorOf(nest(MAX_SEARCH_DEPTH + 1)).message).toBe(
      `at ${position}: expected at most 64 levels of "not" and parentheses but found more`,
    );
  });

  it('refuses hostile nesting quickly, without overflowing the stack', () => {
    expect(errorOf('('.repeat(4096)).details).toEqual({ field: 'tagsSearch', position: 65 });
    expect(errorOf('not '.repeat(1024)).details).toEqual({ field: 'tagsSearch', position: 257 });
  });
});

describe('matchesTagExpression', () => {
  it.each<[rule: string, search: string, tags: string, matches: boolean]>([
    ['name=value needs exactly that value', 'region=us', 'region=us-east', false],
    ['a pattern without "*" matches the whole value', 'region=us-east', 'region=us-east', true],
    ['"*" matches any run of characters', 'db=*prod*', 'db=db-prod-1', true],
    ['"?" matches only itself', 'q=a?c', 'q=abc', false],
    ['values compare case-insensitively', 'region=US-EAST', 'region=us-east', true],
    ['name=* means the series has the tag', 'host=*', 'host=a', true],
    ['name=* fails without the tag', 'host=*', 'region=eu', false],
    ['name=value fails without the tag', 'host=a', '', false],
    ['!= accepts another value', 'region!=us-*', 'region=eu', true],
    ['!= refuses a matching value', 'region!=us-*', 'region=us-east', false],
    ['!= requires the tag, like the tags filter\'s "!"', 'region!=us-*', 'host=a', false],
    ['not = does not require the tag', 'not region=us-*', 'host=a', true],
    ['not name=* means the series lacks the tag', 'not host=*', 'region=eu', true],
    ['and needs both', 'region=us-east* and db=*prod*', 'region=us-east-1,db=dev', false],
    ['or needs either', 'region=eu or db=*prod*', 'region=us-east-1,db=db-prod', true],
    ['quoted values with spaces match', 'host="web server"', 'host=web server', true],
  ])('%s', (_rule, search, tags, matches) => {
    expect(matchesTagExpression(parseTagsSearch(search), tagsOf(tags))).toBe(matches);
    expect(compileTagsSearch(search)(tagsOf(tags))).toBe(matches);
  });
});

describe('printTagExpression', () => {
  it.each<[rule: string, source: string, printed: string]>([
    [
      'the reference style, no spaces around operators',
      'region = us-east*  AND db = *prod*',
      'region=us-east* and db=*prod*',
    ],
    ['or inside and keeps its parentheses', '(a=1 or b=2) and c=3', '(a=1 or b=2) and c=3'],
    ['and inside or needs none', '(a=1 and b=2) or c=3', 'a=1 and b=2 or c=3'],
    ['not of a group keeps its parentheses', 'not (a=1 and b=2)', 'not (a=1 and b=2)'],
    ['values with spaces are quoted', 'host="web 1"', 'host="web 1"'],
    ['keywords are quoted', '"or"="not"', '"or"="not"'],
    ['a backslash is bare when nothing else needs quotes', 'p="c:\\\\x"', 'p=c:\\x'],
    ['a backslash is escaped inside quotes', 'p="c:\\\\x y"', 'p="c:\\\\x y"'],
  ])('%s', (_rule, source, printed) => {
    expect(printTagExpression(parseTagsSearch(source))).toBe(printed);
  });
});

describe('tags_search properties', () => {
  const names = fc.constantFrom('region', 'db', 'host', 'not', 'or', 'a.b:c-d_e');
  const valueChars = fc.constantFrom('a', 'b', ' ', '\\', '?');
  const values = fc.array(valueChars, { minLength: 1, maxLength: 4 }).map((chars) => chars.join(''));
  const patterns = fc.oneof(
    fc.array(fc.oneof(valueChars, fc.constant('*')), { minLength: 1, maxLength: 5 }).map((chars) => chars.join('')),
    fc.constantFrom('and', 'not'),
  );
  const comparisons: fc.Arbitrary<TagExpression> = fc
    .record({
      kind: fc.constant('compare' as const),
      name: names,
      op: fc.constantFrom('=' as const, '!=' as const),
      pattern: patterns,
    })
    .filter(({ op, pattern }) => !(op === '!=' && /^\*+$/.test(pattern)));
  const { expression: expressions } = fc.letrec<{ expression: TagExpression }>((tie) => ({
    expression: fc.oneof(
      { maxDepth: 5, depthIdentifier: 'expression' },
      comparisons,
      tie('expression').map((operand): TagExpression => ({ kind: 'not', operand })),
      fc
        .tuple(
          fc.constantFrom('and' as const, 'or' as const),
          fc.array(tie('expression'), { minLength: 2, maxLength: 3 }),
        )
        .map(([kind, operands]): TagExpression => ({ kind, operands })),
    ),
  }));
  const tagSets = fc.dictionary(names, values, { maxKeys: 4 }).map((record): TagSet => new Map(Object.entries(record)));
  const same = (left: string, right: string, tags: TagSet): void => {
    expect(compileTagsSearch(left)(tags)).toBe(compileTagsSearch(right)(tags));
  };

  test.prop([expressions])('printing then parsing gives back the same tree', (expression) => {
    expect(parseTagsSearch(printTagExpression(expression))).toEqual(expression);
  });

  test.prop([expressions, tagSets])('not not e ≡ e', (e, tags) => {
    same(`not not (${printTagExpression(e)})`, printTagExpression(e), tags);
  });

  test.prop([expressions, expressions, tagSets])('De Morgan: not (a and b) ≡ not a or not b', (a, b, tags) => {
    const [x, y] = [printTagExpression(a), printTagExpression(b)];
    same(`not ((${x}) and (${y}))`, `not (${x}) or not (${y})`, tags);
  });

  test.prop([expressions, expressions, tagSets])('De Morgan: not (a or b) ≡ not a and not b', (a, b, tags) => {
    const [x, y] = [printTagExpression(a), printTagExpression(b)];
    same(`not ((${x}) or (${y}))`, `not (${x}) and not (${y})`, tags);
  });

  test.prop([names, patterns, tagSets])('name!=p ≡ name=* and not name=p', (name, pattern, tags) => {
    fc.pre(!/^\*+$/.test(pattern));
    const compare = (op: '=' | '!=', p: string): TagExpression => ({ kind: 'compare', name, op, pattern: p });
    const present: TagExpression = {
      kind: 'and',
      operands: [compare('=', '*'), { kind: 'not', operand: compare('=', pattern) }],
    };
    expect(matchesTagExpression(compare('!=', pattern), tags)).toBe(matchesTagExpression(present, tags));
  });

  const grammarPieces = fc.constantFrom(
    'a',
    'x*',
    '=',
    '!=',
    '!',
    '(',
    ')',
    ' ',
    '"',
    '\\',
    'and',
    'or',
    'not',
    'é',
    '😀',
    ',',
  );
  const nearlyValid = fc
    .tuple(expressions, fc.nat(), fc.nat({ max: 6 }), fc.string({ maxLength: 2 }))
    .map(([expression, at, cut, insert]) => {
      const text = printTagExpression(expression);
      const from = at % (text.length + 1);
      return text.slice(0, from) + insert + text.slice(from + cut);
    });
  const anyInput = fc.oneof(
    fc.string({ maxLength: 40, unit: 'grapheme' }),
    fc.array(grammarPieces, { maxLength: 20 }).map((pieces) => pieces.join('')),
    nearlyValid,
  );

  test.prop([anyInput])('any input parses or fails with a UserInputError located inside it', (source) => {
    let error: unknown;
    try {
      parseTagsSearch(source);
    } catch (caught) {
      error = caught;
    }
    if (error === undefined) return;
    expect(error).toBeInstanceOf(UserInputError);
    const { message, details } = error as UserInputError;
    const position = Number(/^at (\d+): /.exec(message)?.[1]);
    expect(position).toBeGreaterThanOrEqual(1);
    expect(position).toBeLessThanOrEqual(source.length + 1);
    expect(details).toEqual({ field: 'tagsSearch', position });
  });
});
