/**
 * Raw PromQL (`promql`, `promqlRange`): an expression sent as written to one Prometheus-API
 * backend, its result returned typed. Times may be date-times or range-expression times
 * (`T-1h`), read in UTC.
 */
import type { PromqlEngine } from '../backends/backend.js';
import type { BackendRegistry } from '../backends/backendRegistry.js';
import type { Clock } from '../clock.js';
import type { PromResult } from '../domain/promqlResult.js';
import { evaluatePoint } from '../domain/ranges/rangeExpression.js';
import { NotFoundError, UserInputError } from '../errors.js';

const MAX_STEP = 31_536_000;
const MAX_QUERY_LENGTH = 16_384;

export interface RangeArguments {
  query: string;
  start: string;
  end?: string | null;
  step: number;
  backend?: string | null;
}

export class PromqlService {
  constructor(
    private readonly registry: BackendRegistry,
    private readonly clock: Clock,
  ) {}

  async instant(query: string, time?: string | null, backendId?: string | null): Promise<PromResult> {
    checkQuery(query);
    const engine = this.engine(backendId);
    const at = time == null ? undefined : this.time(time, 'time');
    return engine.instant(query, at);
  }

  async range({ query, start, end, step, backend: backendId }: RangeArguments): Promise<PromResult> {
    checkQuery(query);
    const engine = this.engine(backendId);
    if (!Number.isInteger(step) || step < 1 || step > MAX_STEP) {
      throw new UserInputError(`step must be 1-${MAX_STEP} seconds, got ${step}`, { field: 'step' });
    }
    const from = this.time(start, 'start');
    const to = end == null ? Math.floor(this.clock.now().getTime() / 1000) : this.time(end, 'end');
    if (to < from) throw new UserInputError(`end ${to} is before start ${from}`, { field: 'end' });
    const points = Math.floor((to - from) / step) + 1;
    const max = engine.maxPointsPerSeries;
    if (points > max) {
      throw new UserInputError(
        `${points} steps of ${step}s from start to end: Prometheus allows at most ${max} per series; use a larger step or a shorter range`,
        { field: 'step', limit: max, actual: points },
      );
    }
    return engine.range(query, from, to, step);
  }

  /** The named backend's PromQL, or the first backend's that speaks it. */
  private engine(id?: string | null): PromqlEngine {
    if (id == null) {
      const first = this.registry.promql()[0];
      if (!first) throw new NotFoundError('no prometheus backend is configured', { field: 'backend' });
      return first.promql;
    }
    const backend = this.registry.get(id);
    if (!backend.promql) {
      throw new UserInputError(
        `backend "${id}" is ${backend.kind}, not prometheus: PromQL needs a prometheus backend`,
        {
          field: 'backend',
          backend: id,
        },
      );
    }
    return backend.promql;
  }

  /**
   * Unix seconds as Prometheus takes them, a date-time, or a range expression's time (`T-1h`).
   * Exactly four digits without a fraction are a year (`2025`), as in range expressions: no one
   * means 1970-01-01T00:33:45Z.
   */
  private time(text: string, field: string): number {
    if (/^(\d{1,3}|\d{5,12})(\.\d{1,9})?$|^\d{4}\.\d{1,9}$/.test(text)) return Number(text);
    try {
      return evaluatePoint(text, { now: this.clock.now(), timeZone: 'UTC' });
    } catch (error) {
      if (error instanceof UserInputError) {
        throw new UserInputError(`${field}: ${error.message}`, { ...error.details, field }, { cause: error });
      }
      throw error;
    }
  }
}

function checkQuery(query: string): void {
  if (query.trim() === '') throw new UserInputError('query is empty', { field: 'query' });
  if (query.length > MAX_QUERY_LENGTH) {
    throw new UserInputError(`query has ${query.length} characters (at most ${MAX_QUERY_LENGTH})`, { field: 'query' });
  }
}
