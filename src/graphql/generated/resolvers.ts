import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Backend as BackendModel, BackendHealth as BackendHealthModel } from '../../backends/backend.js';
import type { ServerInfo as ServerInfoModel } from '../../services/serverInfoService.js';
import type { ApiToken as ApiTokenModel } from '../../services/tokenService.js';
import type { Environment as EnvironmentModel } from '../../services/environmentService.js';
import type { RequestScope as RequestScopeModel } from '../../auth/principal.js';
import type {
  SeriesQueryResult as SeriesQueryResultModel,
  ResultSeries as ResultSeriesModel,
  TagTuple as TagTupleModel,
} from '../../services/seriesQueryService.js';
import type { ValuePoint as ValuePointModel } from '../../domain/seriesAggregation.js';
import type {
  OperationalMetrics as OperationalMetricsModel,
  ServiceMetrics as ServiceMetricsModel,
  SubserviceMetrics as SubserviceMetricsModel,
  RawTotals as RawTotalsModel,
} from '../../domain/operationalMetricsTree.js';
import type {
  MetricRecord as MetricRecordModel,
  MetricAttributes as MetricAttributesModel,
} from '../../backends/native/metricCatalog.js';
import type { GraphQLContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
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
   * Any JSON value. Used only where the shape is open by nature (free-form attributes);
   * everything with a known shape has its own type.
   */
  JSON: { input: unknown; output: unknown };
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
  /** Whether the backend answers right now. Checked live, with a short timeout, each time it is asked for. */
  health: BackendHealth;
  /** The backend's name in the configuration, e.g. `native` or `prometheus`. */
  id: Scalars['ID']['output'];
  /** What kind of system it is. */
  kind: BackendKind;
};

/** The outcome of a live reachability probe of one backend. */
export type BackendHealth = {
  __typename?: 'BackendHealth';
  /** When the probe ran. */
  checkedAt: Scalars['DateTime']['output'];
  /** Why the backend is not healthy, as reported by the connection or the backend; null when healthy. */
  error?: Maybe<Scalars['String']['output']>;
  /** Round-trip time of the probe in milliseconds; null when the probe failed. */
  latencyMs?: Maybe<Scalars['Float']['output']>;
  /** True when the backend answered the probe successfully. */
  ok: Scalars['Boolean']['output'];
};

/** The kind of system a backend is. */
export type BackendKind =
  /** Almanac's own time-series store on Redis or Redis Cluster. */
  | 'NATIVE'
  /** A server that speaks the Prometheus HTTP API: Prometheus, Thanos Query, Mimir, VictoriaMetrics. */
  | 'PROMETHEUS';

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

/** How grouped series are combined bucket by bucket (`group_by_function`). */
export type GroupByFunction =
  /** Largest of the series' values. */
  | 'MAX'
  /** Average of the series' values. */
  | 'MEAN'
  /** Smallest of the series' values. */
  | 'MIN'
  /** Sum of the series' values. */
  | 'SUM';

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
 * A metric of the native store (reference, "Metrics"): its properties and attributes. Names are
 * case-insensitive and kept lower-cased.
 */
export type Metric = {
  __typename?: 'Metric';
  /** Display attributes; each is null when not set. */
  attributes: MetricAttributes;
  /** The id of the backend that stores the metric, as in `backends { id }`. */
  backend: Scalars['ID']['output'];
  /**
   * A COMPOSITE metric's definition in the reference's composite language, e.g.
   * `s("cpu.percent.user", {"environment": "prod"})`; null for a GAUGE. Stored as given: it is
   * not parsed or evaluated yet (a later feature evaluates composites).
   */
  composite?: Maybe<Scalars['String']['output']>;
  /** When the metric was created: by its first measurement or by `upsertMetric`. */
  createdAt: Scalars['DateTime']['output'];
  /** What the metric measures; null when not set. */
  description?: Maybe<Scalars['String']['output']>;
  /** The name to show people; null when not set. */
  displayName?: Maybe<Scalars['String']['output']>;
  /** 1-255 of `a-z0-9.:-_`, lower-cased. */
  name: Scalars['String']['output'];
  /** The standard reporting period in seconds; null when not set. */
  period?: Maybe<Scalars['Int']['output']>;
  /** GAUGE or COMPOSITE. */
  type: MetricType;
  /** When the metric's properties last changed. */
  updatedAt: Scalars['DateTime']['output'];
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
 * What a metric is (AppOptics reference, "Metric Properties": type). Measurements create gauges;
 * composites are defined with `upsertMetric`.
 */
export type MetricType =
  /** A metric defined by a composite expression over other metrics; it stores no measurements of its own. */
  | 'COMPOSITE'
  /** A metric whose measurements are stored: what every measurement creates. */
  | 'GAUGE';

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
  /** Deletes a token; requests with it get 401 within a second or two. Returns true when it existed. */
  deleteApiToken: Scalars['Boolean']['output'];
  /** Deletes an environment; CONFLICT while tokens still belong to it. Returns true when it existed. */
  deleteEnvironment: Scalars['Boolean']['output'];
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

/** How a request authenticated. */
export type PrincipalKind =
  /** No credentials. */
  | 'ANONYMOUS'
  /** A bearer JWT from the configured OIDC provider. */
  | 'JWT'
  /** The bootstrap ADMIN_API_KEY: admin of every tenant, choosing one with the Fiware-Service header. */
  | 'OPERATOR'
  /** An API token of one tenant. */
  | 'TOKEN';

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
  /** One metric by name (case-insensitive); null when the tenant has none by that name. */
  metric?: Maybe<Metric>;
  /** The tenant's metrics in the native store, a page at a time. */
  metrics: MetricConnection;
  /**
   * The operational metrics tree. The operator (ADMIN_API_KEY) sees every service; a tenant's
   * admin token sees only its own service. Others get FORBIDDEN.
   */
  operationalMetrics: OperationalMetricsTree;
  /** Measurements of a native metric as series, filtered, summarized and grouped as the reference's measurement queries. */
  series: SeriesResult;
  /** Facts about this Almanac server: its version and how long it has been running. */
  serverInfo: ServerInfo;
  /** Who this request is authenticated as; null for anonymous requests. */
  viewer?: Maybe<Viewer>;
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
export type QueryMetricArgs = {
  name: Scalars['String']['input'];
};

/**
 * The entry point for reading. Every error carries `extensions.code` (a stable code such as
 * `BAD_USER_INPUT`, `NOT_FOUND`, `BACKEND_UNAVAILABLE`) and `extensions.requestId`, the id
 * that also appears in the server's logs and in the `x-request-id` response header.
 */
export type QueryMetricsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  orderBy?: InputMaybe<MetricOrder>;
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
export type QuerySeriesArgs = {
  query: SeriesQueryInput;
};

/** The role of an API token, as in the AppOptics reference. */
export type Role =
  /** Does everything in its tenant, including managing tokens and environments. */
  | 'ADMIN'
  /** Reads, and writes measurements and annotations. */
  | 'RECORDER'
  /** Reads everything in its tenant. */
  | 'VIEWER';

/** One series (stream): its tags, and its points in time order. */
export type Series = {
  __typename?: 'Series';
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
  times: Array<Scalars['Float']['output']>;
  /** Values, aligned with `times`; null where `value` is null. */
  values: Array<Maybe<Scalars['Float']['output']>>;
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
 * A series query on the native store. Time window: give `start` and/or `end` and/or `duration`
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
  /** The metric's name (case-insensitive). */
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
  /** The stored level read: RAW, or the rollup grain in seconds (900, 3600, 86400). */
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

/**
 * How a metric's values are rolled up from raw values to coarser intervals (the reference's
 * `summarize_function` attribute). For the raw values 2, 10 and 5: AVERAGE 5.67, SUM 17, COUNT 3,
 * MIN 2, MAX 10. It is also the default summary function of series queries on the metric.
 */
export type SummarizeFunction =
  /** The mean of the values; the default when the attribute is not set. */
  | 'AVERAGE'
  /** How many values there are. */
  | 'COUNT'
  /** The largest value. */
  | 'MAX'
  /** The smallest value. */
  | 'MIN'
  /** The sum of the values. */
  | 'SUM';

/** How each bucket of a series becomes one number (AppOptics reference, `summary_function`). */
export type SummaryFunction =
  /** Every statistic: `value` is null, read `count`, `sum`, `min`, `max`, `mean`, `stddev`, `first` and `last`. Not with `groupBy`. */
  | 'ALL'
  /** Number of samples. */
  | 'COUNT'
  /** Change of the bucket's last sample from the previous bucket's; with `detectReset` a drop counts as a counter reset. */
  | 'DERIVATIVE'
  /** Largest sample. */
  | 'MAX'
  /** Average of the samples (the default, unless the metric's summarizeFunction attribute says otherwise). */
  | 'MEAN'
  /** Smallest sample. */
  | 'MIN'
  /** Population standard deviation of the samples. */
  | 'STDDEV'
  /** Sum of the samples. */
  | 'SUM';

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
  CreateApiTokenInput: CreateApiTokenInput;
  CreatedApiToken: ResolverTypeWrapper<Omit<CreatedApiToken, 'token'> & { token: ResolversTypes['ApiToken'] }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Environment: ResolverTypeWrapper<EnvironmentModel>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  GroupByFunction: GroupByFunction;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  MeasurementBatchInput: MeasurementBatchInput;
  MeasurementError: ResolverTypeWrapper<MeasurementError>;
  MeasurementInput: MeasurementInput;
  MeasurementSubmission: ResolverTypeWrapper<MeasurementSubmission>;
  MeasurementSummary: ResolverTypeWrapper<MeasurementSummary>;
  Metric: ResolverTypeWrapper<MetricRecordModel>;
  MetricAttributes: ResolverTypeWrapper<MetricAttributesModel>;
  MetricAttributesInput: MetricAttributesInput;
  MetricConnection: ResolverTypeWrapper<
    Omit<MetricConnection, 'edges'> & { edges: Array<ResolversTypes['MetricEdge']> }
  >;
  MetricEdge: ResolverTypeWrapper<Omit<MetricEdge, 'node'> & { node: ResolversTypes['Metric'] }>;
  MetricInput: MetricInput;
  MetricOrder: MetricOrder;
  MetricType: MetricType;
  MetricUpdateInput: MetricUpdateInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OperationalCounters: ResolverTypeWrapper<RawTotalsModel>;
  OperationalMetricsService: ResolverTypeWrapper<ServiceMetricsModel>;
  OperationalMetricsSubservice: ResolverTypeWrapper<SubserviceMetricsModel>;
  OperationalMetricsTree: ResolverTypeWrapper<OperationalMetricsModel>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Point: ResolverTypeWrapper<ValuePointModel>;
  PrincipalKind: PrincipalKind;
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
  Viewer: ResolverTypeWrapper<RequestScopeModel>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  ApiToken: ApiTokenModel;
  Backend: BackendModel;
  BackendHealth: BackendHealthModel;
  Boolean: Scalars['Boolean']['output'];
  CreateApiTokenInput: CreateApiTokenInput;
  CreatedApiToken: Omit<CreatedApiToken, 'token'> & { token: ResolversParentTypes['ApiToken'] };
  DateTime: Scalars['DateTime']['output'];
  Environment: EnvironmentModel;
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  JSON: Scalars['JSON']['output'];
  MeasurementBatchInput: MeasurementBatchInput;
  MeasurementError: MeasurementError;
  MeasurementInput: MeasurementInput;
  MeasurementSubmission: MeasurementSubmission;
  MeasurementSummary: MeasurementSummary;
  Metric: MetricRecordModel;
  MetricAttributes: MetricAttributesModel;
  MetricAttributesInput: MetricAttributesInput;
  MetricConnection: Omit<MetricConnection, 'edges'> & { edges: Array<ResolversParentTypes['MetricEdge']> };
  MetricEdge: Omit<MetricEdge, 'node'> & { node: ResolversParentTypes['Metric'] };
  MetricInput: MetricInput;
  MetricUpdateInput: MetricUpdateInput;
  Mutation: Record<PropertyKey, never>;
  OperationalCounters: RawTotalsModel;
  OperationalMetricsService: ServiceMetricsModel;
  OperationalMetricsSubservice: SubserviceMetricsModel;
  OperationalMetricsTree: OperationalMetricsModel;
  PageInfo: PageInfo;
  Point: ValuePointModel;
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
  Viewer: RequestScopeModel;
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
  composite?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  displayName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  period?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['MetricType'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
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
  metric?: Resolver<Maybe<ResolversTypes['Metric']>, ParentType, ContextType, RequireFields<QueryMetricArgs, 'name'>>;
  metrics?: Resolver<
    ResolversTypes['MetricConnection'],
    ParentType,
    ContextType,
    RequireFields<QueryMetricsArgs, 'first' | 'orderBy'>
  >;
  operationalMetrics?: Resolver<
    ResolversTypes['OperationalMetricsTree'],
    ParentType,
    ContextType,
    Partial<QueryOperationalMetricsArgs>
  >;
  series?: Resolver<ResolversTypes['SeriesResult'], ParentType, ContextType, RequireFields<QuerySeriesArgs, 'query'>>;
  serverInfo?: Resolver<ResolversTypes['ServerInfo'], ParentType, ContextType>;
  viewer?: Resolver<Maybe<ResolversTypes['Viewer']>, ParentType, ContextType>;
}>;

export type SeriesResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Series'] = ResolversParentTypes['Series'],
> = ResolversObject<{
  columns?: Resolver<ResolversTypes['SeriesColumns'], ParentType, ContextType>;
  points?: Resolver<Array<ResolversTypes['Point']>, ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['Tag']>, ParentType, ContextType>;
}>;

export type SeriesColumnsResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['SeriesColumns'] = ResolversParentTypes['SeriesColumns'],
> = ResolversObject<{
  times?: Resolver<Array<ResolversTypes['Float']>, ParentType, ContextType>;
  values?: Resolver<Array<Maybe<ResolversTypes['Float']>>, ParentType, ContextType>;
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

export type TagResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Tag'] = ResolversParentTypes['Tag'],
> = ResolversObject<{
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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

export type Resolvers<ContextType = GraphQLContext> = ResolversObject<{
  ApiToken?: ApiTokenResolvers<ContextType>;
  Backend?: BackendResolvers<ContextType>;
  BackendHealth?: BackendHealthResolvers<ContextType>;
  CreatedApiToken?: CreatedApiTokenResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Environment?: EnvironmentResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  MeasurementError?: MeasurementErrorResolvers<ContextType>;
  MeasurementSubmission?: MeasurementSubmissionResolvers<ContextType>;
  MeasurementSummary?: MeasurementSummaryResolvers<ContextType>;
  Metric?: MetricResolvers<ContextType>;
  MetricAttributes?: MetricAttributesResolvers<ContextType>;
  MetricConnection?: MetricConnectionResolvers<ContextType>;
  MetricEdge?: MetricEdgeResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OperationalCounters?: OperationalCountersResolvers<ContextType>;
  OperationalMetricsService?: OperationalMetricsServiceResolvers<ContextType>;
  OperationalMetricsSubservice?: OperationalMetricsSubserviceResolvers<ContextType>;
  OperationalMetricsTree?: OperationalMetricsTreeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Point?: PointResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Series?: SeriesResolvers<ContextType>;
  SeriesColumns?: SeriesColumnsResolvers<ContextType>;
  SeriesPage?: SeriesPageResolvers<ContextType>;
  SeriesResult?: SeriesResultResolvers<ContextType>;
  ServerInfo?: ServerInfoResolvers<ContextType>;
  Tag?: TagResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = GraphQLContext> = ResolversObject<{
  auth?: AuthDirectiveResolver<any, any, ContextType>;
}>;
