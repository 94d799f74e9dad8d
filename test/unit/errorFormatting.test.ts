import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { BackendQueryFailedError, BackendUnavailableError, NotFoundError, UserInputError } from '../../src/errors.js';
import { formatError } from '../../src/server/plugins/errorPlugin.js';

/** What Apollo hands formatError for an error thrown in a resolver. */
function resolverError(original: Error): [GraphQLError['extensions'] & object, GraphQLError] {
  const wrapped = new GraphQLError(original.message, {
    path: ['backends'],
    originalError: original,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  });
  return [{ code: 'INTERNAL_SERVER_ERROR' }, wrapped];
}

describe('formatError', () => {
  it('masks an unexpected error: no message, no stack, code INTERNAL_SERVER_ERROR', () => {
    const [extensions, error] = resolverError(new TypeError('cannot read properties of undefined (reading "secret")'));
    const formatted = formatError(
      { message: error.message, path: ['backends'], extensions: { ...extensions, stacktrace: ['at x'] } },
      error,
    );
    expect(formatted).toEqual({
      message: 'Internal server error',
      path: ['backends'],
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it.each([
    {
      error: new UserInputError('at 14: expected ")"', { position: 14 }),
      code: 'BAD_USER_INPUT',
      extra: { position: 14 },
    },
    { error: new NotFoundError('no metric "cpu"'), code: 'NOT_FOUND', extra: {} },
    {
      error: new BackendUnavailableError('prom-eu', 'timed out after 10000 ms', { reason: 'TIMEOUT' }),
      code: 'BACKEND_UNAVAILABLE',
      extra: { backend: 'prom-eu', reason: 'TIMEOUT' },
    },
    {
      error: new BackendQueryFailedError('prom-eu', 'malformed answer to /api/v1/metadata', {
        upstreamStatus: 200,
        errorType: null,
        reason: 'MALFORMED_ANSWER',
      }),
      code: 'BACKEND_QUERY_FAILED',
      extra: { backend: 'prom-eu', reason: 'MALFORMED_ANSWER', upstreamStatus: 200, errorType: null },
    },
  ])('keeps the message of $code and adds its details', ({ error, code, extra }) => {
    const [extensions, wrapped] = resolverError(error);
    const formatted = formatError({ message: wrapped.message, path: ['backends'], extensions }, wrapped);
    expect(formatted.message).toBe(error.message);
    expect(formatted.extensions).toEqual({ code, ...extra });
  });

  it("passes GraphQL's own validation errors through, without a stack trace", () => {
    const error = new GraphQLError('Cannot query field "nope" on type "Query".', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const formatted = formatError(
      { message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['x'] } },
      error,
    );
    expect(formatted).toEqual({ message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });

  it('masks a plain Error that happens to carry a client code', () => {
    const original = new Error('connection string redis://:password@host leaked');
    const wrapped = new GraphQLError(original.message, {
      originalError: original,
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(formatError({ message: wrapped.message, extensions: { code: 'BAD_USER_INPUT' } }, wrapped).message).toBe(
      'Internal server error',
    );
  });
});
