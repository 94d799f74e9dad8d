/**
 * How a backend turns what its client library threw into Almanac's typed errors (backend.ts,
 * "the rule"), for backends to use on every call they make; nothing above the interface calls
 * it. An AlmanacError passes as it is (the backend already said what it means); anything else
 * — a timeout, a refused connection, a Redis that is down — is BACKEND_UNAVAILABLE with the
 * backend's id and a classified reason. A backend with failures of its own to tell apart
 * (Prometheus's 400 and 422) maps those first and hands the rest here.
 *
 * The rule: what a client reads is the class (`timed out`, `connection refused`, ...), never
 * the library's own text, which names hosts and ports (`connect ECONNREFUSED 10.0.0.7:9090`),
 * nor a JavaScript error's text. The error itself stays the `cause`, and is logged with the
 * request id where the failure is reported (server/plugins/errorPlugin.ts).
 */
import { AlmanacError, BackendUnavailableError, FAILURE_TEXTS, type FailureReason } from '../errors.js';

export function unavailable(backend: string, error: unknown): AlmanacError {
  if (error instanceof AlmanacError) return error;
  const { reason, text } = classifyFailure(error);
  return new BackendUnavailableError(backend, text, { cause: error, reason });
}

/** Runs one call of a backend's and throws what it throws as `failure` maps it. */
export async function mapFailures<T>(run: () => Promise<T>, failure: (error: unknown) => AlmanacError): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw failure(error);
  }
}

/** A failure's class and the words a client is told, read from the error's name and code. */
export function classifyFailure(error: unknown): { reason: FailureReason; text: string } {
  for (const candidate of chainOf(error)) {
    const found = classOf(candidate);
    if (found) return found;
  }
  return { reason: 'UNAVAILABLE', text: 'the call failed' };
}

/** Node's, undici's and ioredis's names and codes for each class. */
const BY_CODE: Record<string, FailureReason> = {
  ETIMEDOUT: 'TIMEOUT',
  UND_ERR_CONNECT_TIMEOUT: 'TIMEOUT',
  UND_ERR_HEADERS_TIMEOUT: 'TIMEOUT',
  UND_ERR_BODY_TIMEOUT: 'TIMEOUT',
  ECONNREFUSED: 'CONNECTION_REFUSED',
  ENOTFOUND: 'UNREACHABLE',
  EAI_AGAIN: 'UNREACHABLE',
  EHOSTUNREACH: 'UNREACHABLE',
  ENETUNREACH: 'UNREACHABLE',
  EHOSTDOWN: 'UNREACHABLE',
  ECONNRESET: 'CONNECTION_LOST',
  EPIPE: 'CONNECTION_LOST',
  UND_ERR_SOCKET: 'CONNECTION_LOST',
  UND_ERR_CLOSED: 'CONNECTION_LOST',
};

const BY_NAME: Record<string, FailureReason> = {
  TimeoutError: 'TIMEOUT',
  AbortError: 'TIMEOUT',
  CircuitOpenError: 'CIRCUIT_OPEN',
  MaxRetriesPerRequestError: 'CONNECTION_LOST',
  ClusterAllFailedError: 'CONNECTION_LOST',
};

function classOf(error: Error): { reason: FailureReason; text: string } | null {
  // Its message names only the endpoint (backends/prometheus/prometheusAnswers.ts).
  if (error.name === 'MalformedAnswerError') return { reason: 'MALFORMED_ANSWER', text: error.message };
  const { code, status } = error as { code?: unknown; status?: unknown };
  if (typeof status === 'number' && Number.isInteger(status) && status >= 400) {
    return { reason: 'UPSTREAM_ERROR', text: `the server answered HTTP ${status}` };
  }
  const reason =
    (typeof code === 'string' ? BY_CODE[code] : undefined) ?? BY_NAME[error.name] ?? messageClass(error.message);
  return reason ? { reason, text: FAILURE_TEXTS[reason] } : null;
}

/** ioredis says some things only in words. */
function messageClass(message: string): FailureReason | undefined {
  if (/command timed out/i.test(message)) return 'TIMEOUT';
  if (/connection is closed|stream isn't writeable/i.test(message)) return 'CONNECTION_LOST';
  return undefined;
}

/** The error, its causes and an AggregateError's members (a connect to every address failed). */
function chainOf(error: unknown): Error[] {
  const chain: Error[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && chain.length < 8) {
    const next = queue.shift();
    if (!(next instanceof Error)) continue;
    chain.push(next);
    if (next instanceof AggregateError) queue.push(...(next.errors as unknown[]));
    queue.push(next.cause);
  }
  return chain;
}
