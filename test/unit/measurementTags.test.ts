import { describe, expect, it } from 'vitest';
import { seriesKeyOf } from '../../src/domain/measurements/measurement.js';
import { type RuleCase, checkCase, sample } from './measurementBatchCases.js';

const tagsOf = (count: number, prefix = 't'): Record<string, string> =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${String(i).padStart(2, '0')}`, 'v']));
const error = (param: string, reason: RegExp) => ({ param: `measurements[0].${param}`, reason });

describe('tag names /^[-.:_\\w]{1,64}$/ and values /^[-.:_?\\\\\\/\\w ]{1,255}$/, lower-cased', () => {
  it.each<RuleCase>([
    {
      rule: 'names and values are lower-cased',
      measurement: sample({ tags: { Region: 'US-East-1' } }),
      accepted: { tags: [['region', 'us-east-1']] },
    },
    {
      rule: 'tags are sorted by name',
      measurement: sample({ tags: { zone: 'b', az: 'a', Host: 'h' } }),
      accepted: {
        tags: [
          ['az', 'a'],
          ['host', 'h'],
          ['zone', 'b'],
        ],
      },
    },
    {
      rule: 'a list of {name, value} reads like an object',
      measurement: sample({
        tags: [
          { name: 'Region', value: 'EU' },
          { name: 'az', value: 'b' },
        ],
      }),
      accepted: {
        tags: [
          ['az', 'b'],
          ['region', 'eu'],
        ],
      },
    },
    {
      rule: 'values may hold spaces and ? \\ / : . - _',
      measurement: sample({ tags: { path: 'C:\\Temp/a b?.x-y_z' } }),
      accepted: { tags: [['path', 'c:\\temp/a b?.x-y_z']] },
    },
    { rule: 'a 64-character name is allowed', measurement: sample({ tags: { ['n'.repeat(64)]: 'v' } }), accepted: {} },
    {
      rule: 'a 65-character name is refused',
      measurement: sample({ tags: { ['n'.repeat(65)]: 'v' } }),
      error: error(`tags.${'n'.repeat(64)}…`, /name "n+…" must be 1-64/),
    },
    {
      rule: 'a 255-character value is allowed',
      measurement: sample({ tags: { host: 'v'.repeat(255) } }),
      accepted: {},
    },
    {
      rule: 'a 256-character value is refused',
      measurement: sample({ tags: { host: 'v'.repeat(256) } }),
      error: error('tags.host', /must be 1-255/),
    },
    {
      rule: 'a space in a name is refused',
      measurement: sample({ tags: { 'a b': 'v' } }),
      error: error('tags.a b', /1-64/),
    },
    {
      rule: 'a comma in a value is refused',
      measurement: sample({ tags: { host: 'a,b' } }),
      error: error('tags.host', /1-255/),
    },
    {
      rule: 'an empty value is refused',
      measurement: sample({ tags: { host: '' } }),
      error: error('tags.host', /1-255/),
    },
    { rule: 'an empty name is refused', measurement: sample({ tags: { '': 'v' } }), error: error('tags.', /1-64/) },
    {
      rule: 'a value must be a string',
      measurement: sample({ tags: { instance: 3 } }),
      error: error('tags.instance', /must be a string, got 3/),
    },
    {
      rule: 'validation comes before lower-casing: the Kelvin sign is not a "k"',
      measurement: sample({ tags: { '\u212Aey': 'v' } }),
      error: error('tags.\u212Aey', /1-64/),
    },
    {
      rule: 'two names equal once lower-cased are refused',
      measurement: sample({ tags: { Host: 'a', host: 'b' } }),
      error: error('tags.host', /repeats the tag name "host"/),
    },
    {
      rule: 'a list entry must be {name, value}',
      measurement: sample({ tags: ['host=a'] }),
      error: error('tags[0]', /must be \{name, value\}/),
    },
    {
      rule: 'tags must be an object or a list',
      measurement: sample({ tags: 'host=a' }),
      error: error('tags', /must be an object/),
    },
  ])('$rule', checkCase);
});

describe('a tag set has at least 1 and at most 50 tags', () => {
  it.each<RuleCase>([
    { rule: '50 tags are allowed', measurement: sample({ tags: tagsOf(50) }), accepted: {} },
    { rule: '51 tags are refused', measurement: sample({ tags: tagsOf(51) }), error: error('tags', /has 51 tags/) },
    {
      rule: 'a measurement must have at least one tag',
      measurement: sample({ tags: undefined }),
      error: error('tags', /^must have at least one tag$/),
    },
  ])('$rule', checkCase);
});

describe('embedded tags replace the top-level tags, never merge', () => {
  const top = { tags: { region: 'us-west', name: 'web-prod-3' } };
  it.each<RuleCase>([
    {
      rule: 'without tags a measurement takes the top-level tags',
      measurement: sample({ tags: undefined }),
      top,
      accepted: {
        tags: [
          ['name', 'web-prod-3'],
          ['region', 'us-west'],
        ],
      },
    },
    {
      rule: 'null tags mean not sent',
      measurement: sample({ tags: null }),
      top,
      accepted: {
        tags: [
          ['name', 'web-prod-3'],
          ['region', 'us-west'],
        ],
      },
    },
    {
      rule: 'embedded tags replace them entirely',
      measurement: sample({ tags: { name: 'web-prod-1' } }),
      top,
      accepted: { tags: [['name', 'web-prod-1']] },
    },
    {
      rule: 'an empty embedded object replaces them too, and then has no tag',
      measurement: sample({ tags: {} }),
      top,
      error: error('tags', /at least one tag/),
    },
  ])('$rule', checkCase);
});

describe("the token's environment is added as tag environment=<name>", () => {
  it.each<RuleCase>([
    {
      rule: 'added, lower-cased, when no environment tag is sent',
      measurement: sample(),
      environment: 'Production',
      accepted: {
        tags: [
          ['environment', 'production'],
          ['host', 'a'],
        ],
      },
    },
    {
      rule: 'an environment tag sent by the client is kept',
      measurement: sample({ tags: { environment: 'staging' } }),
      environment: 'prod',
      accepted: { tags: [['environment', 'staging']] },
    },
    {
      rule: 'a sent "Environment" tag counts as the environment tag',
      measurement: sample({ tags: { Environment: 'Staging' } }),
      environment: 'prod',
      accepted: { tags: [['environment', 'staging']] },
    },
    {
      rule: 'it counts as the one required tag',
      measurement: sample({ tags: {} }),
      environment: 'prod',
      accepted: { tags: [['environment', 'prod']] },
    },
    {
      rule: 'it counts toward the 50',
      measurement: sample({ tags: tagsOf(50) }),
      environment: 'prod',
      error: error('tags', /has 51 tags with the token's environment tag/),
    },
    {
      rule: 'it is added to inherited top-level tags',
      measurement: sample({ tags: undefined }),
      top: { tags: { host: 'a' } },
      environment: 'prod',
      accepted: {
        tags: [
          ['environment', 'prod'],
          ['host', 'a'],
        ],
      },
    },
    { rule: 'nothing is added without an environment', measurement: sample(), accepted: { tags: [['host', 'a']] } },
  ])('$rule', checkCase);
});

describe('seriesKeyOf', () => {
  it.each([
    {
      rule: 'the order of the pairs does not matter',
      a: [
        ['b', '1'],
        ['a', '2'],
      ],
      b: [
        ['a', '2'],
        ['b', '1'],
      ],
      same: true,
    },
    { rule: 'a different value is a different series', a: [['a', '1']], b: [['a', '2']], same: false },
    {
      rule: 'separators inside names cannot collide',
      a: [['a', '1,b=2']],
      b: [
        ['a', '1'],
        ['b', '2'],
      ],
      same: false,
    },
    { rule: 'no tags is a key of its own', a: [], b: [['', '']], same: false },
  ] as { rule: string; a: [string, string][]; b: [string, string][]; same: boolean }[])('$rule', ({ a, b, same }) => {
    expect(seriesKeyOf(a) === seriesKeyOf(b)).toBe(same);
  });
});
