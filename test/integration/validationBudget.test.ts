/**
 * The document budget over HTTP against a real gateway with the default limits, from an
 * anonymous client: the documents that made graphql-js's parser or validation superlinear
 * (10,000 repeated fields under the token limit, a batch of ten of them, 2,490 root fields,
 * 3,000 aliases, 3,000 levels of nesting) are refused before validation with a coded error
 * naming the limit, and sending them back to back does not hold up `/healthz`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harnessBackends, startTestGateway, type TestGateway } from '../harness/gateway.js';

interface ErrorBody {
  errors?: { message: string; locations?: { line: number; column: number }[]; extensions: Record<string, unknown> }[];
}

/** 9,990 fields: 9,992 tokens, under the default `server.maxQueryTokens` of 10,000. */
const REPEATED = JSON.stringify({ query: `{ ${'__typename '.repeat(9_990)}}` });
/** Ten of them, with a one-letter field (refused before validation, its name is never looked up): 200 kB. */
const BATCH = `[${Array.from({ length: 10 }, () => JSON.stringify({ query: `{ ${'a '.repeat(9_990)}}` })).join(',')}]`;
/** 4 tokens each: 9,962 in all. */
const ROOT_FIELDS = JSON.stringify({ query: `{ ${'serverInfo { version } '.repeat(2_490)}}` });
const ALIASES = JSON.stringify({
  query: `{ ${Array.from({ length: 3_000 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
});
/** 9,000 tokens; graphql-js's parser overflows its stack on it. */
const DEEP = JSON.stringify({ query: `${'{ a '.repeat(3_000)}${'}'.repeat(3_000)}` });

describe('the validation budget, with the default query limits', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    // A budget of requests such that every document below reaches the check under test, not a 429.
    gateway = await startTestGateway(harnessBackends(), {
      config: { limits: { rateLimit: { anonymousPoints: 100_000 } } },
    });
  });
  afterAll(() => gateway.close());

  /** POSTs `body` anonymously: what anyone on the network can send. */
  async function send(body: string): Promise<{ status: number; body: ErrorBody; ms: number }> {
    const started = performance.now();
    const response = await fetch(new URL('graphql', gateway.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const answer = (await response.json()) as ErrorBody;
    return { status: response.status, body: answer, ms: performance.now() - started };
  }

  const limitOf = (max: number, actual: number, limit: string) => ({
    code: 'GRAPHQL_VALIDATION_FAILED',
    limit,
    max,
    actual,
    requestId: expect.any(String),
  });

  it('refuses one operation of 9,990 repeated fields under the token limit, without parsing it', async () => {
    const { status, body } = await send(REPEATED);
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.extensions)).toEqual([limitOf(200, 9_990, 'maxFieldsPerSelection')]);
    expect(body.errors?.[0]?.message).toBe(
      'Number of fields in one selection set of 9990 exceeds the limit of 200 (limits.maxFieldsPerSelection).',
    );
    expect(body.errors?.[0]?.locations).toEqual([{ line: 1, column: 1 }]);
  });

  it('refuses a batch of ten such operations within 20 ms, counting their tokens together', async () => {
    // The first requests of a kind warm up the code they run; a median of nine keeps a moment of
    // another process's load on this shared machine from deciding it (the test's client shares
    // the gateway's process, so its time is in the figure too).
    await send(BATCH);
    await send(BATCH);
    const times: number[] = [];
    for (let i = 0; i < 9; i += 1) {
      const { status, body, ms } = await send(BATCH);
      expect(status).toBe(400);
      expect(body).toEqual({
        errors: [
          {
            message: 'Number of tokens in the request exceeds the limit of 10000 (server.maxQueryTokens).',
            extensions: {
              code: 'GRAPHQL_VALIDATION_FAILED',
              limit: 'maxQueryTokens',
              max: 10_000,
              requestId: expect.any(String),
            },
          },
        ],
      });
      times.push(ms);
    }
    expect(median(times)).toBeLessThanOrEqual(20);
  });

  it('refuses 2,490 root fields', async () => {
    const { status, body } = await send(ROOT_FIELDS);
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.extensions)).toEqual([limitOf(200, 2_490, 'maxFieldsPerSelection')]);
  });

  it('refuses 101 root fields, and counts those spread from a fragment', async () => {
    const direct = await send(JSON.stringify({ query: `{ ${'__typename '.repeat(101)}}` }));
    expect(direct.status).toBe(400);
    expect(direct.body.errors?.map((error) => error.extensions)).toEqual([limitOf(100, 101, 'maxRootFields')]);
    const spread = await send(
      JSON.stringify({ query: `{ __typename ...F } fragment F on Query { ${'__typename '.repeat(100)}}` }),
    );
    expect(spread.body.errors?.map((error) => error.extensions)).toEqual([limitOf(100, 101, 'maxRootFields')]);
  });

  it('refuses 3,000 aliases before validation counts them', async () => {
    const { status, body } = await send(ALIASES);
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.extensions)).toEqual([limitOf(200, 3_000, 'maxFieldsPerSelection')]);
  });

  it('refuses a document 3,000 deep with the nesting limit, saying where, instead of overflowing the parser', async () => {
    const { status, body } = await send(DEEP);
    expect(status).toBe(400);
    expect(body).toEqual({
      errors: [
        {
          message: 'Nesting of braces, brackets and parentheses of 3000 exceeds the limit of 500 (limits.maxNesting).',
          // The 501st `{`, 4 characters after the 500th.
          locations: [{ line: 1, column: 2_001 }],
          extensions: limitOf(500, 3_000, 'maxNesting'),
        },
      ],
    });
  });

  it('holds a GET request to the same budget', async () => {
    const url = new URL('graphql', gateway.url);
    url.searchParams.set('query', `{ ${'__typename '.repeat(201)}}`);
    const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.errors?.map((error) => error.extensions)).toEqual([limitOf(200, 201, 'maxFieldsPerSelection')]);
  });

  it('keeps /healthz p99 within 50 ms while an anonymous client sends those documents back to back', async () => {
    const worst = [BATCH, REPEATED, ROOT_FIELDS, ALIASES, DEEP];
    let sending = true;
    const client = (async () => {
      for (let i = 0; sending; i += 1) {
        const { status } = await send(worst[i % worst.length] as string);
        expect(status).toBe(400);
      }
    })();
    const latencies: number[] = [];
    const until = performance.now() + 2_000;
    while (performance.now() < until) {
      const started = performance.now();
      const response = await fetch(new URL('healthz', gateway.url));
      expect(response.status).toBe(200);
      await response.arrayBuffer();
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    sending = false;
    await client;
    latencies.sort((a, b) => a - b);
    expect(latencies.length).toBeGreaterThan(50);
    expect(latencies[Math.ceil(latencies.length * 0.99) - 1]).toBeLessThanOrEqual(50);
  });
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}
