/**
 * What a failed backend call means to a client. A query Prometheus refused (HTTP 400 or 422:
 * `bad_data`, `execution`) is the client's to fix: BAD_USER_INPUT with Prometheus's own message.
 * Anything else — a timeout, a 5xx, a refused connection, an open circuit, a Redis that is down —
 * is BACKEND_UNAVAILABLE. Both carry the backend's id, and Prometheus's `errorType` when it gave one.
 */
import { AlmanacError, BackendUnavailableError, UserInputError } from '../errors.js';
import { PrometheusApiError } from './prometheus/prometheusHttp.js';

export function backendFailure(backend: string, error: unknown): AlmanacError {
  if (error instanceof AlmanacError) return error;
  if (error instanceof PrometheusApiError) {
    const details = { backend, errorType: error.errorType };
    if (error.status === 400 || error.status === 422) {
      return new UserInputError(`${backend}: ${error.message}`, details, { cause: error });
    }
    const unavailable = new BackendUnavailableError(backend, error.message, { cause: error });
    Object.assign(unavailable.details, details);
    return unavailable;
  }
  const reason = error instanceof Error ? describe(error) : String(error);
  return new BackendUnavailableError(backend, reason, { cause: error });
}

function describe(error: Error): string {
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'timed out';
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
