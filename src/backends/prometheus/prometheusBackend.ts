/** A Prometheus-API server as an Almanac backend. */
import type { PrometheusBackendConfig } from '../../config/schema.js';
import { measureHealth, type Backend, type BackendHealth } from '../backend.js';
import type { OutgoingRecorder } from '../outgoingRecorder.js';
import { PrometheusHttp } from './prometheusHttp.js';

/** Health probes give up sooner than queries: readiness must answer quickly. */
const HEALTH_TIMEOUT_MS = 3_000;

export class PrometheusBackend implements Backend {
  readonly kind = 'prometheus';
  readonly id: string;
  private readonly http: PrometheusHttp;
  private readonly healthTimeoutMs: number;

  constructor(config: PrometheusBackendConfig, recorder?: OutgoingRecorder) {
    this.id = config.id;
    this.http = new PrometheusHttp(config, recorder);
    this.healthTimeoutMs = Math.min(HEALTH_TIMEOUT_MS, config.timeoutMs);
  }

  checkHealth(): Promise<BackendHealth> {
    // An instant query is the one request every Prometheus-API engine answers.
    return measureHealth(async () => {
      await this.http.get('query', { query: '1' }, this.healthTimeoutMs);
    });
  }

  async close(): Promise<void> {
    // fetch's pooled keep-alive connections close themselves when idle.
  }
}
