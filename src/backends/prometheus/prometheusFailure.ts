/**
 * What a failed Prometheus call means to a client.
 *
 * - The user's own PromQL (`promql`, `promqlRange`) refused (HTTP 400 or 422) is the user's to
 *   fix: BAD_USER_INPUT, with the first line of Prometheus's message, bounded, when its errorType
 *   is `bad_data` or `execution` — the only place an upstream's own text reaches a client.
 * - A query Almanac made refused (a 4xx: Mimir answers its limits with 422), or an answer of the
 *   wrong shape (prometheusAnswers.ts), is BACKEND_QUERY_FAILED: the status, the errorType and
 *   the endpoint, never the server's text (it may hold addresses, paths, even a password).
 * - Anything else — a timeout, a 429 or 5xx, a refused connection, an open circuit — is
 *   BACKEND_UNAVAILABLE with a classified reason (backendFailure.ts).
 *
 * Every error carries the backend's id; the upstream's text stays the error's cause, which is
 * logged with the request id.
 */
import { BackendQueryFailedError, BackendUnavailableError, UserInputError, type AlmanacError } from '../../errors.js';
import { unavailable } from '../backendFailure.js';
import { MalformedAnswerError } from './prometheusAnswers.js';
import { PrometheusApiError } from './prometheusHttp.js';

/** Whose query failed: the user's own expression, or one Almanac made. */
export type QueryAuthor = 'user' | 'almanac';

/** The errorTypes of the Prometheus API: another is the server's own text, and is not shown. */
const ERROR_TYPES = new Set([
  'timeout',
  'canceled',
  'execution',
  'bad_data',
  'internal',
  'unavailable',
  'not_found',
  'not_acceptable',
]);

/** The errorTypes of a refused expression, whose message is passed through to its author. */
const PASSED_ERROR_TYPES = new Set(['bad_data', 'execution']);

/** The longest upstream message a client is shown, in characters. */
const MAX_PASSED_MESSAGE = 240;

export function prometheusFailure(backend: string, error: unknown, author: QueryAuthor = 'almanac'): AlmanacError {
  if (error instanceof MalformedAnswerError) {
    return new BackendQueryFailedError(
      backend,
      error.message,
      { upstreamStatus: error.status, errorType: null, reason: 'MALFORMED_ANSWER' },
      { cause: error },
    );
  }
  if (!(error instanceof PrometheusApiError)) return unavailable(backend, error);
  const { status } = error;
  const errorType = error.errorType !== null && ERROR_TYPES.has(error.errorType) ? error.errorType : null;
  const refused = status >= 400 && status < 500 && status !== 429;
  if (author === 'user' && (status === 400 || status === 422)) {
    const message = PASSED_ERROR_TYPES.has(errorType ?? '')
      ? passedMessage(error.message)
      : `the expression was refused (HTTP ${status})`;
    return new UserInputError(`${backend}: ${message}`, { backend, errorType }, { cause: error });
  }
  const answered = `HTTP ${status}${errorType ? ` (${errorType})` : ''}`;
  if (refused) {
    return new BackendQueryFailedError(
      backend,
      `refused the query: ${answered}`,
      { upstreamStatus: status, errorType, reason: 'UPSTREAM_ERROR' },
      { cause: error },
    );
  }
  const failure = new BackendUnavailableError(backend, `the server answered ${answered}`, {
    cause: error,
    reason: errorType === 'timeout' ? 'TIMEOUT' : 'UPSTREAM_ERROR',
  });
  Object.assign(failure.details, { upstreamStatus: status, errorType });
  return failure;
}

/** The first line of an upstream's message, at most MAX_PASSED_MESSAGE characters. */
function passedMessage(message: string): string {
  const [line = ''] = message.split(/\r?\n/, 1);
  const trimmed = line.trim();
  return trimmed.length > MAX_PASSED_MESSAGE ? `${trimmed.slice(0, MAX_PASSED_MESSAGE - 1)}…` : trimmed;
}
