/**
 * A backend's failure reaches a client as its class (`timed out`, `HTTP 503`: errors.ts); its
 * cause — the library's or the upstream's own text, with hosts and ports — is for the operator.
 * Logged once per failure reported, at `warn`, with the request's logger (so with its id): by
 * the GraphQL error plugins for a field that failed or answered in part, by sendError for a
 * REST route.
 */
import type { FastifyBaseLogger } from 'fastify';
import { BackendUnavailableError } from '../errors.js';

/** Logs a backend failure's cause (what the client is not shown); other errors are not this module's. */
export function logBackendFailure(
  logger: FastifyBaseLogger,
  error: unknown,
  path: readonly (string | number)[] | undefined,
): void {
  if (!(error instanceof BackendUnavailableError) || error.cause === undefined) return;
  logger.warn(
    { err: error.cause, backend: error.details.backend, reason: error.reason, path },
    `backend failure: ${error.message}`,
  );
}
