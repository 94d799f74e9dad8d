/**
 * The HTTP layer's error handler: a route's coded error keeps its code, anything else that is
 * not a refusal of the request is masked and logged with its stack; a body without a
 * Content-Type is refused. (The other refusals are shown over HTTP in
 * test/integration/httpRefusals.test.ts.)
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/errors.js';
import { registerHttpRefusals } from '../../src/server/httpRefusal.js';

describe('the HTTP error handler', () => {
  let app: FastifyInstance;
  let lines: { level: number; msg: string; err?: { stack?: string } }[];
  beforeEach(async () => {
    lines = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    app = Fastify({ loggerInstance: logger as FastifyBaseLogger, genReqId: () => 'req-1' });
    registerHttpRefusals(app, 1_024);
    app.route({
      method: ['GET', 'POST'],
      url: '/bug',
      handler: async () => {
        throw new TypeError('name.replace is not a function');
      },
    });
    app.get('/coded', async () => {
      throw new UserInputError('"from" must be before "to"', { param: 'from' });
    });
    await app.ready();
  });
  afterEach(() => app.close());

  it('masks an error that is not a refusal as an internal error, and logs it with its stack', async () => {
    const response = await app.inject({ method: 'GET', url: '/bug' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-1' } }],
    });
    const errors = lines.filter((line) => line.level === 50);
    expect(errors.map((line) => line.msg)).toEqual(['internal error in HTTP request']);
    expect(errors[0]?.err?.stack).toMatch(/^TypeError: name\.replace is not a function\n {4}at /);
  });

  it("answers a route's coded error with its code and details, and logs no error", async () => {
    const response = await app.inject({ method: 'GET', url: '/coded' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      errors: [
        {
          message: '"from" must be before "to"',
          extensions: { code: 'BAD_USER_INPUT', param: 'from', requestId: 'req-1' },
        },
      ],
    });
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
  });

  it('refuses a body without a Content-Type with 415, saying what to send', async () => {
    const response = await app.inject({ method: 'POST', url: '/bug', payload: '{}' });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toEqual({
      errors: [
        {
          message: 'Request has a body but no Content-Type: send the body as application/json.',
          extensions: { code: 'UNSUPPORTED_MEDIA_TYPE', requestId: 'req-1' },
        },
      ],
    });
  });

  it('answers a body stream the client broke off with 400 BAD_REQUEST, and logs no error', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/bug',
      headers: { 'content-type': 'application/json' },
      payload: '{"query": "{ a }"}',
      simulate: { end: true, split: false, error: true, close: false },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      errors: [{ message: 'Malformed request.', extensions: { code: 'BAD_REQUEST', requestId: 'req-1' } }],
    });
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
  });
});
