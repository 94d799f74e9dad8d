/**
 * Almanac's self-metrics, exposed on `/metrics` in the Prometheus text format.
 *
 * `api_requests_duration_seconds` follows the Octeth reference: a histogram labelled
 * `command` with exactly its buckets. `command` is a GraphQL root field coordinate
 * (`Query.backends`), so its values are bounded by the schema — never by user input.
 * The request histogram lives in its own registry so `/metrics` can say
 * "No metrics collected yet" until the first request was served, as the reference does.
 */
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** The reference's buckets, in seconds. */
export const REQUEST_DURATION_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export type RejectionPhase = 'parse' | 'validation' | 'request';

export class Telemetry {
  readonly apiRegistry = new Registry();
  readonly processRegistry = new Registry();
  readonly requestDuration: Histogram<'command'>;
  readonly rejectedRequests: Counter<'phase'>;
  private served = false;

  constructor() {
    collectDefaultMetrics({ register: this.processRegistry });
    // These three are gauges named like counters, which `promtool check metrics` rejects;
    // their per-type breakdowns (nodejs_active_handles, ...) stay.
    for (const name of [
      'nodejs_active_handles_total',
      'nodejs_active_requests_total',
      'nodejs_active_resources_total',
    ]) {
      this.processRegistry.removeSingleMetric(name);
    }
    this.requestDuration = new Histogram({
      name: 'api_requests_duration_seconds',
      help: 'Duration of GraphQL requests in seconds, by root field coordinate (command).',
      labelNames: ['command'],
      buckets: REQUEST_DURATION_BUCKETS,
      registers: [this.apiRegistry],
    });
    this.rejectedRequests = new Counter({
      name: 'almanac_graphql_rejected_requests_total',
      help: 'GraphQL requests rejected before execution, by phase (parse, validation, request).',
      labelNames: ['phase'],
      registers: [this.processRegistry],
    });
  }

  /** Records one executed operation: its duration under each root field it selected. */
  observeOperation(commands: Iterable<string>, seconds: number): void {
    for (const command of commands) {
      this.requestDuration.observe({ command }, seconds);
      this.served = true;
    }
  }

  /** The exposition text: request metrics (or the reference's placeholder), then process metrics. */
  async exposition(): Promise<string> {
    const api = this.served ? await this.apiRegistry.metrics() : '# No metrics collected yet\n';
    return api + (await this.processRegistry.metrics());
  }

  get contentType(): string {
    return this.processRegistry.contentType;
  }
}
