/**
 * Stored metric timeseries (the OpenDataDSL reference's *Metric Timeseries*, `_type`
 * VarMetricTimeSeries): a named definition — provider, metric, calendar, observed, time zone
 * and filter — evaluated over a range whenever it is read. The definitions are kept by
 * store/metricTimeseriesRecords.ts.
 *
 * The rule: a definition is validated as a whole when it is created or changed (calendar, time
 * zone, provider, filter), so reading one can only fail for reasons of the range or the data.
 */
import type { Clock } from '../clock.js';
import { parseCalendar } from '../domain/calendar/calendarCode.js';
import type { Observed } from '../domain/calendar/observed.js';
import { ZoneClock } from '../domain/calendar/zoneClock.js';
import { compileTagFilter, type TagPair } from '../domain/tags/tagFilter.js';
import { ConflictError, NotFoundError, UserInputError } from '../errors.js';
import type {
  MetricTimeseriesPage,
  MetricTimeseriesRecord,
  MetricTimeseriesRecords,
} from '../store/metricTimeseriesRecords.js';
import { checkFilter, type CalendarQueryService } from './calendarQueryService.js';
import { USAGE_PROVIDER } from './usage/usageMetrics.js';

export type { MetricTimeseriesRecord } from '../store/metricTimeseriesRecords.js';

export interface MetricTimeseriesDefinition {
  id: string;
  provider?: string | null;
  metric: string;
  name?: string | null;
  description?: string | null;
  calendar: string;
  observed: Observed;
  timeZone?: string | null;
  filter?: readonly TagPair[] | null;
}

/** Fields to change; undefined leaves one as it is, null clears name or description. */
export interface MetricTimeseriesPatch {
  name?: string | null;
  description?: string | null;
  calendar?: string | null;
  observed?: Observed | null;
  timeZone?: string | null;
  filter?: readonly TagPair[] | null;
}

const ID = /^[A-Za-z0-9._-]{1,128}$/;

export class MetricTimeseriesService {
  constructor(
    private readonly records: MetricTimeseriesRecords,
    private readonly calendars: CalendarQueryService,
    private readonly clock: Clock,
  ) {}

  find(tenant: string, id: string): Promise<MetricTimeseriesRecord | null> {
    return this.records.get(tenant, id);
  }

  async page(tenant: string, { first, after }: { first: number; after: string | null }): Promise<MetricTimeseriesPage> {
    if (!Number.isInteger(first) || first < 1 || first > 1000) {
      throw new UserInputError(`first must be 1-1000, got ${first}`, { field: 'first' });
    }
    return this.records.page(tenant, first, after);
  }

  async create(tenant: string, definition: MetricTimeseriesDefinition): Promise<MetricTimeseriesRecord> {
    if (!ID.test(definition.id)) {
      throw new UserInputError(`id must be 1-128 of A-Za-z0-9._-, got "${definition.id}"`, { field: 'id' });
    }
    const now = this.clock.now().toISOString();
    const record = this.validated({
      id: definition.id,
      ...this.source(definition.provider, definition.metric),
      name: definition.name ?? null,
      description: definition.description ?? null,
      calendar: definition.calendar,
      observed: definition.observed,
      timeZone: definition.timeZone ?? 'UTC',
      filter: pairs(definition.filter),
      createdAt: now,
      updatedAt: now,
    });
    if (!(await this.records.create(tenant, record)))
      throw new ConflictError(`a metric timeseries "${record.id}" exists already`, { id: record.id });
    return record;
  }

  async update(tenant: string, id: string, patch: MetricTimeseriesPatch): Promise<MetricTimeseriesRecord> {
    const current = await this.find(tenant, id);
    if (!current) throw new NotFoundError(`no metric timeseries "${id}"`, { id });
    const record = this.validated({
      ...current,
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.description !== undefined && { description: patch.description }),
      ...(patch.calendar != null && { calendar: patch.calendar }),
      ...(patch.observed != null && { observed: patch.observed }),
      ...(patch.timeZone != null && { timeZone: patch.timeZone }),
      ...(patch.filter != null && { filter: pairs(patch.filter) }),
      updatedAt: this.clock.now().toISOString(),
    });
    // Only while the definition still exists: a concurrent delete wins over this update.
    if (!(await this.records.update(tenant, record))) throw new NotFoundError(`no metric timeseries "${id}"`, { id });
    return record;
  }

  delete(tenant: string, id: string): Promise<boolean> {
    return this.records.remove(tenant, id);
  }

  /** Provider and metric from `provider` + `metric`, or from `metric` as `Provider/Metric`. */
  private source(provider: string | null | undefined, metric: string): { provider: string; metric: string } {
    const reference = provider ? `${provider}/${metric}` : metric;
    const source =
      provider || metric.includes('/') ? this.calendars.resolve(reference) : this.calendars.nativeSource(metric);
    return { provider: source.provider, metric: source.name };
  }

  private validated(record: MetricTimeseriesRecord): MetricTimeseriesRecord {
    checkText('name', record.name, 255);
    checkText('description', record.description, 1024);
    parseCalendar(record.calendar);
    ZoneClock.of(record.timeZone);
    const filter = record.filter.map(([name, value]) => ({ name, value }));
    checkFilter(filter, record.provider === USAGE_PROVIDER);
    compileTagFilter(filter);
    return record;
  }
}

function pairs(filter: readonly TagPair[] | null | undefined): [string, string][] {
  return (filter ?? []).map(({ name, value }) => [name, value]);
}

function checkText(field: string, value: string | null, max: number): void {
  if (value !== null && (value.length < 1 || value.length > max)) {
    throw new UserInputError(`${field} must have 1-${max} characters, got ${value.length}`, { field });
  }
}
