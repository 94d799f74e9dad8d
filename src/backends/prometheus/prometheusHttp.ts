/**
 * HTTP access to a Prometheus-API server (Prometheus, Thanos Query, Mimir, VictoriaMetrics):
 * base URL with any path prefix kept, basic or bearer auth, a per-backend timeout, bounded
 * retries for reads, and Prometheus's JSON envelope (`status`, `data`, `errorType`, `error`)
 * unwrapped, and each answer checked against its endpoint's shape (prometheusAnswers.ts): a
 * malformed one is a MalformedAnswerError, never retried and counted by the circuit breaker as
 * the server's failure. Requests go through one undici Agent per backend: a keep-alive pool
 * with a bounded number of connections, so a burst of queries reuses sockets instead of opening
 * one each.
 * Every call, failed or not, is reported to the optional OutgoingRecorder.
 *
 * A circuit breaker (opossum) watches the calls: when at least half of the last 10 s's calls
 * (and at least five) failed for reasons of the server, the circuit opens and calls fail at once
 * for `resetTimeout` instead of each costing the timeout; then one trial call decides. Queries
 * Prometheus refused (400, 422) are the client's fault and never trip it.
 *
 * The rule: only reads are sent here, and a read is retried only where retrying can help — the
 * connection failed, or the server said it is overloaded or unavailable (429, 502, 503, 504) —
 * and only while the call's overall deadline allows; a query Prometheus refused (400, 422) is
 * never retried.
 */
import CircuitBreaker from 'opossum';
import { Agent, request } from 'undici';
import type { z } from 'zod';
import type { PrometheusBackendConfig } from '../../config/schema.js';
import type { OutgoingRecorder } from '../outgoingRecorder.js';
import { checkAnswer, envelopeSchema, MalformedAnswerError, malformedAnswer } from './prometheusAnswers.js';

export class PrometheusApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errorType: string | null,
  ) {
    super(message);
    this.name = 'PrometheusApiError';
  }
}

export interface Answer<T> {
  data: T;
  warnings: string[];
}

export interface HttpOptions {
  /** Retries after the first attempt, for reads that failed in a retryable way. */
  retries: number;
  /** Connections the pool keeps open to the server at most. */
  maxConnections: number;
  /** How long an open circuit refuses calls before one trial call, in milliseconds. */
  circuitResetMs: number;
}

export const DEFAULT_HTTP_OPTIONS: HttpOptions = { retries: 2, maxConnections: 16, circuitResetMs: 10_000 };

export type CircuitState = 'closed' | 'open' | 'half_open';

/** Thrown while the circuit is open: the call was not made. */
export class CircuitOpenError extends Error {
  constructor() {
    super('circuit open after repeated failures; calls resume with a trial after a pause');
    this.name = 'CircuitOpenError';
  }
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
const BACKOFF_MS = [50, 200, 500, 1_000, 2_000];
/** Parameters longer than this go in a form-encoded POST body (query, query_range and series accept one). */
const MAX_GET_PARAMS = 2_048;
const POSTABLE = new Set(['query', 'query_range', 'series', 'labels']);

export type Params = Record<string, string | readonly string[]>;

export class PrometheusHttp {
  private readonly base: string;
  private readonly headers: Record<string, string>;
  private readonly agent: Agent;
  private readonly options: HttpOptions;
  private readonly breaker: CircuitBreaker<[string, z.ZodType, Params, number], Answer<unknown>>;

  constructor(
    private readonly config: PrometheusBackendConfig,
    /** Told about every call, for the operational metrics' outgoing transactions. */
    private readonly recorder?: OutgoingRecorder,
    options: Partial<HttpOptions> = {},
  ) {
    this.base = config.url.endsWith('/') ? config.url : `${config.url}/`;
    this.headers = { accept: 'application/json', ...authorizationHeader(config) };
    this.options = { ...DEFAULT_HTTP_OPTIONS, ...options };
    this.agent = new Agent({ connections: this.options.maxConnections, keepAliveTimeout: 30_000 });
    this.breaker = new CircuitBreaker(
      (path: string, shape: z.ZodType, params: Params, timeoutMs: number) =>
        this.retrying(path, shape, params, timeoutMs),
      {
        timeout: false,
        errorThresholdPercentage: 50,
        volumeThreshold: 5,
        rollingCountTimeout: 10_000,
        resetTimeout: this.options.circuitResetMs,
        errorFilter: (error: unknown) =>
          error instanceof PrometheusApiError && !RETRYABLE_STATUS.has(error.status) && error.status < 500,
      },
    );
  }

  get circuit(): CircuitState {
    if (this.breaker.opened) return 'open';
    if (this.breaker.halfOpen) return 'half_open';
    return 'closed';
  }

  /** Reads `api/v1/<path>` and returns `data` of that endpoint's `shape`, or throws with Prometheus's own error. */
  async get<T>(path: string, shape: z.ZodType<T>, params: Params = {}, timeoutMs = this.config.timeoutMs): Promise<T> {
    return (await this.read(path, shape, params, timeoutMs)).data;
  }

  /**
   * One attempt, past the circuit breaker and without retries: a health probe must say how the
   * server is right now, in one round trip.
   */
  async probe(path: string, shape: z.ZodType, params: Params, timeoutMs: number): Promise<void> {
    await this.once(path, shape, params, timeoutMs);
  }

  /** Like `get`, with the warnings Prometheus sent beside the data. */
  async read<T>(
    path: string,
    shape: z.ZodType<T>,
    params: Params = {},
    timeoutMs = this.config.timeoutMs,
  ): Promise<Answer<T>> {
    try {
      return (await this.breaker.fire(path, shape, params, timeoutMs)) as Answer<T>;
    } catch (error) {
      if ((error as { code?: unknown }).code === 'EOPENBREAKER') throw new CircuitOpenError();
      throw error;
    }
  }

  private async retrying<T>(path: string, shape: z.ZodType<T>, params: Params, timeoutMs: number): Promise<Answer<T>> {
    const deadline = performance.now() + timeoutMs;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.once(path, shape, params, Math.max(1, Math.ceil(deadline - performance.now())));
      } catch (error) {
        const wait = BACKOFF_MS[attempt] ?? 2_000;
        const retry = attempt < this.options.retries && retryable(error) && performance.now() + wait < deadline;
        if (!retry) throw error;
        await new Promise((resolve) => setTimeout(resolve, wait * (0.5 + Math.random() / 2)));
      }
    }
  }

  async close(): Promise<void> {
    this.breaker.shutdown();
    await this.agent.close();
  }

  private async once<T>(path: string, shape: z.ZodType<T>, params: Params, timeoutMs: number): Promise<Answer<T>> {
    const url = new URL(`api/v1/${path}`, this.base);
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
      for (const item of typeof value === 'string' ? [value] : value) search.append(name, item);
    }
    const form = search.toString();
    const post = form.length > MAX_GET_PARAMS && POSTABLE.has(path);
    if (!post) url.search = form;
    const outcome = {
      requestBytes: Buffer.byteLength(url.pathname + url.search) + (post ? Buffer.byteLength(form) : 0),
      responseBytes: 0,
      error: true,
    };
    try {
      const response = await request(url, {
        method: post ? 'POST' : 'GET',
        headers: post ? { ...this.headers, 'content-type': 'application/x-www-form-urlencoded' } : this.headers,
        ...(post && { body: form }),
        signal: AbortSignal.timeout(timeoutMs),
        dispatcher: this.agent,
      });
      const text = await response.body.text();
      outcome.responseBytes = Buffer.byteLength(text);
      const data = unwrap(response.statusCode, text, shape, `/api/v1/${path}`);
      outcome.error = false;
      return data;
    } finally {
      this.recorder?.record(outcome);
    }
  }
}

function retryable(error: unknown): boolean {
  // A server that answered with the wrong shape would most likely answer so again.
  if (error instanceof MalformedAnswerError) return false;
  // Prometheus answers a query that ran out of its own time with 503 and errorType "timeout":
  // that query would only time out again.
  if (error instanceof PrometheusApiError) return RETRYABLE_STATUS.has(error.status) && error.errorType !== 'timeout';
  // A timeout used the whole budget: retrying would only wait again.
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return false;
  return true;
}

/**
 * Prometheus's JSON envelope → `data` of `shape` and warnings, or its error as a
 * PrometheusApiError. A success (2xx) whose body is not an envelope of that shape is malformed;
 * an error status without an envelope (a proxy's HTML 502) is still the server's error.
 */
function unwrap<T>(status: number, text: string, shape: z.ZodType<T>, endpoint: string): Answer<T> {
  const succeeded = status >= 200 && status < 300;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    if (succeeded) throw new MalformedAnswerError(endpoint, status, 'not JSON');
    throw new PrometheusApiError(`HTTP ${status}: not a Prometheus API response`, status, null);
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    if (succeeded) throw malformedAnswer(endpoint, status, envelope.error, 'answer');
    throw new PrometheusApiError(`HTTP ${status}: not a Prometheus API response`, status, null);
  }
  const body = envelope.data;
  if (body.status !== 'success') {
    throw new PrometheusApiError(body.error ?? `HTTP ${status}`, status, body.errorType ?? null);
  }
  return { data: checkAnswer(shape, body.data, endpoint, status), warnings: body.warnings ?? [] };
}

function authorizationHeader(config: PrometheusBackendConfig): Record<string, string> {
  if (!config.auth) return {};
  if (config.auth.type === 'bearer') return { authorization: `Bearer ${config.auth.token}` };
  const credentials = Buffer.from(`${config.auth.username}:${config.auth.password}`).toString('base64');
  return { authorization: `Basic ${credentials}` };
}
