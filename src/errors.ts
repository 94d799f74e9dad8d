/**
 * Almanac's typed errors. Services throw these; the GraphQL error formatter and the REST
 * routes turn them into responses with a stable `code`. Anything that is not an
 * AlmanacError is an internal error: its message never reaches a client.
 */
import { GraphQLError } from 'graphql';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'BACKEND_UNAVAILABLE'
  | 'BACKEND_QUERY_FAILED'
  | 'INTERNAL_SERVER_ERROR'
  // Refusals of the HTTP layer, before GraphQL or a route sees the request (server/httpRefusal.ts).
  | 'REQUEST_TIMEOUT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'REQUEST_HEADERS_TOO_LARGE';

/** HTTP status a REST route, and the HTTP layer, answers for each code. */
export const httpStatusOf: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  BACKEND_UNAVAILABLE: 503,
  // A gateway's answer to an upstream whose answer it could not use.
  BACKEND_QUERY_FAILED: 502,
  INTERNAL_SERVER_ERROR: 500,
  REQUEST_TIMEOUT: 408,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  REQUEST_HEADERS_TOO_LARGE: 431,
};

export abstract class AlmanacError extends Error {
  abstract readonly code: ErrorCode;
  /** Extra facts for `extensions`, safe to show to the client. */
  readonly details: Record<string, unknown>;

  constructor(message: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.details = details;
  }

  toGraphQLError(path?: readonly (string | number)[]): GraphQLError {
    return new GraphQLError(this.message, {
      path,
      originalError: this,
      extensions: { code: this.code, ...this.details },
    });
  }
}

export class UserInputError extends AlmanacError {
  readonly code = 'BAD_USER_INPUT';
}

/** A request the HTTP layer cannot read (a body that is not JSON): refused before any route. */
export class BadRequestError extends AlmanacError {
  readonly code = 'BAD_REQUEST';
}

export class UnauthenticatedError extends AlmanacError {
  readonly code = 'UNAUTHENTICATED';
}

export class ForbiddenError extends AlmanacError {
  readonly code = 'FORBIDDEN';
}

export class NotFoundError extends AlmanacError {
  readonly code = 'NOT_FOUND';
}

export class ConflictError extends AlmanacError {
  readonly code = 'CONFLICT';
}

export class RateLimitedError extends AlmanacError {
  readonly code = 'RATE_LIMITED';
}

/**
 * Why a backend could not answer, as a client is told it (`extensions.reason`): a class, never
 * an address, a library's text or an upstream's own error text (those are logged, with the
 * request id, where the failure is reported).
 */
export type FailureReason =
  | 'TIMEOUT'
  | 'CONNECTION_REFUSED'
  | 'UNREACHABLE'
  | 'CONNECTION_LOST'
  | 'CIRCUIT_OPEN'
  | 'UPSTREAM_ERROR'
  | 'MALFORMED_ANSWER'
  | 'UNAVAILABLE';

/** What a client reads for each class, after the backend's id. */
export const FAILURE_TEXTS: Record<FailureReason, string> = {
  TIMEOUT: 'timed out',
  CONNECTION_REFUSED: 'connection refused',
  UNREACHABLE: 'host not found or unreachable',
  CONNECTION_LOST: 'connection lost',
  CIRCUIT_OPEN: 'circuit open after repeated failures',
  UPSTREAM_ERROR: 'the server answered with an error',
  MALFORMED_ANSWER: 'malformed answer',
  UNAVAILABLE: 'the call failed',
};

/**
 * A backend could not answer: down, timed out, or its circuit is open. Every backend failure
 * is one of these (or a subclass), so a fan-out that catches it loses only that backend's part.
 * `text` is what the client reads after the backend's id: Almanac's own words, safe to show.
 */
export class BackendUnavailableError extends AlmanacError {
  readonly code: 'BACKEND_UNAVAILABLE' | 'BACKEND_QUERY_FAILED' = 'BACKEND_UNAVAILABLE';
  readonly reason: FailureReason;

  constructor(backend: string, text: string, options?: ErrorOptions & { reason?: FailureReason }) {
    super(`backend "${backend}" is unavailable: ${text}`, { backend }, options);
    this.reason = options?.reason ?? 'UNAVAILABLE';
    this.details.reason = this.reason;
  }
}

/**
 * A backend answered, but not with anything Almanac can use: an error status for a query
 * Almanac made (not the user's own expression), or an answer of the wrong shape. `text` names
 * the endpoint or the status, never the server's address or its own error text. A backend
 * failure like any other to the fan-outs; `upstreamStatus` is the HTTP status it answered
 * with, `errorType` the errorType it gave, if any.
 */
export class BackendQueryFailedError extends BackendUnavailableError {
  override readonly code = 'BACKEND_QUERY_FAILED';

  constructor(
    backend: string,
    text: string,
    upstream: { upstreamStatus: number; errorType: string | null; reason: FailureReason },
    options?: ErrorOptions,
  ) {
    super(backend, text, { ...options, reason: upstream.reason });
    this.message = `backend "${backend}": ${text}`;
    this.details.upstreamStatus = upstream.upstreamStatus;
    this.details.errorType = upstream.errorType;
  }
}

/**
 * Almanac's own store (its Redis) could not be asked: down, not answering, or known to be so
 * (store/storeHealth.ts). Reported as the backend "store".
 */
export class StoreUnavailableError extends BackendUnavailableError {
  constructor(
    /** Why, in words safe to show a client (store/storeHealth.ts classifies them). */
    readonly why: string,
    options?: ErrorOptions & { reason?: FailureReason },
  ) {
    super('store', why, options);
  }
}

/** One thing wrong with the configuration: `key` names the setting, `source` where it came from. */
export interface ConfigProblem {
  key: string;
  problem: string;
  source: string;
}

/** The configuration is invalid; every problem found is listed, each naming its key. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(['invalid configuration:', ...problems.map((p) => `  ${p.key} (${p.source}): ${p.problem}`)].join('\n'));
    this.name = 'ConfigError';
  }
}
