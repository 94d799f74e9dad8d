/**
 * What a client is told of a backend's failure (backends/backendFailure.ts): a class read from
 * the error's name, code or status, never the library's own text, which names hosts and ports.
 * The errors here are shaped as Node, undici, ioredis and opossum throw them.
 */
import { describe, expect, it } from 'vitest';
import { classifyFailure, unavailable } from '../../src/backends/backendFailure.js';
import { NotFoundError } from '../../src/errors.js';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

function named(message: string, name: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

describe('classifyFailure', () => {
  it.each([
    [
      'a refused connection',
      withCode('connect ECONNREFUSED 10.0.0.7:9090', 'ECONNREFUSED'),
      'CONNECTION_REFUSED',
      'connection refused',
    ],
    [
      "undici's fetch failed over a refusal",
      new Error('fetch failed', { cause: withCode('connect ECONNREFUSED 10.0.0.7:9090', 'ECONNREFUSED') }),
      'CONNECTION_REFUSED',
      'connection refused',
    ],
    [
      'a refusal on every address',
      new AggregateError([withCode('connect ECONNREFUSED ::1:9090', 'ECONNREFUSED')], 'all failed'),
      'CONNECTION_REFUSED',
      'connection refused',
    ],
    [
      'an unknown host',
      withCode('getaddrinfo ENOTFOUND prom.internal', 'ENOTFOUND'),
      'UNREACHABLE',
      'host not found or unreachable',
    ],
    ['a reset connection', withCode('read ECONNRESET', 'ECONNRESET'), 'CONNECTION_LOST', 'connection lost'],
    ["undici's headers timeout", withCode('Headers Timeout Error', 'UND_ERR_HEADERS_TIMEOUT'), 'TIMEOUT', 'timed out'],
    ['an aborted request', named('The operation was aborted due to timeout', 'TimeoutError'), 'TIMEOUT', 'timed out'],
    ["ioredis's command timeout", new Error('Command timed out'), 'TIMEOUT', 'timed out'],
    [
      "ioredis's retries given up",
      named('Reached the max retries per request limit (which is 1).', 'MaxRetriesPerRequestError'),
      'CONNECTION_LOST',
      'connection lost',
    ],
    ["ioredis's closed connection", new Error('Connection is closed.'), 'CONNECTION_LOST', 'connection lost'],
    [
      'an open circuit',
      named('circuit open', 'CircuitOpenError'),
      'CIRCUIT_OPEN',
      'circuit open after repeated failures',
    ],
    [
      'an error status',
      Object.assign(new Error('ingester 10.0.0.7 down'), { status: 503 }),
      'UPSTREAM_ERROR',
      'the server answered HTTP 503',
    ],
    [
      'a malformed answer',
      named('malformed answer to /api/v1/labels', 'MalformedAnswerError'),
      'MALFORMED_ANSWER',
      'malformed answer to /api/v1/labels',
    ],
    ['a TypeError', new TypeError('name.replace is not a function'), 'UNAVAILABLE', 'the call failed'],
    ['a thrown string', 'dial tcp 10.0.0.7:9090', 'UNAVAILABLE', 'the call failed'],
  ])('%s is %s: "%s"', (_what, error, reason, text) => {
    expect(classifyFailure(error)).toEqual({ reason, text });
  });
});

describe('unavailable', () => {
  it("is BACKEND_UNAVAILABLE naming the backend and the class, with the library's error as its cause", () => {
    const cause = withCode('connect ECONNREFUSED 10.0.0.7:9090', 'ECONNREFUSED');
    const error = unavailable('prom-eu', cause);
    expect(error.message).toBe('backend "prom-eu" is unavailable: connection refused');
    expect(error.details).toEqual({ backend: 'prom-eu', reason: 'CONNECTION_REFUSED' });
    expect(error.cause).toBe(cause);
  });

  it('passes an error a backend already typed as it is', () => {
    const missing = new NotFoundError('no metric "cpu"');
    expect(unavailable('native', missing)).toBe(missing);
  });
});
