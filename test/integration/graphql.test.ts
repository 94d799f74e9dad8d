import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, TEST_ADMIN_KEY, type TestGateway } from '../harness/gateway.js';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(() => gateway.close());

interface Body {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions: Record<string, unknown> }[];
  extensions?: { executionTime?: number };
}

describe('POST /graphql', () => {
  it('lists both backends as healthy, with latency and no error', async () => {
    const response = await gateway.graphql('{ backends { id kind health { ok latencyMs error checkedAt } } }');
    expect(response.status).toBe(200);
    const body = (await response.json()) as Body;
    expect(body.errors).toBeUndefined();
    expect(body.data?.backends).toEqual([
      {
        id: 'native',
        kind: 'NATIVE',
        health: { ok: true, latencyMs: expect.any(Number), error: null, checkedAt: expect.any(String) },
      },
      {
        id: 'prometheus',
        kind: 'PROMETHEUS',
        health: { ok: true, latencyMs: expect.any(Number), error: null, checkedAt: expect.any(String) },
      },
    ]);
  });

  it('answers serverInfo with the package version and a growing uptime', async () => {
    const first = ((await (await gateway.graphql('{ serverInfo { version uptimeSeconds startedAt } }')).json()) as Body)
      .data?.serverInfo as { version: string; uptimeSeconds: number; startedAt: string };
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = ((await (await gateway.graphql('{ serverInfo { uptimeSeconds } }')).json()) as Body).data
      ?.serverInfo as { uptimeSeconds: number };
    expect(first.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(Date.parse(first.startedAt)).toBeLessThanOrEqual(Date.now());
    expect(second.uptimeSeconds).toBeGreaterThan(first.uptimeSeconds);
  });

  it('every response carries extensions.executionTime and a matching Server-Timing header', async () => {
    const response = await gateway.graphql('{ serverInfo { version } }');
    const body = (await response.json()) as Body;
    const executionTime = body.extensions?.executionTime;
    expect(executionTime).toBeTypeOf('number');
    expect(executionTime).toBeGreaterThan(0);
    expect(response.headers.get('server-timing')).toBe(`graphql;dur=${executionTime}`);
  });

  it('no answer may be stored by a browser or proxy: Cache-Control no-store, errors included', async () => {
    for (const query of ['{ serverInfo { version } }', '{ nope }']) {
      expect((await gateway.graphql(query)).headers.get('cache-control')).toBe('no-store');
    }
  });

  it('errors too carry executionTime, a stable code and the request id of the x-request-id header', async () => {
    const response = await gateway.graphql('{ nope }', { headers: { 'x-request-id': 'trace-abc-123' } });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-request-id')).toBe('trace-abc-123');
    const body = (await response.json()) as Body;
    expect(body.extensions?.executionTime).toBeTypeOf('number');
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', requestId: 'trace-abc-123' });
  });

  it('a syntax error says where, with code GRAPHQL_PARSE_FAILED', async () => {
    const body = (await (await gateway.graphql('{ backends { id ')).json()) as Body;
    expect(body.errors?.[0]?.message).toMatch(/Syntax Error: Expected Name, found <EOF>/);
    expect(body.errors?.[0]?.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('a document past the token limit is refused before it is parsed, naming the limit', async () => {
    const huge = `{ ${'serverInfo { version } '.repeat(4000)}}`;
    const response = await gateway.graphql(huge);
    expect(response.status).toBe(400);
    const body = (await response.json()) as Body;
    expect(body.errors).toEqual([
      {
        message: 'Number of tokens in the request exceeds the limit of 10000 (server.maxQueryTokens).',
        extensions: {
          code: 'GRAPHQL_VALIDATION_FAILED',
          limit: 'maxQueryTokens',
          max: 10_000,
          requestId: expect.any(String),
        },
      },
    ]);
  });

  it('a made-up x-request-id that is not a safe token is replaced by a generated one', async () => {
    const response = await gateway.graphql('{ serverInfo { version } }', {
      headers: { 'x-request-id': 'bad id\twith spaces' },
    });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a backend that does not exist is null, not an error', async () => {
    const body = (await (
      await gateway.graphql('query ($id: ID!) { backend(id: $id) { id } }', { variables: { id: 'nope' } })
    ).json()) as Body;
    expect(body).toMatchObject({ data: { backend: null } });
  });
});

describe('GET /graphql', () => {
  it('answers queries sent as GET with a CSRF preflight header', async () => {
    const url = new URL('graphql', gateway.url);
    url.searchParams.set('query', '{ backends { id } }');
    const response = await fetch(url, {
      headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${TEST_ADMIN_KEY}` },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as Body).data).toEqual({ backends: [{ id: 'native' }, { id: 'prometheus' }] });
  });

  it('refuses a GET that a browser could send cross-site (no preflight header)', async () => {
    const url = new URL('graphql', gateway.url);
    url.searchParams.set('query', '{ backends { id } }');
    const response = await fetch(url);
    expect(response.status).toBe(400);
  });
});
