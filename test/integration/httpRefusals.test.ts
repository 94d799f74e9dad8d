/**
 * What the HTTP layer refuses before GraphQL or a route has the request — a media type it does
 * not read, a body that is not JSON, a body or headers too large, a spent rate budget — answered
 * on `/graphql` and on `/v1/measurements` alike in Almanac's one error shape, with a stable code
 * and the request id, never in Fastify's own body; and logged as the client's bad input (the
 * request line), never as an internal error with a stack trace.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { harnessBackends, startTestGateway, TEST_ADMIN_KEY, type TestGateway } from '../harness/gateway.js';

const JSON_TYPE = 'application/json; charset=utf-8';
const ROUTES = ['graphql', 'v1/measurements'] as const;
const CSRF_MESSAGE =
  'This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a ' +
  "'content-type' header (with a type that is not one of application/x-www-form-urlencoded, multipart/form-data, " +
  'text/plain) or provide a non-empty value for one of the following headers: x-apollo-operation-name, ' +
  'apollo-require-preflight\n';

/** A gateway whose log lines the test reads. */
async function loggedGateway(config: Record<string, unknown>): Promise<{ gateway: TestGateway; lines: string[] }> {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  return { gateway: await startTestGateway(harnessBackends(), { config, logger }), lines };
}

function send(gateway: TestGateway, route: string, body: string, headers: Record<string, string>) {
  return fetch(new URL(route, gateway.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, ...headers },
    body,
  });
}

interface Logged {
  level: number;
  msg: string;
  status?: number;
  err?: unknown;
}

/** The request lines logged with this status, after checking no line is an error or has a stack. */
function requestLinesWith(lines: string[], status: number): Logged[] {
  const logged = lines.map((line) => JSON.parse(line) as Logged);
  expect(logged.filter((line) => line.level >= 50 || line.err !== undefined)).toEqual([]);
  expect(lines.filter((line) => line.includes('"stack"'))).toEqual([]);
  return logged.filter((line) => line.msg === 'request' && line.status === status);
}

describe('refusals of the HTTP layer', () => {
  let gateway: TestGateway;
  let lines: string[];
  beforeAll(async () => {
    ({ gateway, lines } = await loggedGateway({
      limits: { maxBodyBytes: 2_048, rateLimit: { enabled: false } },
    }));
  });
  afterAll(() => gateway.close());
  beforeEach(() => {
    lines.length = 0;
  });

  const cases: [string, string, string, number, string, string, Record<string, unknown>][] = [
    [
      'a media type it does not read',
      '<query>{ __typename }</query>',
      'application/xml',
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Content-Type "application/xml" is not supported: send the body as application/json.',
      {},
    ],
    [
      'a body that is not JSON',
      '{"query": "{ __typename }"',
      'application/json',
      400,
      'BAD_REQUEST',
      // 26 characters: the object is still open where the body ends.
      "Request body is not valid JSON: expected ',' or '}' after property value at line 1, column 27.",
      {},
    ],
    [
      'an empty JSON body',
      '',
      'application/json',
      400,
      'BAD_REQUEST',
      'Request body is empty but Content-Type is application/json.',
      {},
    ],
    [
      'a body past limits.maxBodyBytes',
      JSON.stringify({ query: '{ __typename }', extensions: { pad: 'x'.repeat(3_000) } }),
      'application/json',
      413,
      'PAYLOAD_TOO_LARGE',
      'Request body exceeds the limit of 2048 bytes (limits.maxBodyBytes).',
      { limit: 'maxBodyBytes', max: 2_048 },
    ],
  ];
  describe.each(ROUTES)('on /%s', (route) => {
    it.each(cases)(
      'answers %s in the error shape, and logs no stack',
      async (_, body, type, status, code, message, facts) => {
        const requestId = `refused-${status}-${route.replace('/', '-')}`;
        const response = await send(gateway, route, body, { 'content-type': type, 'x-request-id': requestId });
        expect(response.status).toBe(status);
        expect(response.headers.get('content-type')).toBe(JSON_TYPE);
        expect(await response.json()).toEqual({ errors: [{ message, extensions: { code, ...facts, requestId } }] });
        expect(requestLinesWith(lines, status)).toHaveLength(1);
      },
    );

    it('answers headers past the HTTP parser’s limit with 431 in the error shape, and logs no stack', async () => {
      const response = await send(gateway, route, '{}', {
        'content-type': 'application/json',
        'x-padding': 'x'.repeat(20_000),
      });
      expect(response.status).toBe(431);
      expect(response.headers.get('content-type')).toBe(JSON_TYPE);
      const requestId = response.headers.get('x-request-id');
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(await response.json()).toEqual({
        errors: [
          {
            message: 'Request line and headers exceed the limit of 16384 bytes.',
            extensions: { code: 'REQUEST_HEADERS_TOO_LARGE', max: 16_384, requestId },
          },
        ],
      });
      const logged = lines.map((line) => JSON.parse(line) as Logged & { reqId?: string; code?: string });
      expect(logged.filter((line) => line.reqId === requestId)).toEqual([
        expect.objectContaining({ level: 30, status: 431, code: 'REQUEST_HEADERS_TOO_LARGE' }),
      ]);
      expect(requestLinesWith(lines, 431)).toEqual([]);
    });
  });

  it('refuses a URL whose path it cannot decode with 400 BAD_REQUEST in the error shape', async () => {
    const response = await send(gateway, 'graphql%c0', '{}', {
      'content-type': 'application/json',
      'x-request-id': 'refused-url',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-request-id')).toBe('refused-url');
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'Request URL has a malformed percent-encoding in its path.',
          extensions: { code: 'BAD_REQUEST', requestId: 'refused-url' },
        },
      ],
    });
  });

  // README ("Cross-site requests"): what a browser can send cross-site without a preflight is
  // refused by CSRF prevention, form encodings as text/plain — 400, not the 415 of other types.
  it.each([
    ['application/x-www-form-urlencoded', 'query=%7B__typename%7D'],
    [
      'multipart/form-data; boundary=b',
      '--b\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ __typename }\r\n--b--\r\n',
    ],
  ])('refuses a %s body to /graphql as a potential CSRF, with 400 BAD_REQUEST', async (type, body) => {
    const response = await send(gateway, 'graphql', body, { 'content-type': type });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ message: CSRF_MESSAGE, extensions: { code: 'BAD_REQUEST' } }] });
    expect(requestLinesWith(lines, 400)).toHaveLength(1);
  });

  it.each(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'])(
    'refuses a %s body to /v1/measurements with 415, as the reference does any type but JSON',
    async (type) => {
      const response = await send(gateway, 'v1/measurements', 'measurements=1', {
        'content-type': type,
        'x-request-id': 'refused-type-v1',
      });
      expect(response.status).toBe(415);
      expect(await response.json()).toEqual({
        errors: [
          {
            message: `Content-Type "${type}" is not supported: send the body as application/json.`,
            extensions: { code: 'UNSUPPORTED_MEDIA_TYPE', requestId: 'refused-type-v1' },
          },
        ],
      });
    },
  );
});

describe('a spent rate budget', () => {
  let gateway: TestGateway;
  let lines: string[];
  beforeAll(async () => {
    ({ gateway, lines } = await loggedGateway({ limits: { rateLimit: { points: 1, durationSeconds: 60 } } }));
  });
  afterAll(() => gateway.close());

  it('is answered 429 in the error shape on /graphql and on /v1/measurements, and logs no stack', async () => {
    const json = { 'content-type': 'application/json' };
    expect((await send(gateway, 'graphql', JSON.stringify({ query: '{ __typename }' }), json)).status).toBe(200);
    for (const route of ROUTES) {
      const requestId = `limited-${route.replace('/', '-')}`;
      const response = await send(gateway, route, '{}', { ...json, 'x-request-id': requestId });
      expect(response.status).toBe(429);
      expect(response.headers.get('content-type')).toBe(JSON_TYPE);
      const retryAfter = Number(response.headers.get('retry-after'));
      expect(await response.json()).toEqual({
        errors: [
          {
            message: `rate limit of 1 requests per 60 s exceeded; retry after ${retryAfter} s`,
            extensions: { code: 'RATE_LIMITED', limit: 1, windowSeconds: 60, retryAfterSeconds: retryAfter, requestId },
          },
        ],
      });
    }
    expect(requestLinesWith(lines, 429)).toHaveLength(2);
  });
});
