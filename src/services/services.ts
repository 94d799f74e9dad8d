/** The use cases the transport layer calls, built once per process from the backends. */
import type { StoringBackend } from '../backends/backend.js';
import type { BackendRegistry } from '../backends/backendRegistry.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config/schema.js';
import type { Registry } from 'prom-client';
import type { Store } from '../store/store.js';
import type { StoreHealth } from '../store/storeHealth.js';
import { BackendService } from './backendService.js';
import { CalendarQueryService } from './calendarQueryService.js';
import { MetricDirectory } from './metricDirectory.js';
import { MetricTimeseriesService } from './metricTimeseriesService.js';
import { PromqlService } from './promqlService.js';
import { EnvironmentService } from './environmentService.js';
import { IngestService } from './ingestService.js';
import { MetricService } from './metricService.js';
import { SeriesQueryService } from './seriesQueryService.js';
import { OperationalMetricsService } from './operationalMetricsService.js';
import { ServerInfoService } from './serverInfoService.js';
import { TokenService } from './tokenService.js';
import { UsageService } from './usage/usageService.js';
import { EnvironmentRecords } from '../store/environmentRecords.js';
import { MetricTimeseriesRecords } from '../store/metricTimeseriesRecords.js';
import { OperationalCounters } from '../store/operationalCounters.js';
import { TokenRecords } from '../store/tokenRecords.js';
import { UsageRecords } from '../store/usageRecords.js';
import { UsageWriter } from './usage/usageWriter.js';

export interface Services {
  backends: BackendService;
  serverInfo: ServerInfoService;
  tokens: TokenService;
  environments: EnvironmentService;
  ingest: IngestService;
  series: SeriesQueryService;
  metrics: MetricService;
  directory: MetricDirectory;
  calendars: CalendarQueryService;
  timeseries: MetricTimeseriesService;
  promql: PromqlService;
  operationalMetrics: OperationalMetricsService;
  /** Usage records: listing and reading them, and writing the recorder's flushes. */
  usage: UsageService;
}

/** What services are built from: the backends, Almanac's own Redis store, the clock, the config. */
export interface ServiceDependencies {
  registry: BackendRegistry;
  /** The backend measurements (and usage series) are written to. */
  native: StoringBackend;
  store: Store;
  /** Whether the store can be asked now; token lookups skip it at once while it cannot. */
  storeHealth: StoreHealth;
  /** Where services register their self-metrics (served on /metrics). */
  metricsRegistry: Registry;
  clock: Clock;
  config: Config;
}

export function createServices({
  registry,
  native,
  store,
  storeHealth,
  metricsRegistry,
  clock,
  config,
}: ServiceDependencies): Services {
  const environments = new EnvironmentService(new EnvironmentRecords(store), clock);
  const operationalMetrics = new OperationalMetricsService(new OperationalCounters(store));
  const calendars = new CalendarQueryService(registry, native, clock, config.limits);
  const usageRecords = new UsageRecords(store, clock, config.usage);
  return {
    backends: new BackendService(registry),
    serverInfo: new ServerInfoService(clock),
    tokens: new TokenService(new TokenRecords(store), environments, clock, {
      health: storeHealth,
      minutes: config.auth.tokenGraceMinutes,
      registry: metricsRegistry,
    }),
    environments,
    operationalMetrics,
    ingest: new IngestService(native, operationalMetrics, clock),
    series: new SeriesQueryService(registry, clock, config.limits),
    metrics: new MetricService(native),
    directory: new MetricDirectory(registry),
    calendars,
    timeseries: new MetricTimeseriesService(new MetricTimeseriesRecords(store), calendars, clock),
    promql: new PromqlService(registry, clock),
    usage: new UsageService(usageRecords, new UsageWriter(usageRecords, native), clock),
  };
}
