/**
 * The JSON body parser's refusals say what is wrong with the body and where, in the HTTP
 * layer's error shape; a JSON body is parsed as Fastify would.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerHttpRefusals } from '../../src/server/httpRefusal.js';
import { registerJsonBodyParser } from '../../src/server/jsonBodyParser.js';

describe('the JSON body parser', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify({ genReqId: () => 'req-1' });
    registerHttpRefusals(app, 1_024);
    registerJsonBodyParser(app);
    app.post('/echo', async (request) => ({ received: request.body }));
    await app.ready();
  });
  afterAll(() => app.close());

  const post = (payload: string) =>
    app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' }, payload });

  it.each([
    ['{"query": ', 'Request body is not valid JSON: it ends before the value does.'],
    ['{x}', "Request body is not valid JSON: expected property name or '}' at line 1, column 2."],
    // An unterminated string is reported where the body ends, still inside it.
    ['{"a": 1,\n "b": "c}', 'Request body is not valid JSON: unterminated string at line 2, column 10.'],
    [
      '{} x',
      'Request body is not valid JSON: unexpected non-whitespace character after the value at line 1, column 4.',
    ],
    ['[1,]', 'Request body is not valid JSON: unexpected "]".'],
    ['', 'Request body is empty but Content-Type is application/json.'],
    [
      '{"__proto__": {"admin": true}}',
      'Request body has a "__proto__" or "constructor.prototype" key, which is refused.',
    ],
    [
      '{"a": {"constructor": {"prototype": {}}}}',
      'Request body has a "__proto__" or "constructor.prototype" key, which is refused.',
    ],
  ])('refuses %j with 400 BAD_REQUEST: %s', async (payload, message) => {
    const response = await post(payload);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.json()).toEqual({ errors: [{ message, extensions: { code: 'BAD_REQUEST', requestId: 'req-1' } }] });
  });

  it('parses a JSON body, keys named constructor included', async () => {
    const response = await post('{"query": "{ a }", "variables": {"constructor": 1}}');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ received: { query: '{ a }', variables: { constructor: 1 } } });
  });
});
