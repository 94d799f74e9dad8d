import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/errors.js';
import {
  compileTagFilter,
  tagPairsFromMap,
  tagValueMatcher,
  type TagPair,
  type TagSet,
} from '../../src/domain/tags/tagFilter.js';
import { compileTagsSearch } from '../../src/domain/tags/tagsSearch.js';
import { exactWildcardMatcher, wildcardMatcher } from '../../src/domain/wildcard.js';

/** `tagsOf('region=us-east,host=web1')`; '' is a series without tags. */
const tagsOf = (text: string): TagSet =>
  new Map(text === '' ? [] : text.split(',').map((pair) => pair.split('=') as [string, string]));

/** `pairsOf('region=us-*', '!host=')`: each string is one {name, value} pair. */
const pairsOf = (...texts: string[]): TagPair[] =>
  texts.map((text) => {
    const at = text.indexOf('=');
    return { name: text.slice(0, at), value: text.slice(at + 1) };
  });

/** A row of a matching table: the rule it shows, the filter's pairs, a series' tags, whether they match. */
type Case = [rule: string, pairs: string[], tags: string, matches: boolean];

const check = (_rule: string, pairs: string[], tags: string, matches: boolean): void => {
  expect(compileTagFilter(pairsOf(...pairs))(tagsOf(tags))).toBe(matches);
};

describe('compileTagFilter', () => {
  it.each<Case>([
    ['a value without "*" must equal the whole value', ['region=east'], 'region=us-east', false],
    ['a value without "*" matches itself', ['region=us-east'], 'region=us-east', true],
    ['"*" matches any run of characters', ['region=us-*'], 'region=us-east', true],
    ['"*" may stand in the middle', ['db=*prod*'], 'db=db-prod-1', true],
    ['"*" may match nothing', ['db=*prod*'], 'db=prod', true],
    ['the pattern is anchored at both ends', ['db=prod*'], 'db=db-prod-1', false],
    ['"?" is a tag value character, not a wildcard', ['q=a?c'], 'q=abc', false],
    ['"?" matches itself', ['q=a?c'], 'q=a?c', true],
    ['patterns are case-insensitive', ['region=US-*'], 'region=us-east', true],
    ['tag names are case-insensitive in the filter', ['Region=us-east'], 'region=us-east', true],
  ])('value patterns: %s', check);

  it.each([
    {
      rule: 'without "*", name filters match a substring, tag values the whole value',
      pattern: 'east',
      value: 'us-east',
    },
    { rule: 'in name filters "?" is any one character, in tag values only itself', pattern: 'a?c', value: 'abc' },
  ])('differs from name filters: $rule', ({ pattern, value }) => {
    expect(wildcardMatcher(pattern)(value)).toBe(true);
    expect(exactWildcardMatcher(pattern)(value)).toBe(pattern === 'a?c');
    expect(tagValueMatcher(pattern)(value)).toBe(false);
  });

  it.each<Case>([
    ['different names AND: both hold', ['region=us-*', 'name=prod'], 'region=us-east,name=prod', true],
    ['different names AND: one fails', ['region=us-*', 'name=prod'], 'region=us-east,name=dev', false],
    ['different names AND: a missing tag fails', ['region=us-*', 'name=prod'], 'region=us-east', false],
    ['a repeated name ORs its values: first', ['region=us-east', 'region=us-west'], 'region=us-east', true],
    ['a repeated name ORs its values: second', ['region=us-east', 'region=us-west'], 'region=us-west', true],
    ['a repeated name ORs its values: neither', ['region=us-east', 'region=us-west'], 'region=eu', false],
    ['"*" as value requires the tag', ['host=*'], 'region=eu', false],
    ['"*" as value accepts any value of the tag', ['host=*'], 'host=web-1', true],
  ])('names and values: %s', check);

  it.each<Case>([
    ['a negated value excludes matching values', ['region=!us-west'], 'region=us-west', false],
    ['a negated value accepts other values', ['region=!us-west'], 'region=eu', true],
    ['a negated value requires the tag', ['region=!us-west'], 'host=a', false],
    ['a negated value may use wildcards', ['region=!us-*'], 'region=us-east', false],
  ])('negated values: %s', check);

  it.each<Case>([
    ['a negated positive pattern narrows the positive one', ['region=us-*', 'region=!us-west'], 'region=us-east', true],
    ['the exclusion applies inside the positive pattern', ['region=us-*', 'region=!us-west'], 'region=us-west', false],
    ['the positive pattern still applies', ['region=us-*', 'region=!us-west'], 'region=eu', false],
    ['two negated values both exclude', ['region=!a', 'region=!b'], 'region=b', false],
    ['two negated values accept a third value', ['region=!a', 'region=!b'], 'region=c', true],
    ['order of the pairs does not matter', ['region=!us-west', 'region=us-*'], 'region=us-west', false],
  ])('negated and positive values of one name: %s', check);

  it.each<Case>([
    ['"!name" accepts series without the tag', ['!host='], 'region=eu', true],
    ['"!name" rejects series with the tag', ['!host='], 'host=a', false],
    ['"!name" with value "*" means the same', ['!host=*'], 'host=a', false],
    ['"!name" ORs with values of its name: no tag', ['!host=', 'host=web*'], '', true],
    ['"!name" ORs with values of its name: a matching value', ['!host=', 'host=web*'], 'host=web1', true],
    ['"!name" ORs with values of its name: another value', ['!host=', 'host=web*'], 'host=db1', false],
    ['"!name" ANDs with other names', ['!host=', 'region=eu'], 'region=eu', true],
    [
      '"!name" ORs with a negated value of its name: no tag, or another value',
      ['!host=', 'host=!web*'],
      'host=db1',
      true,
    ],
    ['"!name" ORs with a negated value of its name: the excluded value', ['!host=', 'host=!web*'], 'host=web1', false],
  ])('absent tags: %s', check);

  it.each<Case>([
    ['an empty list matches a series without tags', [], '', true],
    ['an empty list matches any series', [], 'host=a', true],
    ['name "*" matches any series', ['*=*'], 'host=a', true],
    ['name "*" with an empty value matches any series', ['*='], '', true],
    ['name "*" adds no constraint to other pairs', ['*=*', 'host=b'], 'host=a', false],
  ])('all series: %s', check);

  const valueChars = 'tag values may contain only letters, digits, spaces, "-", ".", ":", "_", "?", "\\" and "/"';
  const nameChars = 'tag names may contain only letters, digits, "-", ".", ":" and "_"';
  it.each<[rule: string, pairs: string[], index: number, why: string]>([
    ['an empty value', ['region=us', 'host='], 1, 'value is empty; use "*" for any value'],
    ['an empty negated value', ['host=!'], 0, 'negated value pattern is empty'],
    [
      'a negation of everything',
      ['host=!*'],
      0,
      'value "!*" matches nothing; use name "!host" for series without the tag',
    ],
    [
      'a bad value character',
      ['a=b', 'host=a,b'],
      1,
      `value pattern contains ","; ${valueChars}, and patterns "*" as a wildcard`,
    ],
    [
      'a double negation',
      ['host=!!a'],
      0,
      `negated value pattern contains "!"; ${valueChars}, and patterns "*" as a wildcard`,
    ],
    ['a too long value', [`host=${'v'.repeat(256)}`], 0, 'value pattern is longer than 255 characters'],
    ['an empty name', ['=a'], 0, 'tag name is empty'],
    ['a too long name', [`${'n'.repeat(65)}=a`], 0, 'tag name is longer than 64 characters'],
    ['a bad name character', ['ho st=a'], 0, `tag name contains " "; ${nameChars}`],
    ['a wildcard in a name', ['ho*=a'], 0, `tag name contains "*"; ${nameChars}`],
    ['a value with name "*"', ['*=prod'], 0, 'name "*" matches every series; its value must be "*" or empty'],
    [
      'a value with an absent name',
      ['!host=web*'],
      0,
      'name "!host" selects series without the tag; its value must be "*" or empty',
    ],
    ['a bad absent name', ['!=*'], 0, 'tag name is empty'],
  ])('rejects %s, naming the pair and why', (_rule, pairs, index, why) => {
    const input = pairsOf(...pairs);
    const { name, value } = input[index] ?? { name: '?', value: '?' };
    const error = catchError(() => compileTagFilter(input));
    expect(error).toBeInstanceOf(UserInputError);
    expect(error.message).toBe(`tags[${index}] (name ${JSON.stringify(name)}, value ${JSON.stringify(value)}): ${why}`);
    expect((error as UserInputError).details).toEqual({ field: 'tags', index });
  });
});

describe('tagPairsFromMap', () => {
  it.each<{ rule: string; map: Record<string, string | string[]>; pairs: string[] }>([
    { rule: 'a string is one pair', map: { region: 'us*' }, pairs: ['region=us*'] },
    {
      rule: 'a list is one pair per value, in order',
      map: { region: ['us-east*', '!us-west'] },
      pairs: ['region=us-east*', 'region=!us-west'],
    },
    { rule: 'names may carry "!"', map: { '!host': '', db: '*' }, pairs: ['!host=', 'db=*'] },
    { rule: 'an empty map is no pairs', map: {}, pairs: [] },
  ])('$rule', ({ map, pairs }) => {
    expect(tagPairsFromMap(map)).toEqual(pairsOf(...pairs));
  });

  it('rejects an empty list of values, naming the tag', () => {
    const error = catchError(() => tagPairsFromMap({ region: [] }));
    expect(error).toBeInstanceOf(UserInputError);
    expect(error.message).toBe('tags.region: the list of values is empty');
  });
});

describe('tagValueMatcher', () => {
  const chars = fc.constantFrom('a', 'b', '?', '.');
  const values = fc.array(chars, { maxLength: 12 }).map((cs) => cs.join(''));
  const patterns = fc.array(fc.oneof(chars, fc.constant('*')), { maxLength: 8 }).map((cs) => cs.join(''));
  const viaRegExp = (pattern: string, value: string): boolean =>
    new RegExp(`^${pattern.replace(/[?.]/g, '\\$&').replace(/\*/g, '.*')}$`, 'is').test(value);

  test.prop([patterns, values])('agrees with the anchored regular expression it stands for', (pattern, value) => {
    expect(tagValueMatcher(pattern)(value)).toBe(viaRegExp(pattern, value));
  });

  it('takes linear time on a pattern that makes backtracking regular expressions explode', () => {
    const started = performance.now();
    expect(tagValueMatcher(`${'*a'.repeat(60)}*b`)('a'.repeat(255))).toBe(false);
    expect(performance.now() - started).toBeLessThan(50);
  });
});

describe('compileTagFilter properties', () => {
  const names = fc.constantFrom('region', 'host', 'db');
  const values = fc.constantFrom('us-east', 'us-west', 'eu', 'web?1');
  const patterns = fc.oneof(values, fc.constantFrom('*', 'us-*', '*east', '*s*', 'US-EAST', 'web?*'));
  const negatable = fc.oneof(values, fc.constantFrom('us-*', '*east', '*s*'));
  const positivePair = fc.record({ name: names, value: patterns });
  const negatedPair = fc.record({ name: names, value: negatable.map((pattern) => `!${pattern}`) });
  const valuePair = fc.oneof(positivePair, negatedPair);
  const pair: fc.Arbitrary<TagPair> = fc.oneof(
    valuePair,
    names.map((name) => ({ name: `!${name}`, value: '' })),
    fc.constant({ name: '*', value: '*' }),
  );
  const pairs = fc.array(pair, { maxLength: 6 });
  const tagSets = fc.dictionary(names, values, { maxKeys: 3 }).map((record): TagSet => new Map(Object.entries(record)));
  const nameOf = (p: TagPair): string => p.name.replace(/^!/, '');

  test.prop([pairs, pair, tagSets])(
    'adding a pair of a new name never widens the result (AND)',
    (base, extra, tags) => {
      fc.pre(!base.some((p) => nameOf(p) === nameOf(extra)));
      if (compileTagFilter([...base, extra])(tags)) {
        expect(compileTagFilter(base)(tags)).toBe(true);
      }
    },
  );

  test.prop([pairs, positivePair, patterns, tagSets])(
    'repeating a name with another value never narrows the result (OR)',
    (base, first, pattern, tags) => {
      const before = [...base, first];
      if (compileTagFilter(before)(tags)) {
        expect(compileTagFilter([...before, { name: first.name, value: pattern }])(tags)).toBe(true);
      }
    },
  );

  test.prop([pairs, valuePair, tagSets])(
    'adding "!name" to a name with value pairs never narrows the result (OR)',
    (base, first, tags) => {
      const before = [...base, first];
      if (compileTagFilter(before)(tags)) {
        expect(compileTagFilter([...before, { name: `!${first.name}`, value: '' }])(tags)).toBe(true);
      }
    },
  );

  test.prop([pairs, names, negatable, tagSets])(
    'adding a negated value never widens the result, unless it is the first value pair beside "!name"',
    (base, name, pattern, tags) => {
      fc.pre(base.some((p) => p.name === name) || !base.some((p) => p.name === `!${name}`));
      if (compileTagFilter([...base, { name, value: `!${pattern}` }])(tags)) {
        expect(compileTagFilter(base)(tags)).toBe(true);
      }
    },
  );

  test.prop([pairs, tagSets])('selects the same series as the tags_search its header describes', (input, tags) => {
    const search = asTagsSearch(input);
    const expected = search === undefined ? true : compileTagsSearch(search)(tags);
    expect(compileTagFilter(input)(tags)).toBe(expected);
  });
});

/** The header's formula per name, written in tags_search: (absent ∧ ¬has) ∨ (has ∧ positives ∧ ¬negated). */
function asTagsSearch(pairs: readonly TagPair[]): string | undefined {
  const groups = new Map<string, { absent: boolean; positive: string[]; negated: string[] }>();
  for (const { name, value } of pairs) {
    if (name === '*') continue;
    const key = name.replace(/^!/, '').toLowerCase();
    const group = groups.get(key) ?? { absent: false, positive: [], negated: [] };
    groups.set(key, group);
    if (name.startsWith('!')) group.absent = true;
    else if (value.startsWith('!')) group.negated.push(value.slice(1));
    else group.positive.push(value);
  }
  if (groups.size === 0) return undefined;
  const clauses = [...groups].map(([name, { absent, positive, negated }]) => {
    const present = [`${name}=*`, ...negated.map((pattern) => `not ${name}="${pattern}"`)];
    if (positive.length > 0) present.push(`(${positive.map((pattern) => `${name}="${pattern}"`).join(' or ')})`);
    const hasValues = positive.length + negated.length > 0;
    const disjuncts = [...(absent ? [`not ${name}=*`] : []), ...(hasValues ? [`(${present.join(' and ')})`] : [])];
    return `(${disjuncts.join(' or ')})`;
  });
  return clauses.join(' and ');
}

function catchError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected an error');
}
