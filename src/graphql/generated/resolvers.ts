import type { ShippedBackendKind as BackendKind } from '../../backends/backend.js';
import type { CircuitState } from '../../backends/backend.js';
import type { CounterMode } from '../../backends/backend.js';
import type { GroupByFunction } from '../../domain/seriesAggregation.js';
import type { MetricKind as MetricType } from '../../domain/metricRecord.js';
import type { Observed } from '../../domain/calendar/observed.js';
import type { PartialMode as PartialResults } from '../../services/fanOut.js';
import type { PrincipalKind } from '../../auth/principal.js';
import type { PromResultType } from '../../domain/promqlResult.js';
import type { Role } from '../../auth/principal.js';
import type { SummarizeFunction } from '../../domain/measurements/measurement.js';
import type { QuerySummary as SummaryFunction } from '../../domain/seriesAggregation.js';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type {
  Backend as BackendModel,
  BackendHealth as BackendHealthModel,
  ResultSeries as ResultSeriesModel,
} from '../../backends/backend.js';
import type { ServerInfo as ServerInfoModel } from '../../services/serverInfoService.js';
import type { ApiToken as ApiTokenModel } from '../../services/tokenService.js';
import type { Environment as EnvironmentModel } from '../../services/environmentService.js';
import type { RequestScope as RequestScopeModel } from '../../auth/principal.js';
import type {
  SeriesQueryResult as SeriesQueryResultModel,
  TagTuple as TagTupleModel,
} from '../../services/series/seriesResult.js';
import type { ValuePoint as ValuePointModel } from '../../domain/seriesAggregation.js';
import type {
  OperationalMetrics as OperationalMetricsModel,
  ServiceMetrics as ServiceMetricsModel,
  SubserviceMetrics as SubserviceMetricsModel,
  RawTotals as RawTotalsModel,
} from '../../domain/operationalMetricsTree.js';
import type {
  MetricView as MetricViewModel,
  MetricAttributes as MetricAttributesModel,
} from '../../domain/metricRecord.js';
import type {
  VirtualTimeseries as VirtualTimeseriesModel,
  CalendarValue as CalendarValueModel,
} from '../../services/calendarQueryService.js';
import type { MetricTimeseriesRecord as MetricTimeseriesRecordModel } from '../../services/metricTimeseriesService.js';
import type { UsageRecord as UsageRecordModel } from '../../domain/usageRecord.js';
import type {
  PromResult as PromResultModel,
  PromSeries as PromSeriesModel,
  PromSample as PromSampleModel,
} from '../../domain/promqlResult.js';
import type { GraphQLContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type EnumResolverSignature<T, AllowedValues = any> = { [key in keyof T]?: AllowedValues };
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string };
  String: { input: string; output: string };
  Boolean: { input: boolean; output: boolean };
  Int: { input: number; output: number };
  Float: { input: number; output: number };
  /**
   * An instant in time, written as an ISO 8601 / RFC 3339 date-time with a time-zone offset,
   * for example `2026-11-25T09:30:00.000Z` or `2026-11-25T10:30:00+01:00`.
   */
  DateTime: { input: Date | string; output: Date | string };
  /**
   * A column of numbers, sent as one JSON array: `[1732530600, 1732530660]`. Every element is a
   * finite number. A scalar rather than `[Float!]` so that a column of 100,000 values is checked and
   * written in one pass: GraphQL completes each element of a list as a value of its own, which costs
   * more than the query to the backend for long series (see the README's performance notes).
   */
  FloatColumn: { input: readonly number[]; output: readonly number[] };
  /**
   * Any JSON value. Used only where the shape is open by nature (free-form attributes);
   * everything with a known shape has its own type.
   */
  JSON: { input: unknown; output: unknown };
  /**
   * A column of numbers that may have gaps, sent as one JSON array: `[0.5, null, 2]`. Every element
   * is a finite number or null. A scalar rather than `[Float]` for the same reason as `FloatColumn`.
   */
  NullableFloatColumn: { input: readonly (number | null)[]; output: readonly (number | null)[] };
  /**
   * An RFC 3339 date-time that keeps the offset in force in the query's time zone, e.g.
   * `2026-11-01T01:00:00-05:00`: the instant and the local clock reading in one value. Calendar
   * buckets use it so that a 23- or 25-hour day shows where it starts and ends locally.
   */
  ZonedDateTime: { input: string; output: string };
};

/**
 * Who may use a field. Roles are those of API tokens, each including the ones before it:
 * `VIEWER` reads; `RECORDER` also writes measurements and annotations; `ADMIN` does everything
 * in its tenant (tokens, environments, deletions, alerts). `PUBLIC` fields need no credentials.
 */
export type Access =
  /** Admin tokens only. */
  | 'ADMIN'
  /** Anyone, signed in or not. */
  | 'PUBLIC'
  /** Recorder or admin tokens. */
  | 'RECORDER'
  /** Any token: viewer, recorder or admin. */
  | 'VIEWER';

/**
 * An API token. Its secret is shown once, when the token is created; Almanac keeps only a hash.
 * Authenticate with HTTP Basic (the secret as user name, empty password) or
 * `Authorization: Bearer <secret>`.
 */
export type ApiToken = {
  __typename?: 'ApiToken';
  /** An inactive token is refused (HTTP 401) within a second or two on every replica. */
  active: Scalars['Boolean']['output'];
  /** When the token was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The environment the token belongs to: its measurements get the tag `environment=<name>`. */
  environment?: Maybe<Environment>;
  /** Stable identifier, used to update or delete the token. */
  id: Scalars['ID']['output'];
  /** A name to recognise the token by; need not be unique. */
  name: Scalars['String']['output'];
  /** What the token may do. */
  role: Role;
  /** The first characters of the secret, to tell tokens apart without revealing them. */
  secretPrefix: Scalars['String']['output'];
  /** When the token was last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A configured source of metrics. Queries that name no backend fan out to all that can answer. */
export type Backend = {
  __typename?: 'Backend';
  /**
   * The state of this replica's circuit breaker for the backend: OPEN after repeated failures (calls
   * fail at once with BACKEND_UNAVAILABLE instead of waiting out the timeout), HALF_OPEN while one
   * trial call decides, else CLOSED. Null for backends without one (the native store).
   */
  circuit?: Maybe<CircuitState>;
  /**
   * Whether the backend answers: the outcome of its last probe (with a short timeout), at most 2 s old,
   * as `/readyz` reads it too. A backend whose circuit is OPEN is not probed: it is not ok, with the
   * error `circuit open`.
   */
  health: BackendHealth;
  /** The backend's name in the configuration, e.g. `native` or `prometheus`. */
  id: Scalars['ID']['output'];
  /** What kind of system it is. */
  kind: BackendKind;
};

/** The outcome of a reachability check of one backend: a probe, or its open circuit. */
export type BackendHealth = {
  __typename?: 'BackendHealth';
  /** When the check was made. */
  checkedAt: Scalars['DateTime']['output'];
  /** Why the backend is not healthy, as a class (`timed out`, `connection refused`, `the server answered HTTP 503`, ...) that names no host or port; null when healthy. */
  error?: Maybe<Scalars['String']['output']>;
  /** Round-trip time of the probe in milliseconds; null when the probe failed. */
  latencyMs?: Maybe<Scalars['Float']['output']>;
  /** True when the backend answered the probe successfully. */
  ok: Scalars['Boolean']['output'];
};

export type { BackendKind };

/** One bucket of a calendar-aggregated timeseries. */
export type CalendarPoint = {
  __typename?: 'CalendarPoint';
  /** How many samples the bucket holds. */
  count: Scalars['Int']['output'];
  /** When the bucket ends (exclusive): the next bucket's start. */
  end: Scalars['ZonedDateTime']['output'];
  /**
   * The bucket's local name: `2026-03-08T02:00` (sub-day calendars), `2026-03-08` (#P1D),
   * `2026-W10` (#P1W), `2026-03` (#P1M), `2026-Q1` (#P3M) or `2026` (#P1Y). In a clock change that
   * repeats an hour, two hourly buckets share a label; `start` tells them apart.
   */
  label: Scalars['String']['output'];
  /** When the bucket starts (inclusive), with the local offset then in force. */
  start: Scalars['ZonedDateTime']['output'];
  /** The observed value; null when the bucket holds no sample. */
  value?: Maybe<Scalars['Float']['output']>;
};

export type { CircuitState };

export type { CounterMode };

/** Fields of a new API token. */
export type CreateApiTokenInput = {
  /** Whether the token can be used right away; default true. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** Name of an environment of the tenant the token belongs to. */
  environment?: InputMaybe<Scalars['String']['input']>;
  /** A name to recognise the token by. */
  name: Scalars['String']['input'];
  /** What the token may do. */
  role: Role;
};

/** A newly created token, with the secret that is shown this once. */
export type CreatedApiToken = {
  __typename?: 'CreatedApiToken';
  /** The secret to authenticate with. Store it now: it cannot be shown again. */
  secret: Scalars['String']['output'];
  /** The token's record. */
  token: ApiToken;
};

/**
 * An environment (AppOptics reference): a named part of a network. Measurements written with a
 * token that belongs to an environment get the tag `environment=<name>` unless they carry one.
 */
export type Environment = {
  __typename?: 'Environment';
  /** When the environment was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Unique within the tenant; letters, digits, space and `-.:_?\/` (the tag value rules), at most 255. */
  name: Scalars['String']['output'];
  /** When the environment was last renamed. */
  updatedAt: Scalars['DateTime']['output'];
};

export type { GroupByFunction };

/** A batch of measurements, as the reference's `POST /v1/measurements` body. */
export type MeasurementBatchInput = {
  /** 1-10,000 measurements. */
  measurements: Array<MeasurementInput>;
  /** Default period of the batch's measurements. */
  period?: InputMaybe<Scalars['Int']['input']>;
  /** Tags of every measurement that carries none of its own. At least one tag per measurement is required. */
  tags?: InputMaybe<Array<TagInput>>;
  /** Default time of the batch's measurements. */
  time?: InputMaybe<Scalars['DateTime']['input']>;
};

/** Why a measurement was rejected. */
export type MeasurementError = {
  __typename?: 'MeasurementError';
  /** Where the problem is, e.g. `measurements[3].tags.host`. */
  param: Scalars['String']['output'];
  /** What was wrong. */
  reason: Scalars['String']['output'];
};

/**
 * One measurement (AppOptics reference): a `value`, or the summary fields of samples already
 * aggregated by the sender (`count` and `sum`, optionally `min`, `max`, `last`, `stddev`).
 */
export type MeasurementInput = {
  /** How many samples this measurement summarizes; needs `sum`. */
  count?: InputMaybe<Scalars['Int']['input']>;
  /** Description of a metric this measurement creates (ignored when the metric exists). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Display name of a metric this measurement creates (ignored when the metric exists). */
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** The last summarized sample. */
  last?: InputMaybe<Scalars['Float']['input']>;
  /** The largest summarized sample. */
  max?: InputMaybe<Scalars['Float']['input']>;
  /** The smallest summarized sample. */
  min?: InputMaybe<Scalars['Float']['input']>;
  /** The metric: 1-255 of `A-Za-z0-9.:-_`, case-insensitive. Created by its first measurement. */
  name: Scalars['String']['input'];
  /** The reporting period in seconds; stored on a metric this measurement creates. */
  period?: InputMaybe<Scalars['Int']['input']>;
  /** The population standard deviation of the summarized samples. */
  stddev?: InputMaybe<Scalars['Float']['input']>;
  /** The sum of the summarized samples. */
  sum?: InputMaybe<Scalars['Float']['input']>;
  /** Tags of this measurement. When given they replace the batch's tags entirely (never merged). */
  tags?: InputMaybe<Array<TagInput>>;
  /** When it was measured, in whole seconds; default the batch's `time`, else now. */
  time?: InputMaybe<Scalars['DateTime']['input']>;
  /** A single sample. Not together with `count`. */
  value?: InputMaybe<Scalars['Float']['input']>;
};

/** The answer to a batch: stored before it is sent, so a retry after an error is always safe. */
export type MeasurementSubmission = {
  __typename?: 'MeasurementSubmission';
  /** One entry per problem found. */
  errors: Array<MeasurementError>;
  /** Counts of the batch's measurements. */
  summary: MeasurementSummary;
};

/** How a batch fared, as the reference's `measurements.summary`. */
export type MeasurementSummary = {
  __typename?: 'MeasurementSummary';
  /** Measurements stored. */
  accepted: Scalars['Int']['output'];
  /** Measurements rejected; `errors` says why. */
  failed: Scalars['Int']['output'];
  /** Measurements for the reserved `almanac.` namespace, dropped without error. */
  filtered: Scalars['Int']['output'];
  /** Measurements in the batch. */
  total: Scalars['Int']['output'];
};

/**
 * A metric of one backend. Native metrics (reference, "Metrics") have properties and attributes,
 * and case-insensitive names kept lower-cased; Prometheus metrics have their name as Prometheus
 * spells it, a type, and the help text of their metadata as `description`.
 */
export type Metric = {
  __typename?: 'Metric';
  /** Display attributes; each is null when not set. */
  attributes: MetricAttributes;
  /** The id of the backend that stores the metric, as in `backends { id }`. */
  backend: Scalars['ID']['output'];
  /**
   * This metric as a calendar-aggregated timeseries, so a dashboard asks for a metric and, say,
   * its monthly totals in one query. Same arguments and meaning as `Query.virtualTimeseries`.
   */
  calendar: VirtualTimeseries;
  /**
   * A COMPOSITE metric's definition in the reference's composite language, e.g.
   * `s("cpu.percent.user", {"environment": "prod"})`; null for a GAUGE. Stored as given: it is
   * not parsed or evaluated yet (a later feature evaluates composites).
   */
  composite?: Maybe<Scalars['String']['output']>;
  /** When the metric was created: by its first measurement or by `upsertMetric`; null for Prometheus metrics. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** What the metric measures; null when not set. */
  description?: Maybe<Scalars['String']['output']>;
  /** The name to show people; null when not set. */
  displayName?: Maybe<Scalars['String']['output']>;
  /** The tag (label) names of the metric's series, sorted: what a `tags` filter can name. */
  labelNames: Array<Scalars['String']['output']>;
  /** The values one tag (label) takes among the metric's series, sorted (at most 10,000). */
  labelValues: Array<Scalars['String']['output']>;
  /** The name: 1-255 of `a-z0-9.:-_` for a native metric; Prometheus's own for a Prometheus one. */
  name: Scalars['String']['output'];
  /** The standard reporting period in seconds; null when not set. */
  period?: Maybe<Scalars['Int']['output']>;
  /** GAUGE or COMPOSITE for a native metric; GAUGE, COUNTER, HISTOGRAM, SUMMARY or UNKNOWN for Prometheus. */
  type: MetricType;
  /** The unit Prometheus's metadata gives; null when none (and for native metrics: see `attributes`). */
  unit?: Maybe<Scalars['String']['output']>;
  /** When the metric's properties last changed; null for Prometheus metrics. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

/**
 * A metric of one backend. Native metrics (reference, "Metrics") have properties and attributes,
 * and case-insensitive names kept lower-cased; Prometheus metrics have their name as Prometheus
 * spells it, a type, and the help text of their metadata as `description`.
 */
export type MetricCalendarArgs = {
  calendar: Scalars['String']['input'];
  filter?: InputMaybe<Array<TagInput>>;
  observed: Observed;
  omitEmpty?: InputMaybe<Scalars['Boolean']['input']>;
  range: Scalars['String']['input'];
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

/**
 * A metric of one backend. Native metrics (reference, "Metrics") have properties and attributes,
 * and case-insensitive names kept lower-cased; Prometheus metrics have their name as Prometheus
 * spells it, a type, and the help text of their metadata as `description`.
 */
export type MetricLabelValuesArgs = {
  name: Scalars['String']['input'];
};

/**
 * A metric's display attributes (the reference's "Metric Attributes", named here in camelCase:
 * `display_max` is `displayMax`). A field is null when the attribute is not set.
 */
export type MetricAttributes = {
  __typename?: 'MetricAttributes';
  /**
   * Whether measurements with the same tag set are aggregated service-side over the metric's
   * `period` (60 seconds without one). Not set means false.
   */
  aggregate?: Maybe<Scalars['Boolean']['output']>;
  /** Default color when the metric is drawn: `#` and six hex digits, e.g. `#52D74C`. */
  color?: Maybe<Scalars['String']['output']>;
  /** The User-Agent of the client whose measurement created the metric. */
  createdByUa?: Maybe<Scalars['String']['output']>;
  /** A known theoretical maximum, so visualizations can show values relative to it. */
  displayMax?: Maybe<Scalars['Float']['output']>;
  /** A known theoretical minimum, so visualizations can show values relative to it. */
  displayMin?: Maybe<Scalars['Float']['output']>;
  /** Whether the metric's streams are drawn stacked. Not set means false. */
  displayStacked?: Maybe<Scalars['Boolean']['output']>;
  /** The unit in full, e.g. `Microseconds`; used for axis labels. */
  displayUnitsLong?: Maybe<Scalars['String']['output']>;
  /** The unit abbreviated, e.g. `uS`; used for tooltips. */
  displayUnitsShort?: Maybe<Scalars['String']['output']>;
  /** How values roll up to coarser intervals. Not set means AVERAGE. */
  summarizeFunction?: Maybe<SummarizeFunction>;
};

/**
 * Display attributes to set. An attribute left out stays as it is; one set to null is removed.
 * Text attributes have 1-255 characters.
 */
export type MetricAttributesInput = {
  /** Whether measurements are aggregated service-side over the metric's period. */
  aggregate?: InputMaybe<Scalars['Boolean']['input']>;
  /** `#` and six hex digits, e.g. `#52D74C`. */
  color?: InputMaybe<Scalars['String']['input']>;
  /** The User-Agent of the client that created the metric. */
  createdByUa?: InputMaybe<Scalars['String']['input']>;
  /** A known theoretical maximum. */
  displayMax?: InputMaybe<Scalars['Float']['input']>;
  /** A known theoretical minimum. */
  displayMin?: InputMaybe<Scalars['Float']['input']>;
  /** Whether the metric's streams are drawn stacked. */
  displayStacked?: InputMaybe<Scalars['Boolean']['input']>;
  /** The unit in full, e.g. `Microseconds`. */
  displayUnitsLong?: InputMaybe<Scalars['String']['input']>;
  /** The unit abbreviated, e.g. `uS`. */
  displayUnitsShort?: InputMaybe<Scalars['String']['input']>;
  /** How values roll up to coarser intervals. */
  summarizeFunction?: InputMaybe<SummarizeFunction>;
};

/** A page of metrics (a Relay connection). */
export type MetricConnection = {
  __typename?: 'MetricConnection';
  /** The metrics of this page, in the order asked for. */
  edges: Array<MetricEdge>;
  /** Whether more follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
  /** How many metrics match the `name` filter in all, on every page. */
  totalCount: Scalars['Int']['output'];
};

/** One metric of a page, with the cursor that marks its place. */
export type MetricEdge = {
  __typename?: 'MetricEdge';
  /** Pass as `after` to get the metrics that follow this one. */
  cursor: Scalars['String']['output'];
  /** The metric. */
  node: Metric;
};

/**
 * A metric's properties, to create it or change it. A field left out stays as it is (or gets its
 * default when the metric is created); one set to null is cleared.
 */
export type MetricInput = {
  /** Attributes to set, merged key by key into those the metric has. */
  attributes?: InputMaybe<MetricAttributesInput>;
  /**
   * The composite definition, 1-4096 characters: required for a COMPOSITE metric (unless it has
   * one already), refused for a GAUGE. Stored now, evaluated by a later feature.
   */
  composite?: InputMaybe<Scalars['String']['input']>;
  /** What the metric measures: 1-1024 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The name to show people: 1-255 characters. */
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** The standard reporting period in seconds: a whole number, at least 1. */
  period?: InputMaybe<Scalars['Int']['input']>;
  /**
   * GAUGE (the default) or COMPOSITE. Fixed once the metric exists: changing it is CONFLICT
   * (delete the metric and create it again).
   */
  type?: InputMaybe<MetricType>;
};

/** The order of a metric listing. */
export type MetricOrder =
  /** By name, A to Z (names are lower-case). */
  | 'NAME_ASC'
  /** By name, Z to A. */
  | 'NAME_DESC';

/**
 * A stored definition of a calendar-aggregated timeseries (the reference's *Metric Timeseries*,
 * `_type` VarMetricTimeSeries), to evaluate over any range later.
 */
export type MetricTimeseries = {
  __typename?: 'MetricTimeseries';
  /** The calendar code, e.g. `#PT1H` or `#P1M`. */
  calendar: Scalars['String']['output'];
  /** When the definition was created. */
  createdAt: Scalars['DateTime']['output'];
  /** What the timeseries shows; null when not set. */
  description?: Maybe<Scalars['String']['output']>;
  /** The tag filter (on usage record fields for `AlmanacRequest`); empty for every series. */
  filter: Array<Tag>;
  /** The definition's id, given at creation: 1-128 of `A-Za-z0-9._-`. */
  id: Scalars['ID']['output'];
  /** The metric to read, within the provider. */
  metric: Scalars['String']['output'];
  /** A name to show people; null when not set. */
  name?: Maybe<Scalars['String']['output']>;
  /** How each bucket's samples become its value. */
  observed: Observed;
  /** The provider: a backend id, or `AlmanacRequest` for Almanac's own usage metrics. */
  provider: Scalars['String']['output'];
  /** The IANA time zone the buckets follow unless an evaluation names another. */
  timeZone: Scalars['String']['output'];
  /** When the definition last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** The timeseries evaluated over `range` (see `Query.virtualTimeseries` for the grammar). */
  values: VirtualTimeseries;
};

/**
 * A stored definition of a calendar-aggregated timeseries (the reference's *Metric Timeseries*,
 * `_type` VarMetricTimeSeries), to evaluate over any range later.
 */
export type MetricTimeseriesValuesArgs = {
  omitEmpty?: InputMaybe<Scalars['Boolean']['input']>;
  range: Scalars['String']['input'];
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

/** A page of stored metric timeseries, by id (a Relay connection). */
export type MetricTimeseriesConnection = {
  __typename?: 'MetricTimeseriesConnection';
  /** The definitions of this page, by id. */
  edges: Array<MetricTimeseriesEdge>;
  /** Whether more follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
  /** How many definitions the tenant has in all. */
  totalCount: Scalars['Int']['output'];
};

/** One stored metric timeseries of a page, with its cursor. */
export type MetricTimeseriesEdge = {
  __typename?: 'MetricTimeseriesEdge';
  /** Pass as `after` to get the definitions that follow this one. */
  cursor: Scalars['String']['output'];
  /** The definition. */
  node: MetricTimeseries;
};

/**
 * A metric timeseries to create. `provider` and `metric` may also be given together as
 * `metric: "Provider/Metric"`.
 */
export type MetricTimeseriesInput = {
  /** A calendar code: `#PT{n}S`, `#PT{n}M`, `#PT{n}H`, `#P1D`, `#P1W`, `#P1M`, `#P3M` or `#P1Y`. */
  calendar: Scalars['String']['input'];
  /** What the timeseries shows: 1-1024 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Which series to aggregate: a tag filter with the rules of `SeriesQueryInput.tags`; at most 32 pairs. */
  filter?: InputMaybe<Array<TagInput>>;
  /** 1-128 of `A-Za-z0-9._-`, unique in the tenant. */
  id: Scalars['ID']['input'];
  /** The metric's name, or `Provider/Metric`. */
  metric: Scalars['String']['input'];
  /** A name to show people: 1-255 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** How each bucket's samples become its value. */
  observed: Observed;
  /** A backend id or `AlmanacRequest`; taken from `metric` when that is `Provider/Metric`. */
  provider?: InputMaybe<Scalars['String']['input']>;
  /** An IANA time zone, e.g. `Europe/Berlin`. */
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to a stored metric timeseries. A field left out stays as it is; `null` clears name or description. */
export type MetricTimeseriesPatch = {
  /** A new calendar code. */
  calendar?: InputMaybe<Scalars['String']['input']>;
  /** What the timeseries shows: 1-1024 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** A new tag filter, replacing the old one. */
  filter?: InputMaybe<Array<TagInput>>;
  /** A name to show people: 1-255 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** A new observed function. */
  observed?: InputMaybe<Observed>;
  /** A new IANA time zone. */
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

export type { MetricType };

/**
 * Properties to set on several metrics at once (the reference's bulk update). A field left out
 * stays as it is; one set to null is cleared. Type and composite definition are per metric:
 * change them with `upsertMetric`.
 */
export type MetricUpdateInput = {
  /** Attributes to set, merged key by key into each metric's own. */
  attributes?: InputMaybe<MetricAttributesInput>;
  /** What the metric measures: 1-1024 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The name to show people: 1-255 characters. */
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** The standard reporting period in seconds: a whole number, at least 1. */
  period?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * The entry point for writing. Each field says, with `@auth`, the access it needs; errors follow
 * the same conventions as for queries.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /** Creates an API token in the caller's tenant and returns its secret, shown this once. */
  createApiToken: CreatedApiToken;
  /** Creates an environment in the caller's tenant; CONFLICT when the name is taken. */
  createEnvironment: Environment;
  /**
   * Stores a metric timeseries definition. The metric need not exist yet. An id already taken is
   * CONFLICT. Needs RECORDER, like `upsertMetric`.
   */
  createMetricTimeseries: MetricTimeseries;
  /** Deletes a token; requests with it get 401 within a second or two. Returns true when it existed. */
  deleteApiToken: Scalars['Boolean']['output'];
  /** Deletes an environment; CONFLICT while tokens still belong to it. Returns true when it existed. */
  deleteEnvironment: Scalars['Boolean']['output'];
  /** Deletes a stored metric timeseries; false when there was none by that id. Needs RECORDER. */
  deleteMetricTimeseries: Scalars['Boolean']['output'];
  /**
   * Deletes metrics and every measurement stored for them, unrecoverably (the reference's
   * `DELETE /v1/metrics`): give either `names` or `pattern`, exactly one. Returns the names of the
   * metrics deleted; names that match no metric are skipped. A measurement sent afterwards creates
   * the metric anew. Needs ADMIN: it destroys data, and admins do deletions.
   */
  deleteMetrics: Array<Scalars['String']['output']>;
  /**
   * Resets the operational metrics the caller may see (as `operationalMetrics`), as if Almanac
   * had just started, and returns the values it reset. Reading and resetting are one atomic step:
   * a request counted meanwhile is in either this result or the next, never both, never neither.
   */
  resetOperationalMetrics: OperationalMetricsTree;
  /**
   * Stores a batch of measurements in the native store. Idempotent: sending the same batch
   * again changes nothing, and a measurement for a second that already has one replaces it.
   * Measurements written with a token of an environment get the tag `environment=<name>` unless
   * they carry one. Whole-batch problems (not a batch, more than 10,000 measurements, a number
   * above 1e126) are a BAD_USER_INPUT error; per-measurement problems are listed in `errors`.
   */
  submitMeasurements: MeasurementSubmission;
  /** Changes a token's name, role or active flag. */
  updateApiToken: ApiToken;
  /** Renames an environment; CONFLICT when the name is taken. */
  updateEnvironment: Environment;
  /** Changes a stored metric timeseries; NOT_FOUND when there is none by that id. Needs RECORDER. */
  updateMetricTimeseries: MetricTimeseries;
  /**
   * Sets the same properties on several existing metrics (the reference's `PUT /v1/metrics`):
   * give either `names` or `pattern`, exactly one. Names that match no metric are skipped; returns
   * the metrics updated, by name. Needs RECORDER, like `upsertMetric`: it changes metadata only.
   */
  updateMetrics: Array<Metric>;
  /**
   * Creates the metric, or changes the properties given when it exists (the reference's
   * `PUT /v1/metrics/:name`). Attributes are merged key by key. Needs RECORDER, as in the
   * reference any token that may write can create metrics (a recorder creates them anyway with
   * its first measurement); only metadata changes, never stored measurements.
   */
  upsertMetric: Metric;
};

/**
 * The entry point for writing. Each field says, with `@auth`, the access it needs; errors follow
 * the same conventions as for queries.
 */
export type MutationCreateApiTokenArgs = {
  input: CreateApiTokenInput;
};

/**
 * The entry point for writing. Each field says, with `@auth`, the access it needs; errors follow
 * the same conventions as for queries.
 */
export type MutationCreateEnvironmentArgs = {
  name: Scalars['String']['input'];
};

/**
 * The entry point for writing. Each field says, with `@auth`, the access it needs; errors follow
 * the same conventions as for queries.
 */
export type MutationCreateMetricTimeseriesArgs = {
  input: MetricTimeseriesInput;
};

/**
 * The entry point for writing. Each field says, with `@auth`, the access it needs; errors follow
 * the same conventions as for queries.
 */
export type MutationDeleteApiTokenArgs = {
  id: Scalars['ID']['input'];
};

/**
 * The entry point for writing. Each field says, with `@auth`, the access it needs; errors follow
 * the same conventions as for queries.
 */
export type MutationDeleteEnvironmentArgs = {
  id: Scalars['ID']['input'];
};

/**
 * The entry point for writing. Each field says, with `@auth`, the access it needs; errors follow
 * the same conventions as for queries.
 */
export type MutationDeleteMetricTimeseriesArgs = {
  id: Scalars['ID']['input'];
};

/**
 * The entry point for writing. Each field says, with `@auth`, the access it needs; errors follow
 * the same conventions as for queries.
 */
export type MutationDeleteMetricsArgs = {
  names?: InputMaybe<Array<Scalars['String']['input']>>;
  pattern?: InputMaybe<Scalars['String']['input']>;
};

/**
 * The entry point for writing. Each field says, with `@auth`, the access it needs; errors follow
 * the same conventions as for queries.
 */
export type MutationResetOperationalMetricsArgs = {
  service?: InputMaybe<Scalars['String']['input']>;
};

/**
 * The entry point for writing. Each field says, with `@auth`, the access it needs; errors follow
 * the same conventions as for queries.
 */
export type MutationSubmitMeasurementsArgs = {
  input: MeasurementBatchInput;
};

/**
 * The entry point for writing. Each field says, with `@auth`, the access it needs; errors follow
 * the same conventions as for queries.
 */
export type MutationUpdateApiTokenArgs = {
  id: Scalars['ID']['input'];
  input: UpdateApiTokenInput;
};

/**
 * The entry point for writing. Each field says, with `@auth`, the access it needs; errors follow
 * the same conventions as for queries.
 */
export type MutationUpdateEnvironmentArgs = {
  id: Scalars['ID']['input'];
  name: Scalars['String']['input'];
};

/**
 * The entry point for writing. Each field says, with `@auth`, the access it needs; errors follow
 * the same conventions as for queries.
 */
export type MutationUpdateMetricTimeseriesArgs = {
  id: Scalars['ID']['input'];
  patch: MetricTimeseriesPatch;
};

/**
 * The entry point for writing. Each field says, with `@auth`, the access it needs; errors follow
 * the same conventions as for queries.
 */
export type MutationUpdateMetricsArgs = {
  input: MetricUpdateInput;
  names?: InputMaybe<Array<Scalars['String']['input']>>;
  pattern?: InputMaybe<Scalars['String']['input']>;
};

/**
 * The entry point for writing. Each field says, with `@auth`, the access it needs; errors follow
 * the same conventions as for queries.
 */
export type MutationUpsertMetricArgs = {
  input: MetricInput;
  name: Scalars['String']['input'];
};

/** A sample of a column whose value a GraphQL Float cannot carry. */
export type NonFiniteSample = {
  __typename?: 'NonFiniteSample';
  /** The sample's index in `times` and `values`. */
  index: Scalars['Int']['output'];
  /** Which non-finite value it is. */
  value: NonFiniteValue;
};

/** A sample value that is not a finite number, which a GraphQL Float cannot carry. */
export type NonFiniteValue =
  /** Not a number, e.g. `0/0` or a ratio over an empty rate. */
  | 'NAN'
  /** Negative infinity, e.g. `-1/0`. */
  | 'NEGATIVE_INFINITY'
  /** Positive infinity, e.g. `1/0`. */
  | 'POSITIVE_INFINITY';

export type { Observed };

/**
 * The counters of one subservice, or their sums. Counts and byte totals are whole numbers,
 * typed Float because GraphQL's Int stops at 2^31 - 1. A counter with nothing recorded is 0.
 */
export type OperationalCounters = {
  __typename?: 'OperationalCounters';
  /** Alerts that fired. */
  alertsFired: Scalars['Float']['output'];
  /** Notifications that could not be delivered. */
  failedNotifications: Scalars['Float']['output'];
  /** Requests that failed: an HTTP status of 400 or above, or a GraphQL response with errors. */
  incomingTransactionErrors: Scalars['Float']['output'];
  /** Bytes of request bodies received (as declared by Content-Length). */
  incomingTransactionRequestSize: Scalars['Float']['output'];
  /** Bytes of response bodies sent. */
  incomingTransactionResponseSize: Scalars['Float']['output'];
  /** Requests served, whether they succeeded or failed. */
  incomingTransactions: Scalars['Float']['output'];
  /** Measurements accepted for storage. */
  measurementsAccepted: Scalars['Float']['output'];
  /** Measurements refused. */
  measurementsFailed: Scalars['Float']['output'];
  /** Notifications delivered. */
  okNotifications: Scalars['Float']['output'];
  /** Calls that failed: no answer, a timeout, or an error answer. */
  outgoingTransactionErrors: Scalars['Float']['output'];
  /** Bytes Almanac sent in those calls (for a GET, its path and query string). */
  outgoingTransactionRequestSize: Scalars['Float']['output'];
  /** Bytes of the responses Almanac received to those calls. */
  outgoingTransactionResponseSize: Scalars['Float']['output'];
  /** Calls Almanac made to backends (and, later, webhooks) to serve requests. */
  outgoingTransactions: Scalars['Float']['output'];
  /**
   * Average milliseconds to serve a request. At a sum it is the total time of every request below
   * divided by their number, not an average of averages. Null when no request was timed.
   */
  serviceTime?: Maybe<Scalars['Float']['output']>;
};

/** The operational metrics of one service (tenant). */
export type OperationalMetricsService = {
  __typename?: 'OperationalMetricsService';
  /** The service's name, as in the `Fiware-Service` header. */
  name: Scalars['String']['output'];
  /** One entry per subservice with recorded activity, sorted by name. */
  subservices: Array<OperationalMetricsSubservice>;
  /** Totals over every subservice of this service. */
  sum: OperationalCounters;
};

/** The operational metrics of one subservice of a service. */
export type OperationalMetricsSubservice = {
  __typename?: 'OperationalMetricsSubservice';
  /** The counters of this subservice. */
  counters: OperationalCounters;
  /**
   * The subservice as in the `Fiware-ServicePath` header, e.g. `/gardens/north`, or `/` for the
   * root. (The REST tree keys it without the leading slash, and `/` as `root-subserv`.)
   */
  name: Scalars['String']['output'];
};

/**
 * Operational metrics, with the semantics of the Perseo (and Orion) metrics API: counters per
 * service (a tenant, the `Fiware-Service` header) and subservice (the `Fiware-ServicePath`
 * header), summed per service and over all services. Shared by every replica. Only requests
 * made with credentials are counted. The same tree is served over REST at `/admin/metrics`.
 */
export type OperationalMetricsTree = {
  __typename?: 'OperationalMetricsTree';
  /** One entry per service with recorded activity, sorted by name. */
  services: Array<OperationalMetricsService>;
  /** Totals over every service in this tree. */
  sum: OperationalCounters;
};

/** Where a page ends, and whether another follows (Relay's PageInfo). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the page's last item, to pass as `after`; null for an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
};

export type { PartialResults };

/** One point of a series: a bucket of `resolution` seconds starting at `time`. */
export type Point = {
  __typename?: 'Point';
  /** Samples in the bucket; null for grouped series. */
  count?: Maybe<Scalars['Float']['output']>;
  /** First sample; null for grouped series. */
  first?: Maybe<Scalars['Float']['output']>;
  /** Last sample; null for grouped series. */
  last?: Maybe<Scalars['Float']['output']>;
  /** Largest sample; null for grouped series. */
  max?: Maybe<Scalars['Float']['output']>;
  /** Average of the samples; null for grouped series. */
  mean?: Maybe<Scalars['Float']['output']>;
  /** Smallest sample; null for grouped series. */
  min?: Maybe<Scalars['Float']['output']>;
  /** Population standard deviation; null for grouped series. */
  stddev?: Maybe<Scalars['Float']['output']>;
  /** Sum of the samples; null for grouped series. */
  sum?: Maybe<Scalars['Float']['output']>;
  /** Start of the bucket. */
  time: Scalars['DateTime']['output'];
  /** The bucket's value by the query's summary function; null for ALL. */
  value?: Maybe<Scalars['Float']['output']>;
};

export type { PrincipalKind };

/** The answer to a PromQL query, typed by Prometheus's `resultType`. */
export type PromResult = {
  __typename?: 'PromResult';
  /** The id of the backend that answered. */
  backend: Scalars['ID']['output'];
  /** What kind of result this is; it says which of the fields below are filled. */
  resultType: PromResultType;
  /** The value of a SCALAR result; null otherwise. */
  scalar?: Maybe<PromSample>;
  /** The series of a VECTOR or MATRIX result; empty for SCALAR and STRING. */
  series: Array<PromSeries>;
  /** The value of a STRING result; null otherwise. */
  string?: Maybe<Scalars['String']['output']>;
  /** Warnings Prometheus returned with the result (e.g. partial data from Thanos). */
  warnings: Array<Scalars['String']['output']>;
};

export type { PromResultType };

/** One sample of a PromQL result. */
export type PromSample = {
  __typename?: 'PromSample';
  /** Which non-finite value the sample holds; null for a finite value. */
  nonFinite?: Maybe<NonFiniteValue>;
  /** The value exactly as Prometheus wrote it: `0.5`, `NaN`, `+Inf`, `-Inf`. */
  text: Scalars['String']['output'];
  /** The sample's time (Prometheus evaluates to millisecond precision). */
  time: Scalars['DateTime']['output'];
  /** The value; null when it is NaN or infinite (see `nonFinite`). */
  value?: Maybe<Scalars['Float']['output']>;
};

/** One series of a vector or matrix result. */
export type PromSeries = {
  __typename?: 'PromSeries';
  /**
   * The same samples as parallel arrays, for long ranges and charts: no object per sample, so a
   * range of 10,000 samples costs a fraction of what `samples` does to serve and to parse.
   */
  columns: PromSeriesColumns;
  /** The series' labels other than `__name__`, sorted by name. */
  labels: Array<Tag>;
  /** The metric name (`__name__`); null when the query's functions dropped it. */
  metric?: Maybe<Scalars['String']['output']>;
  /** The samples, in time order: one for a vector. */
  samples: Array<PromSample>;
};

/** The samples of a series as parallel arrays; non-finite values are listed apart. */
export type PromSeriesColumns = {
  __typename?: 'PromSeriesColumns';
  /** The samples whose value is NaN or infinite, by their index in `times`; empty when there are none. */
  nonFinite: Array<NonFiniteSample>;
  /** Sample times in Unix seconds, with Prometheus's millisecond fraction. */
  times: Scalars['FloatColumn']['output'];
  /** Values aligned with `times`; null where the sample is NaN or infinite (see `nonFinite`). */
  values: Scalars['NullableFloatColumn']['output'];
};

/** A metric that a provider offers, as `listMetrics` lists them. */
export type ProviderMetric = {
  __typename?: 'ProviderMetric';
  /** What the metric measures; null when not known. */
  description?: Maybe<Scalars['String']['output']>;
  /** `Provider/Metric`, the form `virtualTimeseries` takes. */
  metric: Scalars['String']['output'];
  /** The metric's name within the provider. */
  name: Scalars['String']['output'];
  /** The provider: a backend id, or `AlmanacRequest`. */
  provider: Scalars['String']['output'];
};

/**
 * The entry point for reading. Every error carries `extensions.code` (a stable code such as
 * `BAD_USER_INPUT`, `NOT_FOUND`, `BACKEND_UNAVAILABLE`) and `extensions.requestId`, the id
 * that also appears in the server's logs and in the `x-request-id` response header.
 */
export type Query = {
  __typename?: 'Query';
  /** One API token by id; null when the tenant has none with that id. */
  apiToken?: Maybe<ApiToken>;
  /** The tenant's API tokens, by name; `name` filters with `*` and `?` wildcards (e.g. `*collector*`). */
  apiTokens: Array<ApiToken>;
  /** One backend by id; null when no backend has that id. */
  backend?: Maybe<Backend>;
  /** Every configured backend, in configuration order. */
  backends: Array<Backend>;
  /** One environment by id; null when the tenant has none with that id. */
  environment?: Maybe<Environment>;
  /** The tenant's environments, by name; `name` filters with `*` and `?` wildcards. */
  environments: Array<Environment>;
  /**
   * The metrics a provider offers (the reference's `listMetrics` function): for `AlmanacRequest`,
   * ReadRequests, ReadRequestDuration, ReadRequestResponseSize, WriteRequests and DeleteRequests;
   * for a backend id, the names of that backend's metrics. NOT_FOUND for an unknown provider.
   */
  listMetrics: Array<ProviderMetric>;
  /**
   * One metric by name: the native store's (case-insensitive), or with `backend` that backend's
   * (exact name for Prometheus); null when there is none by that name.
   */
  metric?: Maybe<Metric>;
  /** One stored metric timeseries by id; null when the tenant has none by that id. */
  metricTimeseries?: Maybe<MetricTimeseries>;
  /** The tenant's stored metric timeseries by id, a page at a time. */
  metricTimeseriesList: MetricTimeseriesConnection;
  /**
   * The metrics of every backend (or of one), merged by name and then backend, a page at a time:
   * the tenant's native metrics and every Prometheus backend's. A backend that cannot be listed
   * — down, timed out, refusing or answering nonsense — costs only its own metrics: they are
   * missing, and an error with `extensions.code` BACKEND_UNAVAILABLE or BACKEND_QUERY_FAILED and
   * `extensions.backend` comes beside the rest (see `partial`).
   */
  metrics: MetricConnection;
  /**
   * The operational metrics tree. The operator (ADMIN_API_KEY) sees every service; a tenant's
   * admin token sees only its own service. Others get FORBIDDEN.
   */
  operationalMetrics: OperationalMetricsTree;
  /**
   * An instant PromQL query (`/api/v1/query`), sent as written to a Prometheus-API backend, for
   * what the typed fields do not cover: `count without (job,api)(probe_success)`,
   * `histogram_quantile(0.95, sum by (le, api) (rate(http_duration_seconds_bucket[5m])))`.
   * Prometheus's errors come back with `extensions.code` BAD_USER_INPUT (or BACKEND_UNAVAILABLE
   * when it timed out or is down) and `extensions.errorType` as Prometheus gave it (`bad_data`,
   * `execution`, `timeout`, ...).
   */
  promql: PromResult;
  /**
   * A range PromQL query (`/api/v1/query_range`): the expression evaluated every `step` seconds
   * from `start` to `end`. At most 11,000 steps, as Prometheus allows.
   */
  promqlRange: PromResult;
  /**
   * A metric's series from the native store and Prometheus backends, filtered, summarized and
   * grouped as the reference's measurement queries. Identical queries within one request are
   * answered once (aliases of the same query cost one backend call). A backend that fails costs
   * only its own series, reported beside the others' (see `partial`).
   */
  series: SeriesResult;
  /** Facts about this Almanac server: its version and how long it has been running. */
  serverInfo: ServerInfo;
  /** One usage record by id; null when the tenant has none by that id (or it has expired). Needs ADMIN. */
  usageMetric?: Maybe<UsageRecord>;
  /**
   * The tenant's usage records, newest first, a page at a time (the reference's `GET /metric/v1`).
   * A record appears once written, within about `usage.flushIntervalMs` of its response. One call
   * examines at most 20,000 records: a filter that matches few may return a shorter page with
   * `hasNextPage` true, to be continued from `endCursor`. Needs ADMIN: records name who made each
   * request.
   */
  usageMetrics: UsageRecordConnection;
  /** Who this request is authenticated as; null for anonymous requests. */
  viewer?: Maybe<Viewer>;
  /**
   * A metric read as a calendar-aggregated timeseries, computed on the fly (the reference's
   * *virtual metric timeseries*). Example: the monthly totals of a metric in Berlin this year,
   * `virtualTimeseries(metric: "native/requests", calendar: "#P1M", observed: SUMMED,
   * range: "from(T/Y)", timeZone: "Europe/Berlin")`.
   *
   * **Calendars**: `#PT{n}S`, `#PT{n}M`, `#PT{n}H` (fixed intervals that divide a day, aligned to
   * local midnight), `#P1D`, `#P1W` (ISO weeks from Monday), `#P1M`, `#P3M` (quarters), `#P1Y`.
   * Buckets follow local time: a day lasts 23 or 25 hours when clocks change. An hour that a clock
   * change skips has no bucket; one it repeats has two buckets with the same label.
   *
   * **Ranges** (grammar; whitespace allowed around `(`, `,`, `)`):
   *
   *     range    = date | relative-period | from | between
   *     from     = "from(" time ")" [ "to(" time ")" ]
   *     between  = "between(" time "," time ")"
   *     time     = date | date-time | relative
   *     date     = YYYY | YYYY-MM | YYYY-MM-DD          (a local period)
   *     date-time= YYYY-MM-DDThh:mm[:ss[.fff]][Z|±hh:mm] (no offset: local time)
   *     relative = "T" { step }                         (T is now)
   *     step     = ("+"|"-") number unit ...            (move: T-1D, T-1Y2M)
   *              | ["+"|"-"] unit number                (set a field: T-1Dh0m0s0)
   *              | "/" unit                             (snap to the unit's start: T/M)
   *     unit     = Y | Q | M | W | D | h | m | s        (M month, m minute)
   *
   * A date or a relative time ending in a snap names a whole period (`2024-11-20` is that local
   * day, `T-1M/M` last month). `from(X)` runs from X to now; `between(X, Y)` and `from(X) to(Y)`
   * run from X to the end of Y, where a period Y counts in full and an instant Y is excluded, so
   * the reference's `between(T-1Dh0m0s0, T-1Dh23m59s59)` stops a second before midnight and
   * `T-1D/D` is the whole of yesterday. Errors give the column and what was expected.
   */
  virtualTimeseries: VirtualTimeseries;
};

/**
 * The entry point for reading. Every error carries `extensions.code` (a stable code such as
 * `BAD_USER_INPUT`, `NOT_FOUND`, `BACKEND_UNAVAILABLE`) and `extensions.requestId`, the id
 * that also appears in the server's logs and in the `x-request-id` response header.
 */
export type QueryApiTokenArgs = {
  id: Scalars['ID']['input'];
};

/**
 * The entry point for reading. Every error carries `extensions.code` (a stable code such as
 * `BAD_USER_INPUT`, `NOT_FOUND`, `BACKEND_UNAVAILABLE`) and `extensions.requestId`, the id
 * that also appears in the server's logs and in the `x-request-id` response header.
 */
export type QueryApiTokensArgs = {
  name?: InputMaybe<Scalars['String']['input']>;
};

/**
 * The entry point for reading. Every error carries `extensions.code` (a stable code such as
 * `BAD_USER_INPUT`, `NOT_FOUND`, `BACKEND_UNAVAILABLE`) and `extensions.requestId`, the id
 * that also appears in the server's logs and in the `x-request-id` response header.
 */
export type QueryBackendArgs = {
  id: Scalars['ID']['input'];
};

/**
 * The entry point for reading. Every error carries `extensions.code` (a stable code such as
 * `BAD_USER_INPUT`, `NOT_FOUND`, `BACKEND_UNAVAILABLE`) and `extensions.requestId`, the id
 * that also appears in the server's logs and in the `x-request-id` response header.
 */
export type QueryEnvironmentArgs = {
  id: Scalars['ID']['input'];
};

/**
 * The entry point for reading. Every error carries `extensions.code` (a stable code such as
 * `BAD_USER_INPUT`, `NOT_FOUND`, `BACKEND_UNAVAILABLE`) and `extensions.requestId`, the id
 * that also appears in the server's logs and in the `x-request-id` response header.
 */
export type QueryEnvironmentsArgs = {
  name?: InputMaybe<Scalars['String']['input']>;
};

/**
 * The entry point for reading. Every error carries `extensions.code` (a stable code such as
 * `BAD_USER_INPUT`, `NOT_FOUND`, `BACKEND_UNAVAILABLE`) and `extensions.requestId`, the id
 * that also appears in the server's logs and in the `x-request-id` response header.
 */
export type QueryListMetricsArgs = {
  provider: Scalars['String']['input'];
};

/**
 * The entry point for reading. Every error carries `extensions.code` (a stable code such as
 * `BAD_USER_INPUT`, `NOT_FOUND`, `BACKEND_UNAVAILABLE`) and `extensions.requestId`, the id
 * that also appears in the server's logs and in the `x-request-id` response header.
 */
export type QueryMetricArgs = {
  backend?: InputMaybe<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
};

/**
 * The entry point for reading. Every error carries `extensions.code` (a stable code such as
 * `BAD_USER_INPUT`, `NOT_FOUND`, `BACKEND_UNAVAILABLE`) and `extensions.requestId`, the id
 * that also appears in the server's logs and in the `x-request-id` response header.
 */
export type QueryMetricTimeseriesArgs = {
  id: Scalars['ID']['input'];
};

/**
 * The entry point for reading. Every error carries `extensions.code` (a stable code such as
 * `BAD_USER_INPUT`, `NOT_FOUND`, `BACKEND_UNAVAILABLE`) and `extensions.requestId`, the id
 * that also appears in the server's logs and in the `x-request-id` response header.
 */
export type QueryMetricTimeseriesListArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * The entry point for reading. Every error carries `extensions.code` (a stable code such as
 * `BAD_USER_INPUT`, `NOT_FOUND`, `BACKEND_UNAVAILABLE`) and `extensions.requestId`, the id
 * that also appears in the server's logs and in the `x-request-id` response header.
 */
export type QueryMetricsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  backend?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  orderBy?: InputMaybe<MetricOrder>;
  partial?: InputMaybe<PartialResults>;
};

/**
 * The entry point for reading. Every error carries `extensions.code` (a stable code such as
 * `BAD_USER_INPUT`, `NOT_FOUND`, `BACKEND_UNAVAILABLE`) and `extensions.requestId`, the id
 * that also appears in the server's logs and in the `x-request-id` response header.
 */
export type QueryOperationalMetricsArgs = {
  service?: InputMaybe<Scalars['String']['input']>;
};

/**
 * The entry point for reading. Every error carries `extensions.code` (a stable code such as
 * `BAD_USER_INPUT`, `NOT_FOUND`, `BACKEND_UNAVAILABLE`) and `extensions.requestId`, the id
 * that also appears in the server's logs and in the `x-request-id` response header.
 */
export type QueryPromqlArgs = {
  backend?: InputMaybe<Scalars['ID']['input']>;
  query: Scalars['String']['input'];
  time?: InputMaybe<Scalars['String']['input']>;
};

/**
 * The entry point for reading. Every error carries `extensions.code` (a stable code such as
 * `BAD_USER_INPUT`, `NOT_FOUND`, `BACKEND_UNAVAILABLE`) and `extensions.requestId`, the id
 * that also appears in the server's logs and in the `x-request-id` response header.
 */
export type QueryPromqlRangeArgs = {
  backend?: InputMaybe<Scalars['ID']['input']>;
  end?: InputMaybe<Scalars['String']['input']>;
  query: Scalars['String']['input'];
  start: Scalars['String']['input'];
  step: Scalars['Int']['input'];
};

/**
 * The entry point for reading. Every error carries `extensions.code` (a stable code such as
 * `BAD_USER_INPUT`, `NOT_FOUND`, `BACKEND_UNAVAILABLE`) and `extensions.requestId`, the id
 * that also appears in the server's logs and in the `x-request-id` response header.
 */
export type QuerySeriesArgs = {
  partial?: InputMaybe<PartialResults>;
  query: SeriesQueryInput;
};

/**
 * The entry point for reading. Every error carries `extensions.code` (a stable code such as
 * `BAD_USER_INPUT`, `NOT_FOUND`, `BACKEND_UNAVAILABLE`) and `extensions.requestId`, the id
 * that also appears in the server's logs and in the `x-request-id` response header.
 */
export type QueryUsageMetricArgs = {
  id: Scalars['ID']['input'];
};

/**
 * The entry point for reading. Every error carries `extensions.code` (a stable code such as
 * `BAD_USER_INPUT`, `NOT_FOUND`, `BACKEND_UNAVAILABLE`) and `extensions.requestId`, the id
 * that also appears in the server's logs and in the `x-request-id` response header.
 */
export type QueryUsageMetricsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UsageFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  range?: InputMaybe<Scalars['String']['input']>;
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

/**
 * The entry point for reading. Every error carries `extensions.code` (a stable code such as
 * `BAD_USER_INPUT`, `NOT_FOUND`, `BACKEND_UNAVAILABLE`) and `extensions.requestId`, the id
 * that also appears in the server's logs and in the `x-request-id` response header.
 */
export type QueryVirtualTimeseriesArgs = {
  calendar: Scalars['String']['input'];
  filter?: InputMaybe<Array<TagInput>>;
  metric: Scalars['String']['input'];
  observed: Observed;
  omitEmpty?: InputMaybe<Scalars['Boolean']['input']>;
  range: Scalars['String']['input'];
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

export type { Role };

/** One series (stream): its tags, and its points in time order. */
export type Series = {
  __typename?: 'Series';
  /** The id of the backend the series comes from; for a group of several backends' series, their ids joined by `,`. */
  backend: Scalars['ID']['output'];
  /** Points as parallel arrays. */
  columns: SeriesColumns;
  /** Points as objects. */
  points: Array<Point>;
  /** The series' tags sorted by name; for a group, the group's tags (none for `*`). */
  tags: Array<Tag>;
};

/** The same points as parallel arrays: cheap to send and to chart, with no per-point objects. */
export type SeriesColumns = {
  __typename?: 'SeriesColumns';
  /** Bucket starts, in Unix seconds. */
  times: Scalars['FloatColumn']['output'];
  /** Values, aligned with `times`; null where `value` is null. */
  values: Scalars['NullableFloatColumn']['output'];
};

/** A page of series. */
export type SeriesPage = {
  __typename?: 'SeriesPage';
  /** Cursor of the last series of this page; pass it as `after`. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more series follow. */
  hasNextPage: Scalars['Boolean']['output'];
  /** The series of this page. */
  nodes: Array<Series>;
  /** Series matching in all. */
  totalCount: Scalars['Int']['output'];
};

/**
 * A series query on any backend: the native store, or a Prometheus-API server (Prometheus, Thanos
 * Query, Mimir, VictoriaMetrics), with the same inputs. Without `backend`, every backend that can
 * have the metric answers and the series are merged, each naming its `backend`; a backend that is
 * down costs only its own series (an error with `extensions.code` BACKEND_UNAVAILABLE and
 * `extensions.backend` comes beside the others' data). Time window: give `start` and/or `end` and/or `duration`
 * (at most two; `end` defaults to now). Series filter: `tags` or `tagsSearch`, not both.
 *
 * `tags` (the reference's `tags`): a list of `{name, value}` pairs. Values are patterns with `*`;
 * the same name repeated means OR, different names AND; a value starting with `!` negates it and
 * requires the tag; name `!host` (value `*` or empty) means "no host tag"; none, or name `*`,
 * means every series.
 *
 * `tagsSearch` (the reference's `tags_search`), e.g. `region=us-east* and db=*prod*`:
 *
 *     search     = or-expr ;
 *     or-expr    = and-expr , { "or" , and-expr } ;
 *     and-expr   = unary , { "and" , unary } ;
 *     unary      = "not" , unary | "(" , or-expr , ")" | comparison ;
 *     comparison = operand , ( "=" | "!=" ) , operand ;    (* tag name, then value pattern *)
 *     operand    = word | '"' , characters with \" and \\ escapes , '"' ;
 *
 * Keywords are case-insensitive; `name=*` means the tag is present; `name!=p` requires the tag.
 * Syntax errors say where: `at 14: expected ")" but found end of input`.
 */
export type SeriesQueryInput = {
  /** Read only this backend (an id as in `backends { id }`); every backend that can have the metric when left out. */
  backend?: InputMaybe<Scalars['ID']['input']>;
  /**
   * How a Prometheus counter is read: RAW summarizes its samples like any series; INCREASE gives
   * the increase within each bucket and RATE the per-second rate (PromQL's `increase` and `rate`,
   * which handle counter resets). Native series ignore it (use DERIVATIVE with `detectReset`).
   */
  counter?: InputMaybe<CounterMode>;
  /** With DERIVATIVE: read a drop as a counter reset (the value is then the new reading). */
  detectReset?: InputMaybe<Scalars['Boolean']['input']>;
  /** Length of the window in seconds, counted back from `end` (or forward from `start`). */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** End of the window (exclusive); default now. */
  end?: InputMaybe<Scalars['DateTime']['input']>;
  /** Tag names to group series by; only series carrying all of them are returned. `["*"]` combines every series into one. */
  groupBy?: InputMaybe<Array<Scalars['String']['input']>>;
  /** How grouped series are combined; default SUM. */
  groupByFunction?: InputMaybe<GroupByFunction>;
  /** The metric's name (case-insensitive on the native store, exact on Prometheus). */
  metric: Scalars['String']['input'];
  /**
   * Seconds per point; point times are floored to it. Must be a multiple of a stored level's
   * grain that still holds the window (raw: any; then 900, 3600, 86400). When left out, the finest
   * level that keeps each series under the point limit is chosen, and `resolution` says which.
   */
  resolution?: InputMaybe<Scalars['Int']['input']>;
  /** Start of the window (inclusive). */
  start?: InputMaybe<Scalars['DateTime']['input']>;
  /** How each bucket becomes one number; default the metric's summarizeFunction attribute, else MEAN. */
  summaryFunction?: InputMaybe<SummaryFunction>;
  /** Tag filter (see the input's description). */
  tags?: InputMaybe<Array<TagInput>>;
  /** Tag search expression (see the input's description). */
  tagsSearch?: InputMaybe<Scalars['String']['input']>;
};

/** The answer to a series query. */
export type SeriesResult = {
  __typename?: 'SeriesResult';
  /** End of the window. */
  end: Scalars['DateTime']['output'];
  /** The stored level read: RAW, or the rollup grain in seconds (900, 3600, 86400); RAW when only Prometheus answered. */
  level: Scalars['String']['output'];
  /** The metric queried. */
  metric: Scalars['String']['output'];
  /** Seconds per point actually used. */
  resolution: Scalars['Int']['output'];
  /** Series matching the query, sorted by their tag pairs. */
  series: SeriesPage;
  /** Start of the window. */
  start: Scalars['DateTime']['output'];
  /** The summary function used. */
  summaryFunction: SummaryFunction;
};

/** The answer to a series query. */
export type SeriesResultSeriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Facts about the Almanac server that answered the request. */
export type ServerInfo = {
  __typename?: 'ServerInfo';
  /** When this server process started. */
  startedAt: Scalars['DateTime']['output'];
  /** Seconds since this server process started. */
  uptimeSeconds: Scalars['Float']['output'];
  /** The Almanac release, as in its package (semantic versioning). */
  version: Scalars['String']['output'];
};

export type { SummarizeFunction };

export type { SummaryFunction };

/** A tag pair, as stored (lower-cased). */
export type Tag = {
  __typename?: 'Tag';
  /** The tag name. */
  name: Scalars['String']['output'];
  /** The tag value. */
  value: Scalars['String']['output'];
};

/** A tag: one dimension of a series, e.g. `{ name: "region", value: "us-east" }`. */
export type TagInput = {
  /** 1-64 letters, digits and `-.:_`; stored lower-cased. */
  name: Scalars['String']['input'];
  /** 1-255 letters, digits, spaces and `-.:_?\/`; stored lower-cased. */
  value: Scalars['String']['input'];
};

/** Changes to an API token; fields left out stay as they are. */
export type UpdateApiTokenInput = {
  /** False deactivates the token (requests with it get 401); true reactivates it. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** A new name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** A new role. */
  role?: InputMaybe<Role>;
};

/** Which usage records to return: every field given must match exactly. */
export type UsageFilter = {
  /** `read`, `write` or `delete`. */
  action?: InputMaybe<Scalars['String']['input']>;
  /** The application, e.g. `api` or a client's `apollographql-client-name`. */
  application?: InputMaybe<Scalars['String']['input']>;
  /** The environment of the token. */
  environment?: InputMaybe<Scalars['String']['input']>;
  /** The HTTP status code. */
  httpstatus?: InputMaybe<Scalars['Int']['input']>;
  /** The request's id. */
  invocationId?: InputMaybe<Scalars['String']['input']>;
  /** The HTTP method, lower-cased. */
  method?: InputMaybe<Scalars['String']['input']>;
  /** The root field or REST route. */
  service?: InputMaybe<Scalars['String']['input']>;
  /** The type of metric (`api`). */
  type?: InputMaybe<Scalars['String']['input']>;
  /** The token name, or `anonymous`. */
  user?: InputMaybe<Scalars['String']['input']>;
};

/**
 * One request served by Almanac, as a usage record (the OpenDataDSL reference's *Metric entity*).
 * Every GraphQL request to `/graphql` and every REST request to `/v1/...` and `/admin/...`
 * produces one in its tenant, written off the request path; probes (`/healthz`, `/readyz`),
 * `/metrics`, GraphiQL's page and `OPTIONS` requests do not. Anonymous requests that were served
 * are recorded in the default tenant; requests refused before their tenant is known (bad
 * credentials, bad tenant headers) are not recorded. Records are kept for `usage.retentionDays`
 * (30 by default).
 */
export type UsageRecord = {
  __typename?: 'UsageRecord';
  /** What the request did: `read`, `write` or `delete`. */
  action: Scalars['String']['output'];
  /**
   * The application that sent the request: the `apollographql-client-name` header, or `api` when
   * the request does not name one.
   */
  application: Scalars['String']['output'];
  /**
   * More about the request: the GraphQL operation's name and every root field it asked for, or
   * the REST route.
   */
  detail: Scalars['String']['output'];
  /** How long the request took to serve, in milliseconds. */
  duration: Scalars['Float']['output'];
  /** The environment of the token that made the request; null when it has none. */
  environment?: Maybe<Scalars['String']['output']>;
  /** The HTTP status code of the response. */
  httpstatus: Scalars['Int']['output'];
  /** The record's unique id (the reference's `_id`). */
  id: Scalars['ID']['output'];
  /** The request's id: the `x-request-id` header of the response and the id in the logs. */
  invocationId: Scalars['String']['output'];
  /** The HTTP method, lower-cased: `get`, `post`, ... */
  method: Scalars['String']['output'];
  /** The size of the response body in bytes. */
  responseSize: Scalars['Int']['output'];
  /**
   * The service called: the GraphQL root field (e.g. `series`, `upsertMetric`) — the first in
   * alphabetical order, when an operation asks for several — or the REST route (e.g.
   * `/v1/measurements`; `unknown` for a path that matches no route, and `/graphql` for a GraphQL
   * request that failed to parse or validate).
   */
  service: Scalars['String']['output'];
  /** When the request was received. */
  timestamp: Scalars['DateTime']['output'];
  /** The type of metric: always `api` for requests. */
  type: Scalars['String']['output'];
  /** Who made the request: the token's name (JWT subject, `admin` for the operator), or `anonymous`. */
  user: Scalars['String']['output'];
  /** The value of the metric: 1, one request. */
  value: Scalars['Int']['output'];
};

/** A page of usage records, newest first (a Relay connection). */
export type UsageRecordConnection = {
  __typename?: 'UsageRecordConnection';
  /** The records of this page, newest first. */
  edges: Array<UsageRecordEdge>;
  /** Whether more follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
};

/** One usage record of a page, with its cursor. */
export type UsageRecordEdge = {
  __typename?: 'UsageRecordEdge';
  /** Pass as `after` to get the records that follow this one. */
  cursor: Scalars['String']['output'];
  /** The record. */
  node: UsageRecord;
};

/** Who the request is authenticated as, and in which tenant scope. */
export type Viewer = {
  __typename?: 'Viewer';
  /** The environment of the token, if it belongs to one. */
  environment?: Maybe<Scalars['String']['output']>;
  /** How the request authenticated: OPERATOR (the bootstrap ADMIN_API_KEY), TOKEN, JWT or ANONYMOUS. */
  kind: PrincipalKind;
  /** The token's name, the JWT subject, `admin` for the operator, or `anonymous`. */
  name: Scalars['String']['output'];
  /** The role; null for anonymous requests. */
  role?: Maybe<Role>;
  /** The subservice (Fiware-ServicePath) inside the tenant; `/` when none was named. */
  subservice: Scalars['String']['output'];
  /** The tenant (the reference's service) the request is confined to. */
  tenant: Scalars['String']['output'];
};

/**
 * A metric read as a calendar-aggregated timeseries: the buckets of a calendar in a time zone
 * over a range, each with one observed value. Samples of every series that matches the filter are
 * aggregated together, as the reference aggregates every metric record of a provider.
 */
export type VirtualTimeseries = {
  __typename?: 'VirtualTimeseries';
  /** The calendar code, e.g. `#P1M`. */
  calendar: Scalars['String']['output'];
  /**
   * False when some bucket needed a stored level past its retention (e.g. a quarter-hour edge of a
   * day in a +05:30 zone older than the 15-minute rollups are kept): such buckets lack those
   * samples. True otherwise.
   */
  complete: Scalars['Boolean']['output'];
  /** Where the range ends (exclusive). */
  end: Scalars['ZonedDateTime']['output'];
  /**
   * Which stored levels composed the buckets, coarsest first, joined by `,`: rollup grains in
   * seconds (`86400`, `3600`, `900`) and `RAW`. A bucket is read as whole UTC days in its middle
   * and finer levels only at edges that a day does not divide (a Berlin month is days plus an hour
   * or two at each end); `NONE` when nothing was read.
   */
  level: Scalars['String']['output'];
  /** The metric as `Provider/Metric`: the backend id (or `AlmanacRequest`) and the metric name. */
  metric: Scalars['String']['output'];
  /** How each bucket's samples became its value. */
  observed: Observed;
  /**
   * The buckets in time order, whole: the first may start before the range and the last end after
   * it, since a bucket is never clipped.
   */
  points: Array<CalendarPoint>;
  /** How many series matched the filter and were aggregated. */
  seriesCount: Scalars['Int']['output'];
  /** Where the range starts (inclusive). */
  start: Scalars['ZonedDateTime']['output'];
  /** The IANA time zone the buckets follow. */
  timeZone: Scalars['String']['output'];
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<
  TResult,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<
  TResult,
  TKey extends string,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo,
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  obj: T,
  context: TContext,
  info: GraphQLResolveInfo,
) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<
  TResult = Record<PropertyKey, never>,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => TResult | Promise<TResult>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Access: Access;
  ApiToken: ResolverTypeWrapper<ApiTokenModel>;
  Backend: ResolverTypeWrapper<BackendModel>;
  BackendHealth: ResolverTypeWrapper<BackendHealthModel>;
  BackendKind: BackendKind;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CalendarPoint: ResolverTypeWrapper<CalendarValueModel>;
  CircuitState: CircuitState;
  CounterMode: CounterMode;
  CreateApiTokenInput: CreateApiTokenInput;
  CreatedApiToken: ResolverTypeWrapper<Omit<CreatedApiToken, 'token'> & { token: ResolversTypes['ApiToken'] }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Environment: ResolverTypeWrapper<EnvironmentModel>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  FloatColumn: ResolverTypeWrapper<Scalars['FloatColumn']['output']>;
  GroupByFunction: GroupByFunction;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  MeasurementBatchInput: MeasurementBatchInput;
  MeasurementError: ResolverTypeWrapper<MeasurementError>;
  MeasurementInput: MeasurementInput;
  MeasurementSubmission: ResolverTypeWrapper<MeasurementSubmission>;
  MeasurementSummary: ResolverTypeWrapper<MeasurementSummary>;
  Metric: ResolverTypeWrapper<MetricViewModel>;
  MetricAttributes: ResolverTypeWrapper<MetricAttributesModel>;
  MetricAttributesInput: MetricAttributesInput;
  MetricConnection: ResolverTypeWrapper<
    Omit<MetricConnection, 'edges'> & { edges: Array<ResolversTypes['MetricEdge']> }
  >;
  MetricEdge: ResolverTypeWrapper<Omit<MetricEdge, 'node'> & { node: ResolversTypes['Metric'] }>;
  MetricInput: MetricInput;
  MetricOrder: MetricOrder;
  MetricTimeseries: ResolverTypeWrapper<MetricTimeseriesRecordModel>;
  MetricTimeseriesConnection: ResolverTypeWrapper<
    Omit<MetricTimeseriesConnection, 'edges'> & { edges: Array<ResolversTypes['MetricTimeseriesEdge']> }
  >;
  MetricTimeseriesEdge: ResolverTypeWrapper<
    Omit<MetricTimeseriesEdge, 'node'> & { node: ResolversTypes['MetricTimeseries'] }
  >;
  MetricTimeseriesInput: MetricTimeseriesInput;
  MetricTimeseriesPatch: MetricTimeseriesPatch;
  MetricType: MetricType;
  MetricUpdateInput: MetricUpdateInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NonFiniteSample: ResolverTypeWrapper<NonFiniteSample>;
  NonFiniteValue: NonFiniteValue;
  NullableFloatColumn: ResolverTypeWrapper<Scalars['NullableFloatColumn']['output']>;
  Observed: Observed;
  OperationalCounters: ResolverTypeWrapper<RawTotalsModel>;
  OperationalMetricsService: ResolverTypeWrapper<ServiceMetricsModel>;
  OperationalMetricsSubservice: ResolverTypeWrapper<SubserviceMetricsModel>;
  OperationalMetricsTree: ResolverTypeWrapper<OperationalMetricsModel>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PartialResults: PartialResults;
  Point: ResolverTypeWrapper<ValuePointModel>;
  PrincipalKind: PrincipalKind;
  PromResult: ResolverTypeWrapper<PromResultModel>;
  PromResultType: PromResultType;
  PromSample: ResolverTypeWrapper<PromSampleModel>;
  PromSeries: ResolverTypeWrapper<PromSeriesModel>;
  PromSeriesColumns: ResolverTypeWrapper<PromSeriesModel>;
  ProviderMetric: ResolverTypeWrapper<ProviderMetric>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Role: Role;
  Series: ResolverTypeWrapper<ResultSeriesModel>;
  SeriesColumns: ResolverTypeWrapper<SeriesColumns>;
  SeriesPage: ResolverTypeWrapper<Omit<SeriesPage, 'nodes'> & { nodes: Array<ResolversTypes['Series']> }>;
  SeriesQueryInput: SeriesQueryInput;
  SeriesResult: ResolverTypeWrapper<SeriesQueryResultModel>;
  ServerInfo: ResolverTypeWrapper<ServerInfoModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  SummarizeFunction: SummarizeFunction;
  SummaryFunction: SummaryFunction;
  Tag: ResolverTypeWrapper<TagTupleModel>;
  TagInput: TagInput;
  UpdateApiTokenInput: UpdateApiTokenInput;
  UsageFilter: UsageFilter;
  UsageRecord: ResolverTypeWrapper<UsageRecordModel>;
  UsageRecordConnection: ResolverTypeWrapper<
    Omit<UsageRecordConnection, 'edges'> & { edges: Array<ResolversTypes['UsageRecordEdge']> }
  >;
  UsageRecordEdge: ResolverTypeWrapper<Omit<UsageRecordEdge, 'node'> & { node: ResolversTypes['UsageRecord'] }>;
  Viewer: ResolverTypeWrapper<RequestScopeModel>;
  VirtualTimeseries: ResolverTypeWrapper<VirtualTimeseriesModel>;
  ZonedDateTime: ResolverTypeWrapper<Scalars['ZonedDateTime']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  ApiToken: ApiTokenModel;
  Backend: BackendModel;
  BackendHealth: BackendHealthModel;
  Boolean: Scalars['Boolean']['output'];
  CalendarPoint: CalendarValueModel;
  CreateApiTokenInput: CreateApiTokenInput;
  CreatedApiToken: Omit<CreatedApiToken, 'token'> & { token: ResolversParentTypes['ApiToken'] };
  DateTime: Scalars['DateTime']['output'];
  Environment: EnvironmentModel;
  Float: Scalars['Float']['output'];
  FloatColumn: Scalars['FloatColumn']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  JSON: Scalars['JSON']['output'];
  MeasurementBatchInput: MeasurementBatchInput;
  MeasurementError: MeasurementError;
  MeasurementInput: MeasurementInput;
  MeasurementSubmission: MeasurementSubmission;
  MeasurementSummary: MeasurementSummary;
  Metric: MetricViewModel;
  MetricAttributes: MetricAttributesModel;
  MetricAttributesInput: MetricAttributesInput;
  MetricConnection: Omit<MetricConnection, 'edges'> & { edges: Array<ResolversParentTypes['MetricEdge']> };
  MetricEdge: Omit<MetricEdge, 'node'> & { node: ResolversParentTypes['Metric'] };
  MetricInput: MetricInput;
  MetricTimeseries: MetricTimeseriesRecordModel;
  MetricTimeseriesConnection: Omit<MetricTimeseriesConnection, 'edges'> & {
    edges: Array<ResolversParentTypes['MetricTimeseriesEdge']>;
  };
  MetricTimeseriesEdge: Omit<MetricTimeseriesEdge, 'node'> & { node: ResolversParentTypes['MetricTimeseries'] };
  MetricTimeseriesInput: MetricTimeseriesInput;
  MetricTimeseriesPatch: MetricTimeseriesPatch;
  MetricUpdateInput: MetricUpdateInput;
  Mutation: Record<PropertyKey, never>;
  NonFiniteSample: NonFiniteSample;
  NullableFloatColumn: Scalars['NullableFloatColumn']['output'];
  OperationalCounters: RawTotalsModel;
  OperationalMetricsService: ServiceMetricsModel;
  OperationalMetricsSubservice: SubserviceMetricsModel;
  OperationalMetricsTree: OperationalMetricsModel;
  PageInfo: PageInfo;
  Point: ValuePointModel;
  PromResult: PromResultModel;
  PromSample: PromSampleModel;
  PromSeries: PromSeriesModel;
  PromSeriesColumns: PromSeriesModel;
  ProviderMetric: ProviderMetric;
  Query: Record<PropertyKey, never>;
  Series: ResultSeriesModel;
  SeriesColumns: SeriesColumns;
  SeriesPage: Omit<SeriesPage, 'nodes'> & { nodes: Array<ResolversParentTypes['Series']> };
  SeriesQueryInput: SeriesQueryInput;
  SeriesResult: SeriesQueryResultModel;
  ServerInfo: ServerInfoModel;
  String: Scalars['String']['output'];
  Tag: TagTupleModel;
  TagInput: TagInput;
  UpdateApiTokenInput: UpdateApiTokenInput;
  UsageFilter: UsageFilter;
  UsageRecord: UsageRecordModel;
  UsageRecordConnection: Omit<UsageRecordConnection, 'edges'> & {
    edges: Array<ResolversParentTypes['UsageRecordEdge']>;
  };
  UsageRecordEdge: Omit<UsageRecordEdge, 'node'> & { node: ResolversParentTypes['UsageRecord'] };
  Viewer: RequestScopeModel;
  VirtualTimeseries: VirtualTimeseriesModel;
  ZonedDateTime: Scalars['ZonedDateTime']['output'];
}>;

export type AuthDirectiveArgs = {
  requires: Access;
};

export type AuthDirectiveResolver<
  Result,
  Parent,
  ContextType = GraphQLContext,
  Args = AuthDirectiveArgs,
> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ApiTokenResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['ApiToken'] = ResolversParentTypes['ApiToken'],
> = ResolversObject<{
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  environment?: Resolver<Maybe<ResolversTypes['Environment']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  secretPrefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type BackendResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Backend'] = ResolversParentTypes['Backend'],
> = ResolversObject<{
  circuit?: Resolver<Maybe<ResolversTypes['CircuitState']>, ParentType, ContextType>;
  health?: Resolver<ResolversTypes['BackendHealth'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['BackendKind'], ParentType, ContextType>;
}>;

export type BackendHealthResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['BackendHealth'] = ResolversParentTypes['BackendHealth'],
> = ResolversObject<{
  checkedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  latencyMs?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type BackendKindResolvers = EnumResolverSignature<
  { NATIVE?: any; PROMETHEUS?: any },
  ResolversTypes['BackendKind']
>;

export type CalendarPointResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['CalendarPoint'] = ResolversParentTypes['CalendarPoint'],
> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  end?: Resolver<ResolversTypes['ZonedDateTime'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['ZonedDateTime'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type CircuitStateResolvers = EnumResolverSignature<
  { CLOSED?: any; HALF_OPEN?: any; OPEN?: any },
  ResolversTypes['CircuitState']
>;

export type CounterModeResolvers = EnumResolverSignature<
  { INCREASE?: any; RATE?: any; RAW?: any },
  ResolversTypes['CounterMode']
>;

export type CreatedApiTokenResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['CreatedApiToken'] = ResolversParentTypes['CreatedApiToken'],
> = ResolversObject<{
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['ApiToken'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EnvironmentResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Environment'] = ResolversParentTypes['Environment'],
> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export interface FloatColumnScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['FloatColumn'], any> {
  name: 'FloatColumn';
}

export type GroupByFunctionResolvers = EnumResolverSignature<
  { MAX?: any; MEAN?: any; MIN?: any; SUM?: any },
  ResolversTypes['GroupByFunction']
>;

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MeasurementErrorResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['MeasurementError'] = ResolversParentTypes['MeasurementError'],
> = ResolversObject<{
  param?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MeasurementSubmissionResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['MeasurementSubmission'] = ResolversParentTypes['MeasurementSubmission'],
> = ResolversObject<{
  errors?: Resolver<Array<ResolversTypes['MeasurementError']>, ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['MeasurementSummary'], ParentType, ContextType>;
}>;

export type MeasurementSummaryResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['MeasurementSummary'] = ResolversParentTypes['MeasurementSummary'],
> = ResolversObject<{
  accepted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  filtered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MetricResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Metric'] = ResolversParentTypes['Metric'],
> = ResolversObject<{
  attributes?: Resolver<ResolversTypes['MetricAttributes'], ParentType, ContextType>;
  backend?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  calendar?: Resolver<
    ResolversTypes['VirtualTimeseries'],
    ParentType,
    ContextType,
    RequireFields<MetricCalendarArgs, 'calendar' | 'observed' | 'omitEmpty' | 'range' | 'timeZone'>
  >;
  composite?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  displayName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  labelNames?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  labelValues?: Resolver<
    Array<ResolversTypes['String']>,
    ParentType,
    ContextType,
    RequireFields<MetricLabelValuesArgs, 'name'>
  >;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  period?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['MetricType'], ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type MetricAttributesResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['MetricAttributes'] = ResolversParentTypes['MetricAttributes'],
> = ResolversObject<{
  aggregate?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  color?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdByUa?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  displayMax?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  displayMin?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  displayStacked?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  displayUnitsLong?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  displayUnitsShort?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  summarizeFunction?: Resolver<Maybe<ResolversTypes['SummarizeFunction']>, ParentType, ContextType>;
}>;

export type MetricConnectionResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['MetricConnection'] = ResolversParentTypes['MetricConnection'],
> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['MetricEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MetricEdgeResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['MetricEdge'] = ResolversParentTypes['MetricEdge'],
> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Metric'], ParentType, ContextType>;
}>;

export type MetricTimeseriesResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['MetricTimeseries'] = ResolversParentTypes['MetricTimeseries'],
> = ResolversObject<{
  calendar?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  filter?: Resolver<Array<ResolversTypes['Tag']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  observed?: Resolver<ResolversTypes['Observed'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timeZone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  values?: Resolver<
    ResolversTypes['VirtualTimeseries'],
    ParentType,
    ContextType,
    RequireFields<MetricTimeseriesValuesArgs, 'omitEmpty' | 'range'>
  >;
}>;

export type MetricTimeseriesConnectionResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['MetricTimeseriesConnection'] =
    ResolversParentTypes['MetricTimeseriesConnection'],
> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['MetricTimeseriesEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MetricTimeseriesEdgeResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['MetricTimeseriesEdge'] = ResolversParentTypes['MetricTimeseriesEdge'],
> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['MetricTimeseries'], ParentType, ContextType>;
}>;

export type MetricTypeResolvers = EnumResolverSignature<
  { COMPOSITE?: any; COUNTER?: any; GAUGE?: any; HISTOGRAM?: any; SUMMARY?: any; UNKNOWN?: any },
  ResolversTypes['MetricType']
>;

export type MutationResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation'],
> = ResolversObject<{
  createApiToken?: Resolver<
    ResolversTypes['CreatedApiToken'],
    ParentType,
    ContextType,
    RequireFields<MutationCreateApiTokenArgs, 'input'>
  >;
  createEnvironment?: Resolver<
    ResolversTypes['Environment'],
    ParentType,
    ContextType,
    RequireFields<MutationCreateEnvironmentArgs, 'name'>
  >;
  createMetricTimeseries?: Resolver<
    ResolversTypes['MetricTimeseries'],
    ParentType,
    ContextType,
    RequireFields<MutationCreateMetricTimeseriesArgs, 'input'>
  >;
  deleteApiToken?: Resolver<
    ResolversTypes['Boolean'],
    ParentType,
    ContextType,
    RequireFields<MutationDeleteApiTokenArgs, 'id'>
  >;
  deleteEnvironment?: Resolver<
    ResolversTypes['Boolean'],
    ParentType,
    ContextType,
    RequireFields<MutationDeleteEnvironmentArgs, 'id'>
  >;
  deleteMetricTimeseries?: Resolver<
    ResolversTypes['Boolean'],
    ParentType,
    ContextType,
    RequireFields<MutationDeleteMetricTimeseriesArgs, 'id'>
  >;
  deleteMetrics?: Resolver<
    Array<ResolversTypes['String']>,
    ParentType,
    ContextType,
    Partial<MutationDeleteMetricsArgs>
  >;
  resetOperationalMetrics?: Resolver<
    ResolversTypes['OperationalMetricsTree'],
    ParentType,
    ContextType,
    Partial<MutationResetOperationalMetricsArgs>
  >;
  submitMeasurements?: Resolver<
    ResolversTypes['MeasurementSubmission'],
    ParentType,
    ContextType,
    RequireFields<MutationSubmitMeasurementsArgs, 'input'>
  >;
  updateApiToken?: Resolver<
    ResolversTypes['ApiToken'],
    ParentType,
    ContextType,
    RequireFields<MutationUpdateApiTokenArgs, 'id' | 'input'>
  >;
  updateEnvironment?: Resolver<
    ResolversTypes['Environment'],
    ParentType,
    ContextType,
    RequireFields<MutationUpdateEnvironmentArgs, 'id' | 'name'>
  >;
  updateMetricTimeseries?: Resolver<
    ResolversTypes['MetricTimeseries'],
    ParentType,
    ContextType,
    RequireFields<MutationUpdateMetricTimeseriesArgs, 'id' | 'patch'>
  >;
  updateMetrics?: Resolver<
    Array<ResolversTypes['Metric']>,
    ParentType,
    ContextType,
    RequireFields<MutationUpdateMetricsArgs, 'input'>
  >;
  upsertMetric?: Resolver<
    ResolversTypes['Metric'],
    ParentType,
    ContextType,
    RequireFields<MutationUpsertMetricArgs, 'input' | 'name'>
  >;
}>;

export type NonFiniteSampleResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['NonFiniteSample'] = ResolversParentTypes['NonFiniteSample'],
> = ResolversObject<{
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['NonFiniteValue'], ParentType, ContextType>;
}>;

export interface NullableFloatColumnScalarConfig extends GraphQLScalarTypeConfig<
  ResolversTypes['NullableFloatColumn'],
  any
> {
  name: 'NullableFloatColumn';
}

export type ObservedResolvers = EnumResolverSignature<
  { AVERAGED?: any; BEGINNING?: any; COUNT?: any; END?: any; HIGH?: any; LOW?: any; SUMMED?: any },
  ResolversTypes['Observed']
>;

export type OperationalCountersResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['OperationalCounters'] = ResolversParentTypes['OperationalCounters'],
> = ResolversObject<{
  alertsFired?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  failedNotifications?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  incomingTransactionErrors?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  incomingTransactionRequestSize?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  incomingTransactionResponseSize?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  incomingTransactions?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  measurementsAccepted?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  measurementsFailed?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  okNotifications?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  outgoingTransactionErrors?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  outgoingTransactionRequestSize?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  outgoingTransactionResponseSize?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  outgoingTransactions?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  serviceTime?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type OperationalMetricsServiceResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['OperationalMetricsService'] =
    ResolversParentTypes['OperationalMetricsService'],
> = ResolversObject<{
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subservices?: Resolver<Array<ResolversTypes['OperationalMetricsSubservice']>, ParentType, ContextType>;
  sum?: Resolver<ResolversTypes['OperationalCounters'], ParentType, ContextType>;
}>;

export type OperationalMetricsSubserviceResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['OperationalMetricsSubservice'] =
    ResolversParentTypes['OperationalMetricsSubservice'],
> = ResolversObject<{
  counters?: Resolver<ResolversTypes['OperationalCounters'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type OperationalMetricsTreeResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['OperationalMetricsTree'] = ResolversParentTypes['OperationalMetricsTree'],
> = ResolversObject<{
  services?: Resolver<Array<ResolversTypes['OperationalMetricsService']>, ParentType, ContextType>;
  sum?: Resolver<ResolversTypes['OperationalCounters'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo'],
> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PartialResultsResolvers = EnumResolverSignature<
  { ALLOW?: any; REQUIRE_ALL?: any },
  ResolversTypes['PartialResults']
>;

export type PointResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Point'] = ResolversParentTypes['Point'],
> = ResolversObject<{
  count?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  first?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  last?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  max?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  mean?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  min?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  stddev?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  sum?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type PrincipalKindResolvers = EnumResolverSignature<
  { ANONYMOUS?: any; JWT?: any; OPERATOR?: any; TOKEN?: any },
  ResolversTypes['PrincipalKind']
>;

export type PromResultResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['PromResult'] = ResolversParentTypes['PromResult'],
> = ResolversObject<{
  backend?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  resultType?: Resolver<ResolversTypes['PromResultType'], ParentType, ContextType>;
  scalar?: Resolver<Maybe<ResolversTypes['PromSample']>, ParentType, ContextType>;
  series?: Resolver<Array<ResolversTypes['PromSeries']>, ParentType, ContextType>;
  string?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PromResultTypeResolvers = EnumResolverSignature<
  { MATRIX?: any; SCALAR?: any; STRING?: any; VECTOR?: any },
  ResolversTypes['PromResultType']
>;

export type PromSampleResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['PromSample'] = ResolversParentTypes['PromSample'],
> = ResolversObject<{
  nonFinite?: Resolver<Maybe<ResolversTypes['NonFiniteValue']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type PromSeriesResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['PromSeries'] = ResolversParentTypes['PromSeries'],
> = ResolversObject<{
  columns?: Resolver<ResolversTypes['PromSeriesColumns'], ParentType, ContextType>;
  labels?: Resolver<Array<ResolversTypes['Tag']>, ParentType, ContextType>;
  metric?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  samples?: Resolver<Array<ResolversTypes['PromSample']>, ParentType, ContextType>;
}>;

export type PromSeriesColumnsResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['PromSeriesColumns'] = ResolversParentTypes['PromSeriesColumns'],
> = ResolversObject<{
  nonFinite?: Resolver<Array<ResolversTypes['NonFiniteSample']>, ParentType, ContextType>;
  times?: Resolver<ResolversTypes['FloatColumn'], ParentType, ContextType>;
  values?: Resolver<ResolversTypes['NullableFloatColumn'], ParentType, ContextType>;
}>;

export type ProviderMetricResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['ProviderMetric'] = ResolversParentTypes['ProviderMetric'],
> = ResolversObject<{
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type QueryResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query'],
> = ResolversObject<{
  apiToken?: Resolver<
    Maybe<ResolversTypes['ApiToken']>,
    ParentType,
    ContextType,
    RequireFields<QueryApiTokenArgs, 'id'>
  >;
  apiTokens?: Resolver<Array<ResolversTypes['ApiToken']>, ParentType, ContextType, Partial<QueryApiTokensArgs>>;
  backend?: Resolver<Maybe<ResolversTypes['Backend']>, ParentType, ContextType, RequireFields<QueryBackendArgs, 'id'>>;
  backends?: Resolver<Array<ResolversTypes['Backend']>, ParentType, ContextType>;
  environment?: Resolver<
    Maybe<ResolversTypes['Environment']>,
    ParentType,
    ContextType,
    RequireFields<QueryEnvironmentArgs, 'id'>
  >;
  environments?: Resolver<
    Array<ResolversTypes['Environment']>,
    ParentType,
    ContextType,
    Partial<QueryEnvironmentsArgs>
  >;
  listMetrics?: Resolver<
    Array<ResolversTypes['ProviderMetric']>,
    ParentType,
    ContextType,
    RequireFields<QueryListMetricsArgs, 'provider'>
  >;
  metric?: Resolver<Maybe<ResolversTypes['Metric']>, ParentType, ContextType, RequireFields<QueryMetricArgs, 'name'>>;
  metricTimeseries?: Resolver<
    Maybe<ResolversTypes['MetricTimeseries']>,
    ParentType,
    ContextType,
    RequireFields<QueryMetricTimeseriesArgs, 'id'>
  >;
  metricTimeseriesList?: Resolver<
    ResolversTypes['MetricTimeseriesConnection'],
    ParentType,
    ContextType,
    RequireFields<QueryMetricTimeseriesListArgs, 'first'>
  >;
  metrics?: Resolver<
    ResolversTypes['MetricConnection'],
    ParentType,
    ContextType,
    RequireFields<QueryMetricsArgs, 'first' | 'orderBy' | 'partial'>
  >;
  operationalMetrics?: Resolver<
    ResolversTypes['OperationalMetricsTree'],
    ParentType,
    ContextType,
    Partial<QueryOperationalMetricsArgs>
  >;
  promql?: Resolver<ResolversTypes['PromResult'], ParentType, ContextType, RequireFields<QueryPromqlArgs, 'query'>>;
  promqlRange?: Resolver<
    ResolversTypes['PromResult'],
    ParentType,
    ContextType,
    RequireFields<QueryPromqlRangeArgs, 'query' | 'start' | 'step'>
  >;
  series?: Resolver<
    ResolversTypes['SeriesResult'],
    ParentType,
    ContextType,
    RequireFields<QuerySeriesArgs, 'partial' | 'query'>
  >;
  serverInfo?: Resolver<ResolversTypes['ServerInfo'], ParentType, ContextType>;
  usageMetric?: Resolver<
    Maybe<ResolversTypes['UsageRecord']>,
    ParentType,
    ContextType,
    RequireFields<QueryUsageMetricArgs, 'id'>
  >;
  usageMetrics?: Resolver<
    ResolversTypes['UsageRecordConnection'],
    ParentType,
    ContextType,
    RequireFields<QueryUsageMetricsArgs, 'first' | 'timeZone'>
  >;
  viewer?: Resolver<Maybe<ResolversTypes['Viewer']>, ParentType, ContextType>;
  virtualTimeseries?: Resolver<
    ResolversTypes['VirtualTimeseries'],
    ParentType,
    ContextType,
    RequireFields<QueryVirtualTimeseriesArgs, 'calendar' | 'metric' | 'observed' | 'omitEmpty' | 'range' | 'timeZone'>
  >;
}>;

export type RoleResolvers = EnumResolverSignature<
  { ADMIN?: any; RECORDER?: any; VIEWER?: any },
  ResolversTypes['Role']
>;

export type SeriesResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Series'] = ResolversParentTypes['Series'],
> = ResolversObject<{
  backend?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  columns?: Resolver<ResolversTypes['SeriesColumns'], ParentType, ContextType>;
  points?: Resolver<Array<ResolversTypes['Point']>, ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['Tag']>, ParentType, ContextType>;
}>;

export type SeriesColumnsResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['SeriesColumns'] = ResolversParentTypes['SeriesColumns'],
> = ResolversObject<{
  times?: Resolver<ResolversTypes['FloatColumn'], ParentType, ContextType>;
  values?: Resolver<ResolversTypes['NullableFloatColumn'], ParentType, ContextType>;
}>;

export type SeriesPageResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['SeriesPage'] = ResolversParentTypes['SeriesPage'],
> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Series']>, ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type SeriesResultResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['SeriesResult'] = ResolversParentTypes['SeriesResult'],
> = ResolversObject<{
  end?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  resolution?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  series?: Resolver<
    ResolversTypes['SeriesPage'],
    ParentType,
    ContextType,
    RequireFields<SeriesResultSeriesArgs, 'first'>
  >;
  start?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  summaryFunction?: Resolver<ResolversTypes['SummaryFunction'], ParentType, ContextType>;
}>;

export type ServerInfoResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['ServerInfo'] = ResolversParentTypes['ServerInfo'],
> = ResolversObject<{
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  uptimeSeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type SummarizeFunctionResolvers = EnumResolverSignature<
  { AVERAGE?: any; COUNT?: any; MAX?: any; MIN?: any; SUM?: any },
  ResolversTypes['SummarizeFunction']
>;

export type SummaryFunctionResolvers = EnumResolverSignature<
  { ALL?: any; COUNT?: any; DERIVATIVE?: any; MAX?: any; MEAN?: any; MIN?: any; STDDEV?: any; SUM?: any },
  ResolversTypes['SummaryFunction']
>;

export type TagResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Tag'] = ResolversParentTypes['Tag'],
> = ResolversObject<{
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type UsageRecordResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['UsageRecord'] = ResolversParentTypes['UsageRecord'],
> = ResolversObject<{
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  application?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  detail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  duration?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  environment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  httpstatus?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invocationId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  responseSize?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  service?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timestamp?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type UsageRecordConnectionResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['UsageRecordConnection'] = ResolversParentTypes['UsageRecordConnection'],
> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['UsageRecordEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type UsageRecordEdgeResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['UsageRecordEdge'] = ResolversParentTypes['UsageRecordEdge'],
> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['UsageRecord'], ParentType, ContextType>;
}>;

export type ViewerResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Viewer'] = ResolversParentTypes['Viewer'],
> = ResolversObject<{
  environment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PrincipalKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['Role']>, ParentType, ContextType>;
  subservice?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tenant?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type VirtualTimeseriesResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['VirtualTimeseries'] = ResolversParentTypes['VirtualTimeseries'],
> = ResolversObject<{
  calendar?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  complete?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  end?: Resolver<ResolversTypes['ZonedDateTime'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  observed?: Resolver<ResolversTypes['Observed'], ParentType, ContextType>;
  points?: Resolver<Array<ResolversTypes['CalendarPoint']>, ParentType, ContextType>;
  seriesCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['ZonedDateTime'], ParentType, ContextType>;
  timeZone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface ZonedDateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['ZonedDateTime'], any> {
  name: 'ZonedDateTime';
}

export type Resolvers<ContextType = GraphQLContext> = ResolversObject<{
  ApiToken?: ApiTokenResolvers<ContextType>;
  Backend?: BackendResolvers<ContextType>;
  BackendHealth?: BackendHealthResolvers<ContextType>;
  BackendKind?: BackendKindResolvers;
  CalendarPoint?: CalendarPointResolvers<ContextType>;
  CircuitState?: CircuitStateResolvers;
  CounterMode?: CounterModeResolvers;
  CreatedApiToken?: CreatedApiTokenResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Environment?: EnvironmentResolvers<ContextType>;
  FloatColumn?: GraphQLScalarType;
  GroupByFunction?: GroupByFunctionResolvers;
  JSON?: GraphQLScalarType;
  MeasurementError?: MeasurementErrorResolvers<ContextType>;
  MeasurementSubmission?: MeasurementSubmissionResolvers<ContextType>;
  MeasurementSummary?: MeasurementSummaryResolvers<ContextType>;
  Metric?: MetricResolvers<ContextType>;
  MetricAttributes?: MetricAttributesResolvers<ContextType>;
  MetricConnection?: MetricConnectionResolvers<ContextType>;
  MetricEdge?: MetricEdgeResolvers<ContextType>;
  MetricTimeseries?: MetricTimeseriesResolvers<ContextType>;
  MetricTimeseriesConnection?: MetricTimeseriesConnectionResolvers<ContextType>;
  MetricTimeseriesEdge?: MetricTimeseriesEdgeResolvers<ContextType>;
  MetricType?: MetricTypeResolvers;
  Mutation?: MutationResolvers<ContextType>;
  NonFiniteSample?: NonFiniteSampleResolvers<ContextType>;
  NullableFloatColumn?: GraphQLScalarType;
  Observed?: ObservedResolvers;
  OperationalCounters?: OperationalCountersResolvers<ContextType>;
  OperationalMetricsService?: OperationalMetricsServiceResolvers<ContextType>;
  OperationalMetricsSubservice?: OperationalMetricsSubserviceResolvers<ContextType>;
  OperationalMetricsTree?: OperationalMetricsTreeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PartialResults?: PartialResultsResolvers;
  Point?: PointResolvers<ContextType>;
  PrincipalKind?: PrincipalKindResolvers;
  PromResult?: PromResultResolvers<ContextType>;
  PromResultType?: PromResultTypeResolvers;
  PromSample?: PromSampleResolvers<ContextType>;
  PromSeries?: PromSeriesResolvers<ContextType>;
  PromSeriesColumns?: PromSeriesColumnsResolvers<ContextType>;
  ProviderMetric?: ProviderMetricResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Role?: RoleResolvers;
  Series?: SeriesResolvers<ContextType>;
  SeriesColumns?: SeriesColumnsResolvers<ContextType>;
  SeriesPage?: SeriesPageResolvers<ContextType>;
  SeriesResult?: SeriesResultResolvers<ContextType>;
  ServerInfo?: ServerInfoResolvers<ContextType>;
  SummarizeFunction?: SummarizeFunctionResolvers;
  SummaryFunction?: SummaryFunctionResolvers;
  Tag?: TagResolvers<ContextType>;
  UsageRecord?: UsageRecordResolvers<ContextType>;
  UsageRecordConnection?: UsageRecordConnectionResolvers<ContextType>;
  UsageRecordEdge?: UsageRecordEdgeResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
  VirtualTimeseries?: VirtualTimeseriesResolvers<ContextType>;
  ZonedDateTime?: GraphQLScalarType;
}>;

export type DirectiveResolvers<ContextType = GraphQLContext> = ResolversObject<{
  auth?: AuthDirectiveResolver<any, any, ContextType>;
}>;
