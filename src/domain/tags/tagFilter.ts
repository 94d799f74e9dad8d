/**
 * The `tags` filter of series queries — the AppOptics reference's `tags` parameter — as a
 * predicate over a series' tag set. The input is a list of `{name, value}` pairs:
 *
 *   {name: "region", value: "us-*"}       has tag region, and its value matches us-*
 *   {name: "region", value: "!us-west"}   has tag region, and its value does NOT match us-west
 *   {name: "host",   value: "*"}          has tag host (any value)
 *   {name: "!host",  value: "" or "*"}    has no tag host
 *   {name: "*",      value: "" or "*"}    every series; so does an empty list
 *
 * Value patterns: `*` is the only wildcard (`?` is a legal tag value character); a pattern without
 * `*` must equal the whole value; case-insensitive. Pairs are grouped by (lower-cased) name, and
 * different names AND. Within one name:
 *   - positive patterns OR:                region=us-east, region=us-west → either;
 *   - negated patterns are exclusions that AND with the group: region=us-*, region=!us-west → any
 *     us- region but us-west; region=!a, region=!b → has region, and it is neither a nor b. (Read as
 *     OR, a negation next to any other pattern of its name would be a no-op.)
 *   - `!name` ORs with the rest:           !host, host=web* → no host tag, or a web* one.
 * So one name's group is   (absent-pair ∧ ¬has) ∨ (has ∧ (no positive ∨ a positive matches) ∧ no negated matches),
 * where the second disjunct exists only if the name has value pairs. Hence adding a pair of a new
 * name never widens the result, and adding a positive pattern next to another never narrows it;
 * but the first value pair beside a `!name` widens it (!host, host=!web* → no host, or not web*).
 *
 * The rule: tag sets handed to a predicate have lower-cased names, as stored (DESIGN.md). Names are
 * looked up exactly; only values are compared case-insensitively.
 */
import { UserInputError } from '../../errors.js';
import { globMatch } from '../wildcard.js';

/**
 * A series' tags, lower-cased name → lower-cased value. A Map, not a Record: `constructor` and
 * `__proto__` are valid tag names, and a Map has no prototype keys to trip over. Tag pairs convert
 * with `new Map(pairs)`.
 */
export type TagSet = ReadonlyMap<string, string>;
export type TagPredicate = (tags: TagSet) => boolean;

/** One pair of the filter, as GraphQL's `tags: [{name, value}]` sends it. */
export interface TagPair {
  readonly name: string;
  readonly value: string;
}

const MAX_NAME_LENGTH = 64;
const MAX_VALUE_LENGTH = 255;

/** Why `name` is not a valid tag name (/^[-.:_\w]{1,64}$/), or undefined if it is. */
export function tagNameProblem(name: string): string | undefined {
  if (name === '') return 'is empty';
  if (name.length > MAX_NAME_LENGTH) return `is longer than ${MAX_NAME_LENGTH} characters`;
  const bad = [...name].find((char) => !/^[-.:_\w]$/.test(char));
  if (bad === undefined) return undefined;
  return `contains ${JSON.stringify(bad)}; tag names may contain only letters, digits, "-", ".", ":" and "_"`;
}

/** Why `pattern` is not a valid value pattern (tag value characters and `*`), or undefined if it is. */
export function valuePatternProblem(pattern: string): string | undefined {
  if (pattern === '') return 'is empty';
  if (pattern.length > MAX_VALUE_LENGTH) return `is longer than ${MAX_VALUE_LENGTH} characters`;
  const bad = [...pattern].find((char) => !/^[-.:_?\\/\w *]$/.test(char));
  if (bad === undefined) return undefined;
  return (
    `contains ${JSON.stringify(bad)}; tag values may contain only letters, digits, spaces, ` +
    `"-", ".", ":", "_", "?", "\\" and "/", and patterns "*" as a wildcard`
  );
}

/**
 * The matcher of a value pattern: `*` is the only wildcard, a pattern without `*` must equal the
 * whole value, case-insensitive. `?` is a tag value character, so it matches only itself: globMatch
 * (linear time) reads `?` as "any character", so both sides swap it for NUL, which no tag value or
 * valid pattern contains.
 */
export function tagValueMatcher(pattern: string): (value: string) => boolean {
  const glob = literalQuestionMarks(pattern.toLowerCase().replace(/\*+/g, '*'));
  return (value) => globMatch(glob, literalQuestionMarks(value.toLowerCase()));
}

function literalQuestionMarks(text: string): string {
  return text.replaceAll('?', '\0');
}

/** True if `pattern` (valid) matches every value, so that negating it matches nothing. */
export function matchesEverything(pattern: string): boolean {
  return /^\*+$/.test(pattern);
}

type Term =
  | { kind: 'all' }
  | { kind: 'absent'; name: string }
  | { kind: 'value'; name: string; negated: boolean; pattern: string };

interface NameGroup {
  absent: boolean;
  positive: ((value: string) => boolean)[];
  negated: ((value: string) => boolean)[];
}

/** Validates `pairs` (throwing UserInputError naming the first bad pair) and compiles them. */
export function compileTagFilter(pairs: readonly TagPair[]): TagPredicate {
  const groups = new Map<string, NameGroup>();
  pairs.forEach((pair, index) => addTerm(groups, termOf(pair, index)));
  const predicates = [...groups].map(([name, group]) => groupPredicate(name, group));
  return (tags) => predicates.every((predicate) => predicate(tags));
}

/** The reference's map form, `{"region": ["us-east*", "!us-west"], "!host": ""}`, as pairs in order. */
export function tagPairsFromMap(map: Readonly<Record<string, string | readonly string[]>>): TagPair[] {
  return Object.entries(map).flatMap(([name, values]) => {
    if (typeof values === 'string') return [{ name, value: values }];
    if (values.length === 0) {
      throw new UserInputError(`tags.${name}: the list of values is empty`, { field: 'tags', name });
    }
    return values.map((value) => ({ name, value }));
  });
}

function termOf(pair: TagPair, index: number): Term {
  const fail = (why: string): never => {
    const where = `tags[${index}] (name ${JSON.stringify(pair.name)}, value ${JSON.stringify(pair.value)})`;
    throw new UserInputError(`${where}: ${why}`, { field: 'tags', index });
  };
  const anyValue = pair.value === '' || pair.value === '*';
  if (pair.name === '*') {
    return anyValue ? { kind: 'all' } : fail('name "*" matches every series; its value must be "*" or empty');
  }
  if (pair.name.startsWith('!')) {
    const name = validName(pair.name.slice(1), fail);
    if (!anyValue) fail(`name "!${name}" selects series without the tag; its value must be "*" or empty`);
    return { kind: 'absent', name };
  }
  const name = validName(pair.name, fail);
  const negated = pair.value.startsWith('!');
  const pattern = negated ? pair.value.slice(1) : pair.value;
  if (pair.value === '') fail('value is empty; use "*" for any value');
  const problem = valuePatternProblem(pattern);
  if (problem !== undefined) fail(`${negated ? 'negated ' : ''}value pattern ${problem}`);
  if (negated && matchesEverything(pattern)) {
    fail(`value "!${pattern}" matches nothing; use name "!${name}" for series without the tag`);
  }
  return { kind: 'value', name, negated, pattern: pattern.toLowerCase() };
}

function validName(name: string, fail: (why: string) => never): string {
  const problem = tagNameProblem(name);
  return problem === undefined ? name.toLowerCase() : fail(`tag name ${problem}`);
}

function addTerm(groups: Map<string, NameGroup>, term: Term): void {
  if (term.kind === 'all') return;
  let group = groups.get(term.name);
  if (group === undefined) {
    group = { absent: false, positive: [], negated: [] };
    groups.set(term.name, group);
  }
  if (term.kind === 'absent') group.absent = true;
  else (term.negated ? group.negated : group.positive).push(tagValueMatcher(term.pattern));
}

function groupPredicate(name: string, { absent, positive, negated }: NameGroup): TagPredicate {
  const hasValuePairs = positive.length > 0 || negated.length > 0;
  return (tags) => {
    const value = tags.get(name);
    if (value === undefined) return absent;
    if (!hasValuePairs) return false;
    if (positive.length > 0 && !positive.some((matches) => matches(value))) return false;
    return !negated.some((matches) => matches(value));
  };
}
