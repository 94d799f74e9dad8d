/**
 * The document budget checked before validation (src/server/limits/documentBudget.ts): the
 * lexer pass (tokens, nesting), the width of selection sets through fragments, and the coded
 * errors of a request that breaks them. Tables of small cases counted by hand, and properties
 * over generated documents: the counts never throw, terminate on fragment cycles and bombs,
 * and agree with graphql-js's own token count and with a naive expansion of the fragments.
 */
import { fc, test } from '@fast-check/vitest';
import { parse, type SelectionSetNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { budgetErrors, type DocumentBudget } from '../../src/server/limits/documentBudget.js';
import { selectionFields } from '../../src/server/limits/selectionFields.js';
import { tokenScan } from '../../src/server/limits/tokenScan.js';

const budget: DocumentBudget = {
  maxQueryTokens: 100,
  limits: { maxNesting: 5, maxFieldsPerSelection: 4, maxRootFields: 3 },
};

describe('tokenScan', () => {
  it.each([
    { rule: 'an empty document has no tokens', query: '', tokens: 0, nesting: 0 },
    { rule: 'punctuators and names are tokens', query: '{ a b }', tokens: 4, nesting: 1 },
    { rule: 'comments are not tokens', query: '# { { {\n{ a } # }', tokens: 3, nesting: 1 },
    { rule: 'braces inside strings do not nest', query: '{ a(s: "{{{[[[") }', tokens: 8, nesting: 2 },
    { rule: 'brackets and parentheses nest', query: '{ a(l: [[1]]) }', tokens: 12, nesting: 4 },
    { rule: 'siblings do not add up', query: '{ a { b } c { d } }', tokens: 10, nesting: 2 },
    { rule: 'a spread is one token', query: '{ ...F }', tokens: 4, nesting: 1 },
  ])('$rule', ({ query, tokens, nesting }) => {
    expect(tokenScan(query)).toMatchObject({ tokens, nesting, unreadable: false });
  });

  it('says where the nesting first passes a limit', () => {
    expect(tokenScan('{ a { b } c { d { e } } }', { maxNesting: 1 }).pastLimitAt).toBe(4);
    expect(tokenScan('{ a { b } c { d { e } } }', { maxNesting: 2 }).pastLimitAt).toBe(16);
    expect(tokenScan('{ a { b } c { d { e } } }', { maxNesting: 3 }).pastLimitAt).toBeUndefined();
  });

  it('scans a document 100,000 deep, which the parser could not', () => {
    const query = `${'{ a '.repeat(100_000)}${'}'.repeat(100_000)}`;
    expect(() => parse(query)).toThrow(RangeError);
    expect(tokenScan(query)).toMatchObject({ tokens: 300_000, nesting: 100_000, unreadable: false });
  });

  it('stops at the first token past maxTokens', () => {
    expect(tokenScan('{ a b c }', { maxTokens: 5 })).toMatchObject({ tokens: 5, overBudget: false });
    expect(tokenScan('{ a b c }', { maxTokens: 4 })).toMatchObject({ tokens: 5, overBudget: true });
  });

  it('stops at a syntax error of the lexer, counting what it read', () => {
    expect(tokenScan('{ a(s: "open')).toMatchObject({ tokens: 5, nesting: 2, unreadable: true });
  });

  test.prop([fc.string({ maxLength: 200 })])('never throws, on any text', (text) => {
    const scan = tokenScan(text);
    expect(scan.tokens).toBeGreaterThanOrEqual(scan.nesting);
  });

  const punctuation = fc.constantFrom(
    '{',
    '}',
    '(',
    ')',
    '[',
    ']',
    'a',
    ':',
    '...',
    '$v',
    '"s"',
    '1',
    '#c\n',
    '@d',
    ' ',
  );
  test.prop([fc.array(punctuation, { maxLength: 60 }).map((parts) => parts.join(' '))])(
    'counts the tokens that graphql-js parse counts against maxTokens',
    (query) => {
      const { tokens } = tokenScan(query);
      let parsed = true;
      try {
        parse(query, { maxTokens: tokens });
      } catch (error) {
        parsed = false;
        expect(String(error)).not.toMatch(/tokens/);
      }
      if (parsed && tokens > 0) expect(() => parse(query, { maxTokens: tokens - 1 })).toThrow(/tokens/);
    },
  );
});

describe('selectionFields', () => {
  const widest = (query: string) => {
    const { widestSelection, widestOperation } = selectionFields(parse(query));
    return { selection: widestSelection?.fields, root: widestOperation?.fields };
  };

  it.each([
    { rule: 'fields of one selection set count', query: '{ a b c }', selection: 3, root: 3 },
    { rule: 'repeated fields count each time', query: '{ a a a a }', selection: 4, root: 4 },
    { rule: 'aliases are fields', query: '{ x: a y: a }', selection: 2, root: 2 },
    { rule: 'a nested selection set counts on its own', query: '{ a { b c d e } }', selection: 4, root: 1 },
    { rule: "an inline fragment's fields count where it is", query: '{ a ... on Q { b c } }', selection: 3, root: 3 },
    {
      rule: "a named fragment's fields count at each spread",
      query: '{ a ...F ...F } fragment F on Q { b c }',
      selection: 5,
      root: 5,
    },
    { rule: "a fragment's own selection set counts", query: '{ a } fragment F on Q { b c d }', selection: 3, root: 1 },
    {
      rule: 'fragments spread fragments',
      query: '{ ...F } fragment F on Q { a ...G } fragment G on Q { b c }',
      selection: 3,
      root: 3,
    },
    { rule: 'an unknown fragment counts 0', query: '{ a ...Missing }', selection: 1, root: 1 },
    // F is measured first, its spread of G cut where G spreads F back: F = a + (b + 0) = 2;
    // G's own selection set spreads all of F: b + 2 = 3.
    {
      rule: 'a cycle terminates',
      query: '{ ...F } fragment F on Q { a ...G } fragment G on Q { b ...F }',
      selection: 3,
      root: 2,
    },
    // F = a + 0 = 1; its own selection set spreads all of F: a + 1 = 2.
    {
      rule: 'a fragment spreading itself terminates',
      query: '{ ...F } fragment F on Q { a ...F }',
      selection: 2,
      root: 1,
    },
    { rule: 'the widest operation counts', query: 'query A { a } query B { a b }', selection: 2, root: 2 },
    {
      rule: 'a document without operations has no root',
      query: 'fragment F on Q { a }',
      selection: 1,
      root: undefined,
    },
  ])('$rule', ({ query, selection, root }) => {
    expect(widest(query)).toEqual({ selection, root });
  });

  it('counts a fragment bomb of 2^40 fields without expanding it', () => {
    const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Q { ...F${i + 1} ...F${i + 1} }`);
    const query = `{ ...F0 } ${fragments.join(' ')} fragment F40 on Q { a }`;
    expect(widest(query)).toEqual({ selection: 2 ** 40, root: 2 ** 40 });
  });

  it('counts a chain of 20,000 fragments, each spreading the next, without overflowing the stack', () => {
    const fragments = Array.from({ length: 20_000 }, (_, i) => `fragment F${i} on Q { a ...F${i + 1} }`);
    expect(widest(`{ ...F0 } ${fragments.join(' ')}`)).toEqual({ selection: 20_000, root: 20_000 });
  });

  it('points at the widest selection set', () => {
    const node = selectionFields(parse('{ a { b c } d { e f g } }')).widestSelection?.node as SelectionSetNode;
    expect(node.loc?.start).toBe(14);
  });

  /** A generated selection: a field (with an optional sub-selection), an inline fragment or a spread. */
  type Selection = { field: Selection[] | null } | { inline: Selection[] } | { spread: number };
  const selections = fc.letrec<{ list: Selection[]; item: Selection }>((tie) => ({
    list: fc.array(tie('item'), { maxLength: 4 }),
    item: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.record({ field: fc.option(tie('list'), { nil: null }) }),
      fc.record({ inline: tie('list') }),
      fc.record({ spread: fc.nat({ max: 4 }) }),
    ),
  })).list;

  const text = (list: Selection[]): string =>
    `{ a ${list
      .map((s) =>
        'field' in s
          ? `f${s.field ? ` ${text(s.field)}` : ''}`
          : 'inline' in s
            ? `... on Q ${text(s.inline)}`
            : `...F${s.spread}`,
      )
      .join(' ')} }`;

  /** The naive count: every spread expanded in full (fragment i may spread only later ones, so it ends). */
  function expanded(list: Selection[], fragments: Selection[][], from: number): number {
    let count = 1; // the leading `a` of text()
    for (const s of list) {
      if ('field' in s) count += 1;
      else if ('inline' in s) count += expanded(s.inline, fragments, from);
      else if (s.spread > from && s.spread < fragments.length)
        count += expanded(fragments[s.spread] as Selection[], fragments, s.spread);
    }
    return count;
  }

  test.prop([selections, fc.array(selections, { minLength: 1, maxLength: 5 })])(
    "counts the operation's root fields as a naive expansion of its fragments does",
    (operation, fragments) => {
      // Fragment i spreads only later fragments: the others' spreads are dropped from the text.
      const acyclic = (list: Selection[], from: number): Selection[] =>
        list.flatMap((s): Selection[] =>
          'spread' in s
            ? s.spread > from && s.spread < fragments.length
              ? [s]
              : []
            : 'inline' in s
              ? [{ inline: acyclic(s.inline, from) }]
              : [{ field: s.field && acyclic(s.field, Number.POSITIVE_INFINITY) }],
        );
      const defined = fragments.map((list, i) => acyclic(list, i));
      const op = acyclic(operation, -1);
      const query = `${text(op)} ${defined.map((list, i) => `fragment F${i} on Q ${text(list)}`).join(' ')}`;
      expect(selectionFields(parse(query)).widestOperation?.fields).toBe(expanded(op, defined, -1));
    },
  );

  test.prop([selections, fc.array(selections, { maxLength: 5 }), fc.boolean()])(
    "the lexer's count of fields written in a selection set never exceeds the parsed width",
    (operation, fragments, aliased) => {
      const written = `${text(operation)} ${fragments.map((list, i) => `fragment F${i} on Q ${text(list)}`).join(' ')}`;
      // Aliases, arguments with object values and directives, none of which are fields of their own.
      const query = aliased ? written.replace(/ f(?= )/g, ' x: f(o: { f: [{ f: 1 }] }) @d(f: f)') : written;
      const widest = selectionFields(parse(query)).widestSelection?.fields ?? 0;
      expect(tokenScan(query).widestDirect).toBeLessThanOrEqual(widest);
      expect(tokenScan(query).widestDirect).toBeGreaterThan(0);
    },
  );

  test.prop([selections, fc.array(selections, { maxLength: 5 })])(
    'never throws and terminates on any spreads, cycles included',
    (operation, fragments) => {
      const query = `${text(operation)} ${fragments.map((list, i) => `fragment F${i} on Q ${text(list)}`).join(' ')}`;
      const { widestSelection, widestOperation } = selectionFields(parse(query));
      expect(widestSelection?.fields).toBeGreaterThanOrEqual(widestOperation?.fields ?? 0);
    },
  );
});

describe('budgetErrors', () => {
  const limitsOf = (queries: (string | undefined)[]) =>
    budgetErrors(queries, budget).map((error) => ({ message: error.message, ...error.extensions }));

  it('remembers documents that passed, and still counts their tokens in a batch', () => {
    const twenty = '{ a(x: 1, y: 2, z: 3, w: 4, v: 5) }'; // 20 tokens, one field
    const remembered = new Map<string, number>();
    expect(budgetErrors([twenty], budget, remembered)).toEqual([]);
    expect([...remembered]).toEqual([[twenty, 20]]);
    // A remembered document is not read again: a count it was given is the one that counts.
    remembered.set(twenty, 60);
    expect(budgetErrors([twenty], budget, remembered)).toEqual([]);
    expect(budgetErrors([twenty, twenty], budget, remembered).map((error) => error.extensions.limit)).toEqual([
      'maxQueryTokens',
    ]);
  });

  it('remembers nothing of a request that breaks a limit', () => {
    const remembered = new Map<string, number>();
    expect(budgetErrors(['{ a b c d e }', '{ a }'], budget, remembered)).not.toEqual([]);
    expect(remembered.size).toBe(0);
  });

  it('finds nothing wrong with a request inside every limit', () => {
    expect(budgetErrors(['{ a b c { d e f g } }', undefined], budget)).toEqual([]);
  });

  it('counts the tokens of a batch together', () => {
    const twenty = '{ a(x: 1, y: 2, z: 3, w: 4, v: 5) }'; // 20 tokens, one field
    expect(
      budgetErrors(
        Array.from({ length: 5 }, () => twenty),
        budget,
      ),
    ).toEqual([]);
    expect(limitsOf(Array.from({ length: 6 }, () => twenty))).toEqual([
      {
        message: 'Number of tokens in the request exceeds the limit of 100 (server.maxQueryTokens).',
        code: 'GRAPHQL_VALIDATION_FAILED',
        limit: 'maxQueryTokens',
        max: 100,
      },
    ]);
  });

  it('refuses nesting past the limit before parsing, saying where and in which operation', () => {
    const [error] = budgetErrors(['{ a }', '{ a { a { a { a { a(x: [1]) } } } } }'], budget);
    expect(error?.message).toBe(
      'Nesting of braces, brackets and parentheses of 7 exceeds the limit of 5 (limits.maxNesting).',
    );
    expect(error?.extensions).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'maxNesting',
      max: 5,
      actual: 7,
      batchIndex: 1,
    });
    expect(error?.locations).toEqual([{ line: 1, column: 20 }]);
  });

  it('refuses a selection set whose own fields break the limit without parsing it', () => {
    const [error, ...others] = budgetErrors(['{ a { b c d e f(x: {g: 1, h: 2}) } i } , } fragment'], budget);
    expect(others).toEqual([]);
    expect(error?.message).toBe(
      'Number of fields in one selection set of 5 exceeds the limit of 4 (limits.maxFieldsPerSelection).',
    );
    expect(error?.locations).toEqual([{ line: 1, column: 5 }]);
  });

  it('refuses a wide selection set and too many root fields through fragments, one error each', () => {
    expect(limitsOf(['{ a b ...F } fragment F on Q { c d e }'])).toEqual([
      {
        message: 'Number of fields in one selection set of 5 exceeds the limit of 4 (limits.maxFieldsPerSelection).',
        code: 'GRAPHQL_VALIDATION_FAILED',
        limit: 'maxFieldsPerSelection',
        max: 4,
        actual: 5,
      },
      {
        message: 'Operation number of root fields of 5 exceeds the limit of 3 (limits.maxRootFields).',
        code: 'GRAPHQL_VALIDATION_FAILED',
        limit: 'maxRootFields',
        max: 3,
        actual: 5,
      },
    ]);
  });

  it('leaves a document it cannot read to the parser', () => {
    expect(budgetErrors(['{ a b c d', '{ "open', undefined], budget)).toEqual([]);
  });

  test.prop([fc.array(fc.string({ maxLength: 80 }), { maxLength: 4 })])('never throws, on any text', (queries) => {
    expect(Array.isArray(budgetErrors(queries, budget))).toBe(true);
  });
});
