import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { UserInputError } from '../../src/errors.js';
import {
  SERIES_FUNCTIONS,
  type Argument,
  type Call,
  type ComposeExpression,
  type DynamicTag,
  type NumberLit,
  type OptionsMap,
  type SetExpr,
  type StringLit,
  type TagMap,
  type TagValue,
} from '../../src/domain/compose/composeAst.js';
import { MAX_COMPOSE_LENGTH, parseCompose } from '../../src/domain/compose/composeParser.js';
import { printCompose } from '../../src/domain/compose/composePrinter.js';

/** Generated trees carry no real positions; the printer ignores them and `withoutPositions` drops them. */
const AT = 0;

const withoutPositions = (tree: Argument): unknown =>
  JSON.parse(JSON.stringify(tree, (key, value: unknown) => (key === 'position' ? undefined : value)));

const texts = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom('*', 'web-*', 'appoptics.disk.disk_ops.read', '"', '\\', 'a"b\\c', ' ', 'é😀', '%', '%%', '1d,7d'),
);
/** A string that reads back as a string wherever it stands: `"%"` would be the dynamic tag. */
const plainTexts = texts.filter((text) => text !== '%');
const names = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,6}$/);
const numberTexts = fc.stringMatching(/^-?[0-9]{1,6}(\.[0-9]{1,4})?$/);

const stringsOf = (values: fc.Arbitrary<string>): fc.Arbitrary<StringLit> =>
  values.map((value) => ({ kind: 'string', position: AT, value }));
const numbers: fc.Arbitrary<NumberLit> = numberTexts.map((text) => ({
  kind: 'number',
  position: AT,
  value: Number(text),
  text,
}));
const dynamic: fc.Arbitrary<DynamicTag> = fc.constant({ kind: 'dynamic', position: AT });

const tagValues: fc.Arbitrary<TagValue> = fc.oneof(
  stringsOf(plainTexts),
  dynamic,
  fc
    .array(stringsOf(plainTexts), { minLength: 1, maxLength: 3 })
    .map((values): TagValue => ({ kind: 'list', position: AT, values })),
);
const tagMaps = (minLength: number): fc.Arbitrary<TagMap> =>
  fc
    .uniqueArray(fc.record({ position: fc.constant(AT), name: texts, value: tagValues }), {
      selector: (entry) => entry.name,
      minLength,
      maxLength: 3,
    })
    .map((entries) => ({ kind: 'tags', position: AT, entries }));
const optionsMaps: fc.Arbitrary<OptionsMap> = fc
  .uniqueArray(fc.record({ position: fc.constant(AT), name: names, value: fc.oneof(stringsOf(texts), numbers) }), {
    selector: (entry) => entry.name,
    maxLength: 3,
  })
  .map((entries) => ({ kind: 'options', position: AT, entries }));

/** `s(metric, tags-or-"%", options?)`: the one place an empty `{}` is a tag map. */
const seriesCalls: fc.Arbitrary<Call> = fc
  .tuple(
    fc.constantFrom(...SERIES_FUNCTIONS),
    stringsOf(plainTexts),
    fc.oneof(tagMaps(0), dynamic),
    fc.option(optionsMaps, { nil: undefined }),
  )
  .map(([name, metric, tags, options]) => ({
    kind: 'call',
    position: AT,
    name,
    args: options === undefined ? [metric, tags] : [metric, tags, options],
  }));

const { argument: argumentTrees, composite: composites } = fc.letrec<{
  argument: Argument;
  call: Call;
  set: SetExpr;
  composite: ComposeExpression;
}>((tie) => ({
  argument: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'compose' },
    stringsOf(plainTexts),
    numbers,
    dynamic,
    tagMaps(1),
    optionsMaps,
    seriesCalls,
    tie('call'),
    tie('set'),
  ),
  call: fc
    .tuple(
      names.filter((name) => !SERIES_FUNCTIONS.has(name)),
      fc.array(tie('argument'), { maxLength: 3 }),
    )
    .map(([name, args]): Call => ({ kind: 'call', position: AT, name, args })),
  set: fc.array(tie('argument'), { maxLength: 3 }).map((members): SetExpr => ({ kind: 'set', position: AT, members })),
  composite: fc.oneof(seriesCalls, tie('call'), tie('set')),
}));

/** Every node's position names the column where its text starts. */
const expectPositionsInside = (node: Argument, source: string): void => {
  const at = (text: string, position: number) => expect(source.startsWith(text, position - 1)).toBe(true);
  switch (node.kind) {
    case 'call':
      at(`${node.name}(`, node.position);
      node.args.forEach((arg) => expectPositionsInside(arg, source));
      return;
    case 'set':
      at('[', node.position);
      node.members.forEach((member) => expectPositionsInside(member, source));
      return;
    case 'string':
    case 'dynamic':
      at('"', node.position);
      return;
    case 'number':
      at(node.text, node.position);
      return;
    case 'tags':
      at('{', node.position);
      for (const entry of node.entries) {
        at('"', entry.position);
        if (entry.value.kind === 'list') at('[', entry.value.position);
        else expectPositionsInside(entry.value, source);
      }
      return;
    case 'options':
      at('{', node.position);
      for (const entry of node.entries) {
        at(entry.name, entry.position);
        expectPositionsInside(entry.value, source);
      }
      return;
  }
};

const pieces = fc.constantFrom(
  ...['s(', 'series(', 'sum(', 'derive(', '(', ')', '[', ']', '{', '}', ',', ':', ' ', '\n', '"', '\\', '"%"'],
  ...['"host"', '"*"', 'period', 'function', '300', '-1.5', '1.', '-', '.', 'é', '😀', '#', 'x ('],
);
const nearlyValid = fc
  .tuple(composites, fc.nat(), fc.nat({ max: 6 }), fc.string({ maxLength: 2 }))
  .map(([tree, at, cut, insert]) => {
    const text = printCompose(tree);
    const from = at % (text.length + 1);
    return text.slice(0, from) + insert + text.slice(from + cut);
  });
const anyInput = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ maxLength: 60, unit: 'binary' }),
  fc.string({ maxLength: 40, unit: 'grapheme' }),
  fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join('')),
  nearlyValid,
);

/** Parses, or fails with a UserInputError located inside the input, quickly. */
const expectParsesOrRefuses = (source: string): void => {
  const started = performance.now();
  let error: unknown;
  try {
    parseCompose(source);
  } catch (caught) {
    error = caught;
  }
  expect(performance.now() - started).toBeLessThan(250);
  if (error === undefined) return;
  expect(error).toBeInstanceOf(UserInputError);
  const { message, details } = error as UserInputError;
  const position = Number(/^at (\d+): /.exec(message)?.[1]);
  expect(position).toBeGreaterThanOrEqual(1);
  expect(position).toBeLessThanOrEqual(Math.min(source.length, MAX_COMPOSE_LENGTH) + 1);
  expect(details).toEqual({ field: 'compose', position });
};

describe('composite language properties', () => {
  test.prop([composites])('printing then parsing gives back the same tree', (tree) => {
    expect(withoutPositions(parseCompose(printCompose(tree)))).toEqual(withoutPositions(tree));
  });

  test.prop([composites])(
    'the parser round-trips what it prints: print, parse, print again is the same text',
    (tree) => {
      const printed = printCompose(tree);
      expect(printCompose(parseCompose(printed))).toBe(printed);
    },
  );

  test.prop([argumentTrees])(
    'any argument prints to text that reads back as the same argument inside a set',
    (tree) => {
      const [member] = (parseCompose(`[${printCompose(tree)}]`) as SetExpr).members;
      expect(member === undefined ? undefined : withoutPositions(member)).toEqual(withoutPositions(tree));
    },
  );

  test.prop([composites])('every node of a parsed tree is placed where its text starts', (tree) => {
    const source = printCompose(tree);
    expectPositionsInside(parseCompose(source), source);
  });

  test.prop([anyInput])('any input parses or fails with a UserInputError located inside it', (source) => {
    expectParsesOrRefuses(source);
  });

  test.prop([fc.array(pieces, { minLength: 1000, maxLength: 6000 }).map((parts) => parts.join(''))], { numRuns: 30 })(
    "long inputs of the language's pieces, up to and past the length limit, end quickly",
    (source) => {
      expectParsesOrRefuses(source);
    },
  );
});
