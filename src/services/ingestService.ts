/**
 * Measurement ingest (AppOptics reference, "Create a Measurement"): validates a batch, creates
 * metrics on their first measurement (with the properties sent then; later ones are ignored),
 * and appends the samples to the storing backend (backend.ts `MeasurementStore.append`).
 *
 * The rules: an acknowledged batch is in Redis before the answer is sent (every write is
 * awaited), and ingest is idempotent (the store replaces points by second and recomputes
 * rollups), so a client that got an error — or no answer — may simply send the batch again.
 *
 * Pre-aggregated samples (`count`, `sum`, ...) become bucket states; what the sender left out
 * is estimated from what it sent: min, max and last default to the mean, the first value of a
 * summary is its mean, and without `stddev` the samples are taken as equal (sumsq = sum²/count).
 */
import type { RequestScope } from '../auth/principal.js';
import type { Sample, StoringBackend } from '../backends/backend.js';
import type { Clock } from '../clock.js';
import type { BucketState } from '../domain/bucketState.js';
import type { BatchError, Measurement, SampleState } from '../domain/measurements/measurement.js';
import { validateBatch } from '../domain/measurements/measurementBatch.js';
import { BackendUnavailableError } from '../errors.js';
import type { OperationalMetricsService } from './operationalMetricsService.js';

export interface IngestResult {
  summary: { total: number; accepted: number; failed: number; filtered: number };
  errors: BatchError[];
}

export class IngestService {
  constructor(
    private readonly native: StoringBackend,
    private readonly operational: OperationalMetricsService,
    private readonly clock: Clock,
  ) {}

  async submit(scope: RequestScope, payload: unknown, userAgent?: string): Promise<IngestResult> {
    const validation = validateBatch(payload, { now: this.clock.now(), environment: scope.principal.environment });
    const { summary, errors } = validation;
    const retention = this.native.store.rawRetentionSeconds;
    const oldest = Math.floor(this.clock.now().getTime() / 1000) - retention;
    const fresh = validation.accepted.filter((measurement) => measurement.time >= oldest);
    const stale = validation.accepted.length - fresh.length;
    if (stale > 0) {
      const days = retention / 86_400;
      errors.push({
        param: 'time',
        reason: `${stale} measurement(s) are older than the ${days}-day raw retention and were not stored`,
      });
    }
    const result: IngestResult = {
      summary: { ...summary, accepted: fresh.length, failed: summary.failed + stale },
      errors,
    };
    try {
      await this.store(scope.tenant, fresh, userAgent);
    } catch (error) {
      throw new BackendUnavailableError(
        this.native.id,
        'the measurements could not be stored; nothing is lost by sending the batch again',
        { cause: error },
      );
    }
    this.count(scope, result);
    return result;
  }

  private async store(
    tenant: string,
    measurements: readonly Measurement[],
    userAgent: string | undefined,
  ): Promise<void> {
    await this.createMetrics(tenant, measurements, userAgent);
    // `replace`: the last measurement of a second in the batch wins, as a re-send would.
    const samples = measurements.map(({ name, tags, time, state }): Sample => ({
      metric: name,
      tags,
      time,
      state: bucketStateOf(state),
    }));
    await this.native.store.append(tenant, samples, 'replace');
  }

  /** Creates each metric the batch names, with the properties of its first measurement. */
  private async createMetrics(
    tenant: string,
    measurements: readonly Measurement[],
    userAgent: string | undefined,
  ): Promise<void> {
    const first = new Map<string, Measurement>();
    for (const measurement of measurements) if (!first.has(measurement.name)) first.set(measurement.name, measurement);
    await this.native.store.createMetrics(
      tenant,
      [...first.values()].map(({ name, period, properties }) => ({
        name,
        properties: {
          type: properties.type ?? 'gauge',
          displayName: properties.displayName ?? null,
          description: properties.description ?? null,
          period,
          attributes: { ...(userAgent ? { created_by_ua: userAgent.slice(0, 255) } : {}), ...properties.attributes },
        },
      })),
    );
  }

  private count(scope: RequestScope, result: IngestResult): void {
    this.operational
      .recordMany(scope, { measurementsAccepted: result.summary.accepted, measurementsFailed: result.summary.failed })
      .catch(() => undefined); // counted best-effort: never fails an ingest that was stored
  }
}

export function bucketStateOf(sample: SampleState): BucketState {
  const mean = sample.sum / sample.count;
  const last = sample.last ?? mean;
  return {
    count: sample.count,
    sum: sample.sum,
    min: sample.min ?? mean,
    max: sample.max ?? mean,
    first: sample.count === 1 ? sample.sum : mean,
    last: sample.count === 1 ? sample.sum : last,
    sumsq: sample.sumsq ?? (sample.sum * sample.sum) / sample.count,
  };
}
