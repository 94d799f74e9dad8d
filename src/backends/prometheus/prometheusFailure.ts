/**
 * What a failed Prometheus call means to a client. A query Prometheus refused (HTTP 400 or 422:
 * `bad_data`, `execution`) is the client's to fix: BAD_USER_INPUT with Prometheus's own message.
 * Anything else — a timeout, a 5xx, a refused connection, an open circuit — is
 * BACKEND_UNAVAILABLE. Both carry the backend's id, and Prometheus's `errorType` when it gave one.
 * An answer of the wrong shape (prometheusAnswers.ts) is BACKEND_QUERY_FAILED naming the
 * endpoint, with the HTTP status it came with.
 */
import { BackendQueryFailedError, BackendUnavailableError, UserInputError, type AlmanacError } from '../../errors.js';
import { unavailable } from '../backendFailure.js';
import { MalformedAnswerError } from './prometheusAnswers.js';
import { PrometheusApiError } from './prometheusHttp.js';

export function prometheusFailure(backend: string, error: unknown): AlmanacError {
  if (error instanceof MalformedAnswerError) {
    return new BackendQueryFailedError(
      backend,
      error.message,
      { upstreamStatus: error.status, errorType: null },
      { cause: error },
    );
  }
  if (!(error instanceof PrometheusApiError)) return unavailable(backend, error);
  const details = { backend, errorType: error.errorType };
  if (error.status === 400 || error.status === 422) {
    return new UserInputError(`${backend}: ${error.message}`, details, { cause: error });
  }
  const failure = new BackendUnavailableError(backend, error.message, { cause: error });
  Object.assign(failure.details, details);
  return failure;
}
