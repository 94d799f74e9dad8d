/**
 * Error conventions for GraphQL responses:
 * - Almanac's typed errors keep their message and carry `extensions.code` plus their details;
 * - GraphQL's own client errors (syntax, validation, bad variables) pass through;
 * - anything else is an internal error: masked as "Internal server error", and logged with
 *   the request id, so the client's `extensions.requestId` leads an operator to the cause;
 * - a backend's failure reaches the client as its class (`timed out`, `HTTP 503`), and its
 *   cause — the library's or the upstream's own text, with hosts and ports — is logged once
 *   with the request id, here for a field that failed, in partialErrorsPlugin for a partial
 *   one (server/backendFailureLog.ts).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { AlmanacError } from '../../errors.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { logBackendFailure } from '../backendFailureLog.js';

const CLIENT_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * GraphQLError (and Apollo's subclasses, which rename themselves) is recognised by shape, not
 * `instanceof`: graphql ships CommonJS and ESM builds, and a library may load the other one
 * (a dual-package hazard), which breaks `instanceof`.
 */
function isGraphQLError(error: unknown): error is GraphQLError {
  return (
    error instanceof Error && 'extensions' in error && typeof error.extensions === 'object' && 'locations' in error
  );
}

/** The error that was really thrown, under GraphQL's wrappers (with or without a path). */
function originalOf(error: unknown): unknown {
  if (isGraphQLError(error) && error.originalError) return originalOf(error.originalError);
  return error;
}

/** True for errors whose message is meant for the client. */
function isForClient(code: unknown, original: unknown): boolean {
  if (original instanceof AlmanacError) return true;
  if (!CLIENT_ERROR_CODES.has(String(code))) return false;
  // A client code on a plain Error our own code threw is still an internal error.
  return !(original instanceof Error) || isGraphQLError(original);
}

/** Apollo's `formatError`: decides what of an error a client may see. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = originalOf(error);
  const { locations, path } = formatted;
  if (original instanceof AlmanacError) {
    return { message: original.message, locations, path, extensions: { ...original.details, code: original.code } };
  }
  if (isForClient(formatted.extensions?.code, original)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return { message: 'Internal server error', locations, path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

export function errorPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const original = originalOf(error);
            logBackendFailure(contextValue.logger, original, error.path);
            if (isForClient(error.extensions.code, original)) continue;
            contextValue.logger.error({ err: original, path: error.path }, 'internal error in GraphQL request');
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) => ({
            ...error,
            extensions: { ...error.extensions, requestId: contextValue.requestId },
          }));
        },
      };
    },
  };
}
