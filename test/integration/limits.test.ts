/**
 * Request limits over HTTP against a real gateway: query depth, aliases, directives and cost,
 * introspection on and off, body size, batch size, and Apollo's CSRF protection. Each limit is
 * shown refused past its value (with the coded error naming it) and accepted at its value.
 * Rate limits are in rateLimit.test.ts.
 */
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harnessBackends, startTestGateway, TEST_ADMIN_KEY, type TestGateway } from '../harness/gateway.js';

interface Body {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions: Record<string, unknown> }[];
}

/** `__type(name) { ofType { ... } }`: a valid query of any depth (`ofType` is not a list). */
function nestedQuery(depth: number): string {
  return `{ __type(name: "Query") { ${'ofType { '.repeat(depth - 2)}name ${'} '.repeat(depth - 2)}} }`;
}

function aliasQuery(count: number): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: __typename`).join(' ')} }`;
}

function directiveQuery(count: number): string {
  return `{ ${'__typename @include(if: true) '.repeat(count)}}`;
}

async function post(gateway: TestGateway, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(new URL('graphql', gateway.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_KEY}`, ...headers },
    body,
  });
}

async function expectLimitError(response: Response, limit: string, max: number, actual: number): Promise<void> {
  expect(response.status).toBe(400);
  const body = (await response.json()) as Body;
  expect(body.data).toBeUndefined();
  expect(body.errors).toHaveLength(1);
  expect(body.errors?.[0]?.message).toContain(`limits.${limit}`);
  expect(body.errors?.[0]?.extensions).toEqual({
    code: 'GRAPHQL_VALIDATION_FAILED',
    limit,
    max,
    actual,
    requestId: expect.any(String),
  });
}

async function expectData(response: Response): Promise<Body> {
  const body = (await response.json()) as Body;
  expect(body.errors).toBeUndefined();
  expect(response.status).toBe(200);
  return body;
}

describe('with the default limits', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    // A larger token budget, so that what stops the big queries below is the limit under test.
    gateway = await startTestGateway(harnessBackends(), { config: { server: { maxQueryTokens: 100_000 } } });
  });
  afterAll(() => gateway.close());

  it("answers GraphiQL's full introspection query", async () => {
    const query = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    const body = await expectData(await gateway.graphql(query));
    expect((body.data?.__schema as { queryType: { name: string } }).queryType.name).toBe('Query');
  });

  it('refuses a query 200 levels deep with maxDepth 20, and answers one exactly 20 deep', async () => {
    await expectLimitError(await gateway.graphql(nestedQuery(200)), 'maxDepth', 20, 200);
    await expectData(await gateway.graphql(nestedQuery(20)));
    await expectLimitError(await gateway.graphql(nestedQuery(21)), 'maxDepth', 20, 21);
  });

  it('counts depth through named and inline fragments', async () => {
    const query = `{ __type(name: "Query") { ...A } } fragment A on __Type { ... on __Type { ${'ofType { '.repeat(19)}name${' }'.repeat(19)} } }`;
    await expectLimitError(await gateway.graphql(query), 'maxDepth', 20, 21);
  });

  it('refuses 100 aliases with maxAliases 50, and answers 50', async () => {
    await expectLimitError(await gateway.graphql(aliasQuery(100)), 'maxAliases', 50, 100);
    await expectData(await gateway.graphql(aliasQuery(50)));
    await expectLimitError(await gateway.graphql(aliasQuery(51)), 'maxAliases', 50, 51);
  });

  it('counts the aliases of a fragment once per spread', async () => {
    const fragment = `fragment F on Query { ${Array.from({ length: 10 }, (_, i) => `f${i}: __typename`).join(' ')} }`;
    const query = `{ ${'...F '.repeat(5)}... on Query { ...F } } ${fragment}`;
    await expectLimitError(await gateway.graphql(query), 'maxAliases', 50, 60);
  });

  it('refuses 51 directives with maxDirectives 50, and answers 50', async () => {
    await expectData(await gateway.graphql(directiveQuery(50)));
    await expectLimitError(await gateway.graphql(directiveQuery(51)), 'maxDirectives', 50, 51);
  });

  it('reports every limit an operation breaks', async () => {
    const query = `{ ${aliasQuery(51).slice(1, -1)} ${nestedQuery(21).slice(1, -1)} }`;
    const body = (await (await gateway.graphql(query)).json()) as Body;
    expect(body.errors?.map((error) => error.extensions.limit).sort()).toEqual(['maxAliases', 'maxDepth']);
  });

  it('stops a fragment bomb before validation instead of expanding it', async () => {
    // Each fragment spreads the next twice: 2^30 fields from a document of 31 lines.
    const fragments = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
    const query = `{ ...F0 } ${fragments.join(' ')} fragment F30 on Query { __typename }`;
    const started = performance.now();
    const body = (await (await gateway.graphql(query)).json()) as Body;
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(body.errors?.find((error) => error.extensions.limit === 'maxFieldsPerSelection')?.extensions).toMatchObject({
      max: 200,
      actual: 2 ** 30,
    });
  });

  it("answers a batch in the media type the client accepts, as a single operation's answer", async () => {
    const accept = { accept: 'application/graphql-response+json' };
    const batch = await post(
      gateway,
      JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
      accept,
    );
    expect(batch.status).toBe(200);
    expect(batch.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(await batch.json()).toEqual(
      [{ data: { __typename: 'Query' } }, { data: { __typename: 'Query' } }].map((answer) => ({
        ...answer,
        extensions: { executionTime: expect.any(Number) },
      })),
    );
  });

  it('refuses an empty batch with a coded BAD_REQUEST', async () => {
    const refused = await post(gateway, '[]');
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      errors: [{ message: 'No operations found in request.', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('refuses a batch of more than 10 operations, naming the limit, and answers a batch of 10', async () => {
    const batch = (size: number) => JSON.stringify(Array.from({ length: size }, () => ({ query: '{ __typename }' })));
    const ok = await post(gateway, batch(10));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toHaveLength(10);
    const refused = await post(gateway, batch(11));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      errors: [
        {
          message: 'Batch of 11 operations exceeds the limit of 10 (limits.maxBatchSize).',
          extensions: {
            code: 'BAD_REQUEST',
            limit: 'maxBatchSize',
            max: 10,
            actual: 11,
            requestId: expect.any(String),
          },
        },
      ],
    });
  });

  it('refuses a simple cross-site POST (content-type text/plain): Apollo CSRF prevention is on', async () => {
    const body = JSON.stringify({ query: '{ __typename }' });
    const refused = await post(gateway, body, { 'content-type': 'text/plain' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/Cross-Site Request Forgery/);
    expect((await post(gateway, body)).status).toBe(200);
  });
});

describe('with limits set in the configuration', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(harnessBackends(), {
      config: { limits: { maxCost: 60, defaultListSize: 10, introspection: false, maxBodyBytes: 2_048 } },
    });
  });
  afterAll(() => gateway.close());

  // backends is a list: 10 × (1 + id + kind + health (1 + ok + latencyMs)) = 60.
  const costing60 = '{ backends { id kind health { ok latencyMs } } }';

  it('answers a query whose cost is exactly maxCost and refuses one that costs one more', async () => {
    await expectData(await gateway.graphql(costing60));
    await expectLimitError(
      await gateway.graphql(costing60.replace('{ backends', '{ __typename backends')),
      'maxCost',
      60,
      61,
    );
  });

  it('multiplies nested selections of a list by the default list size', async () => {
    await expectLimitError(
      await gateway.graphql('{ backends { id kind health { ok latencyMs error } } }'),
      'maxCost',
      60,
      70,
    );
  });

  it('refuses introspection with a coded error naming the setting, and still answers __typename', async () => {
    const response = await gateway.graphql('{ __schema { queryType { name } } }');
    expect(response.status).toBe(400);
    const body = (await response.json()) as Body;
    expect(body.errors?.[0]?.message).toContain('limits.introspection');
    expect(body.errors?.[0]?.extensions).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'introspection',
      max: false,
      requestId: expect.any(String),
    });
    expect((await expectData(await gateway.graphql('{ __typename }'))).data).toEqual({ __typename: 'Query' });
  });

  it('answers a body of exactly maxBodyBytes and refuses one byte more with 413 naming the limit', async () => {
    const bodyOf = (bytes: number) => {
      const base = JSON.stringify({ query: '{ __typename }', extensions: { pad: '' } });
      return JSON.stringify({ query: '{ __typename }', extensions: { pad: 'x'.repeat(bytes - base.length) } });
    };
    expect(bodyOf(2_048)).toHaveLength(2_048);
    expect((await post(gateway, bodyOf(2_048))).status).toBe(200);
    const refused = await post(gateway, bodyOf(2_049));
    expect(refused.status).toBe(413);
    expect(await refused.json()).toEqual({
      errors: [
        {
          message: 'Request body exceeds the limit of 2048 bytes (limits.maxBodyBytes).',
          extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 'maxBodyBytes', max: 2_048, requestId: expect.any(String) },
        },
      ],
    });
  });
});
