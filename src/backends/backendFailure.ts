/**
 * How a backend turns what its client library threw into Almanac's typed errors (backend.ts,
 * "the rule"), for backends to use on every call they make; nothing above the interface calls
 * it. An AlmanacError passes as it is (the backend already said what it means); anything else
 * — a timeout, a refused connection, a Redis that is down — is BACKEND_UNAVAILABLE with the
 * backend's id. A backend with failures of its own to tell apart (Prometheus's 400 and 422 are
 * the client's) maps those first and hands the rest here.
 */
import { AlmanacError, BackendUnavailableError } from '../errors.js';
import { describeFailure } from './backend.js';

export function unavailable(backend: string, error: unknown): AlmanacError {
  if (error instanceof AlmanacError) return error;
  return new BackendUnavailableError(backend, reasonOf(error), { cause: error });
}

/** Runs one call of a backend's and throws what it throws as `failure` maps it. */
export async function mapFailures<T>(run: () => Promise<T>, failure: (error: unknown) => AlmanacError): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw failure(error);
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'timed out';
  return describeFailure(error);
}
