/**
 * HTTP access to a Prometheus-API server (Prometheus, Thanos Query, Mimir, VictoriaMetrics):
 * base URL with any path prefix kept, basic or bearer auth, a per-backend timeout, and
 * Prometheus's JSON envelope (`status`, `data`, `errorType`, `error`) unwrapped.
 * Node's fetch keeps connections alive and pools them per origin. Every call, failed or not,
 * is reported to the optional OutgoingRecorder.
 */
import type { PrometheusBackendConfig } from '../../config/schema.js';
import type { OutgoingRecorder } from '../outgoingRecorder.js';

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

interface Envelope {
  status: 'success' | 'error';
  data?: unknown;
  errorType?: string;
  error?: string;
}

export class PrometheusHttp {
  private readonly base: string;
  private readonly headers: Record<string, string>;

  constructor(
    private readonly config: PrometheusBackendConfig,
    /** Told about every call, for the operational metrics' outgoing transactions. */
    private readonly recorder?: OutgoingRecorder,
  ) {
    this.base = config.url.endsWith('/') ? config.url : `${config.url}/`;
    this.headers = { accept: 'application/json', ...authorizationHeader(config) };
  }

  /** GETs `api/v1/<path>` and returns `data`, or throws with Prometheus's own error. */
  async get<T>(path: string, params: Record<string, string> = {}, timeoutMs = this.config.timeoutMs): Promise<T> {
    const url = new URL(`api/v1/${path}`, this.base);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    // A GET carries its parameters in the request target: that is what it sends.
    const outcome = { requestBytes: Buffer.byteLength(url.pathname + url.search), responseBytes: 0, error: true };
    try {
      const response = await fetch(url, { headers: this.headers, signal: AbortSignal.timeout(timeoutMs) });
      const text = await response.text();
      outcome.responseBytes = Buffer.byteLength(text);
      const data = unwrap<T>(response.status, text);
      outcome.error = false;
      return data;
    } finally {
      this.recorder?.record(outcome);
    }
  }
}

/** Prometheus's JSON envelope → `data`, or its error as a PrometheusApiError. */
function unwrap<T>(status: number, text: string): T {
  let body: Envelope;
  try {
    body = JSON.parse(text) as Envelope;
  } catch {
    throw new PrometheusApiError(`HTTP ${status}: not a Prometheus API response`, status, null);
  }
  if (body.status !== 'success') {
    throw new PrometheusApiError(body.error ?? `HTTP ${status}`, status, body.errorType ?? null);
  }
  return body.data as T;
}

function authorizationHeader(config: PrometheusBackendConfig): Record<string, string> {
  if (!config.auth) return {};
  if (config.auth.type === 'bearer') return { authorization: `Bearer ${config.auth.token}` };
  const credentials = Buffer.from(`${config.auth.username}:${config.auth.password}`).toString('base64');
  return { authorization: `Basic ${credentials}` };
}
