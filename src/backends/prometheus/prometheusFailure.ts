/**
 * What a failed Prometheus call means to a client. A query Prometheus refused (HTTP 400 or 422:
 * `bad_data`, `execution`) is the client's to fix: BAD_USER_INPUT with Prometheus's own message.
 * Anything else — a timeout, a 5xx, a refused connection, an open circuit — is
 * BACKEND_UNAVAILABLE. Both carry the backend's id, and Prometheus's `errorType` when it gave one.
 */
import { BackendUnavailableError, UserInputError, type AlmanacError } from '../../errors.js';
import { unavailable } from '../backendFailure.js';
import { PrometheusApiError } from './prometheusHttp.js';

export function prometheusFailure(backend: string, error: unknown): AlmanacError {
  if (!(error instanceof PrometheusApiError)) return unavailable(backend, error);
  const details = { backend, errorType: error.errorType };
  if (error.status === 400 || error.status === 422) {
    return new UserInputError(`${backend}: ${error.message}`, details, { cause: error });
  }
  const failure = new BackendUnavailableError(backend, error.message, { cause: error });
  Object.assign(failure.details, details);
  return failure;
}
