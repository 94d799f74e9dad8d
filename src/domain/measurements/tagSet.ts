/**
 * Tags of a measurement, as the reference restricts them ("Measurement Restrictions"): names
 * match /^[-.:_\w]{1,64}$/, values /^[-.:_?\\\/\w ]{1,255}$/, both lower-cased, at most 50 per
 * measurement. Tags arrive as an object of name → value (the reference, REST) or as a list of
 * {name, value} (Almanac's GraphQL convention); both read the same.
 *
 * The rules: validate what was SENT, then lower-case. (Lower-casing first would let non-ASCII
 * letters through: "\u212A", the Kelvin sign, lower-cases to an ASCII "k".) And the set rules
 * — at least one tag, at most 50 — apply to the set that will be stored, environment tag
 * included, so a stored measurement always passes them again.
 */
import { type TagPair, comparePairs } from './measurement.js';
import { type Problem, fail, isRecord, paramName, shown } from './fieldReaders.js';

export const TAG_NAME = /^[-.:_\w]{1,64}$/;
export const TAG_VALUE = /^[-.:_?\\/\w ]{1,255}$/;
export const MAX_TAGS = 50;
export const ENVIRONMENT_TAG = 'environment';

interface SentTag {
  name: unknown;
  value: unknown;
  /** Where the tag is, for params: `tags.host`, or `tags[2]` in a list. */
  param: string;
}

/**
 * The tags of a `tags` field, lower-cased, in the order sent; undefined (problems recorded)
 * when any is invalid, when two names are the same once lower-cased, or when there are more
 * than MAX_TAGS.
 */
export function readTags(raw: unknown, param: string, problems: Problem[]): TagPair[] | undefined {
  const before = problems.length;
  const sent = sentTagsOf(raw, param, problems);
  if (sent === undefined) return undefined;
  if (sent.length > MAX_TAGS) return fail(problems, param, `has ${sent.length} tags: at most ${MAX_TAGS} are allowed`);
  const tags = new Map<string, string>();
  for (const tag of sent) {
    const pair = readTag(tag, problems);
    if (pair === undefined) continue;
    if (tags.has(pair[0])) fail(problems, tag.param, `repeats the tag name "${pair[0]}" (names are case-insensitive)`);
    else tags.set(pair[0], pair[1]);
  }
  return problems.length > before ? undefined : [...tags];
}

/**
 * The tag set to store: `tags` plus `environment=<environment>` when one is given and no
 * environment tag was sent, sorted by name; undefined (problem recorded) when the result has
 * no tag or more than MAX_TAGS.
 */
export function completeTags(
  tags: readonly TagPair[],
  environment: string | null,
  param: string,
  problems: Problem[],
): TagPair[] | undefined {
  const complete = [...tags];
  const added = environment !== null && !tags.some(([name]) => name === ENVIRONMENT_TAG);
  if (added) {
    const value = readTagValue(environment, `${param}.${ENVIRONMENT_TAG}`, problems);
    if (value === undefined) return undefined;
    complete.push([ENVIRONMENT_TAG, value]);
  }
  if (complete.length === 0) return fail(problems, param, 'must have at least one tag');
  if (complete.length > MAX_TAGS) {
    return fail(problems, param, `has ${complete.length} tags with the token's environment tag: at most ${MAX_TAGS}`);
  }
  return complete.sort(comparePairs);
}

function sentTagsOf(raw: unknown, param: string, problems: Problem[]): SentTag[] | undefined {
  if (isRecord(raw)) {
    return Object.entries(raw).map(([name, value]) => ({ name, value, param: `${param}.${paramName(name)}` }));
  }
  if (!Array.isArray(raw)) {
    return fail(problems, param, `must be an object of name → value or a list of {name, value}, got ${shown(raw)}`);
  }
  const sent: SentTag[] = [];
  raw.forEach((entry: unknown, index) => {
    const where = `${param}[${index}]`;
    if (isRecord(entry)) sent.push({ name: entry.name, value: entry.value, param: where });
    else fail(problems, where, `must be {name, value}, got ${shown(entry)}`);
  });
  return sent;
}

function readTag(tag: SentTag, problems: Problem[]): TagPair | undefined {
  const name = readTagName(tag.name, tag.param, problems);
  const value = readTagValue(tag.value, tag.param, problems);
  return name === undefined || value === undefined ? undefined : [name, value];
}

function readTagName(raw: unknown, param: string, problems: Problem[]): string | undefined {
  if (typeof raw !== 'string') return fail(problems, param, `needs a string name, got ${shown(raw)}`);
  if (!TAG_NAME.test(raw)) {
    return fail(problems, param, `name ${shown(raw)} must be 1-64 of letters, digits and -.:_`);
  }
  return raw.toLowerCase();
}

function readTagValue(raw: unknown, param: string, problems: Problem[]): string | undefined {
  if (typeof raw !== 'string') return fail(problems, param, `value must be a string, got ${shown(raw)}`);
  if (!TAG_VALUE.test(raw)) {
    return fail(problems, param, `value ${shown(raw)} must be 1-255 of letters, digits, spaces and -.:_?\\/`);
  }
  return raw.toLowerCase();
}
