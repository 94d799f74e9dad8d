/**
 * Validating and normalizing a batch of measurements — the payload of `POST /v1/measurements`
 * and of the `submitMeasurements` mutation (AppOptics reference, "Create a Measurement" to
 * "Float Restrictions"). Pure: the clock and the token's environment come in as `context`.
 *
 * The rule: any JSON in, a BatchValidation out — or a UserInputError for the few failures of
 * the whole request. Everything wrong with one measurement is reported against that
 * measurement (by index and param) and never stops the others.
 *
 * Whole-request failures (thrown, `details.param` names the field):
 * - the payload is not an object, has an unknown top-level field, or its `measurements` is not
 *   a list of 1 to MAX_BATCH_SIZE entries;
 * - a top-level `time`, `period` or `tags` is invalid: these are the request's own parameters,
 *   shared by its measurements, so one 400 naming the field beats N identical failures, and
 *   whether the request fails does not depend on which measurements override them;
 * - any float field of any measurement has a base-10 exponent above 126 (|x| >= 1e127): the
 *   reference aborts the request for it, so a reserved or otherwise invalid measurement does too.
 *
 * Decisions, per measurement:
 * - null means not sent, for every optional field; an embedded `tags` (even `{}`) replaces the
 *   top-level tags entirely, never merges (reference, "Overriding Top-Level Tags").
 * - At least one tag is required (the reference's "Must have at least one tag"): its data
 *   streams are tag sets, and a tagless series could never be told apart by a tag filter.
 *   The tag-set rules (at least 1, at most 50) apply to the stored set, the environment tag
 *   added for the token included: what is stored always passes validation again.
 * - `time` is whole epoch seconds; a fraction is an error, not floored: the store keeps one
 *   point per second and a later point replaces an earlier one, so flooring 10.2 and 10.7
 *   would silently drop a sample. Defaults to `now` (floored); at most MAX_FUTURE_SECONDS
 *   ahead (clock skew), which also catches milliseconds sent as seconds; never negative.
 * - A valid name under RESERVED_PREFIX is `filtered` (the reference's reserved namespace):
 *   dropped whatever else is wrong with it, and not an error.
 * - Unknown fields are errors: a typo ("vaule", "display_unit_short") must not vanish silently.
 */
import { UserInputError } from '../../errors.js';
import { type BatchError, type BatchValidation, type Measurement, type TagPair } from './measurement.js';
import {
  type Problem,
  FLOAT_ABORT_AT,
  fail,
  isAbsent,
  isRecord,
  readInteger,
  reportUnknownFields,
  shown,
} from './fieldReaders.js';
import { completeTags, readTags } from './tagSet.js';
import { SUMMARY_FIELDS, readSampleState } from './sampleState.js';
import { PROPERTY_FIELDS, readMetricProperties } from './metricProperties.js';

export const MAX_BATCH_SIZE = 10_000;
export const MAX_FUTURE_SECONDS = 600;
export const RESERVED_PREFIX = 'almanac.';
export const METRIC_NAME = /^[A-Za-z0-9.:\-_]{1,255}$/;
/** Enough to fix a measurement; bounds the response for hostile input. */
export const MAX_ERRORS_PER_MEASUREMENT = 10;

export interface BatchContext {
  now: Date;
  /** The environment of the sending token, added as tag `environment` when none is sent. */
  environment: string | null;
}

const TOP_LEVEL_FIELDS: ReadonlySet<string> = new Set(['time', 'period', 'tags', 'measurements']);
const MEASUREMENT_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'value',
  'time',
  'period',
  'tags',
  ...SUMMARY_FIELDS,
  ...PROPERTY_FIELDS,
]);
const FLOAT_FIELDS = ['value', 'sum', 'min', 'max', 'last', 'stddev'] as const;
const FLOAT_ATTRIBUTES = ['display_min', 'display_max'] as const;

/** What a measurement inherits from the top level. */
interface Defaults {
  nowSeconds: number;
  time: number;
  period: number | null;
  tags: readonly TagPair[];
}

type Outcome =
  { kind: 'accepted'; measurement: Measurement } | { kind: 'failed'; problems: Problem[] } | { kind: 'filtered' };

export function validateBatch(payload: unknown, context: BatchContext): BatchValidation {
  const { measurements, defaults } = readEnvelope(payload, context);
  abortOnHugeFloats(measurements);
  const result: BatchValidation = {
    accepted: [],
    errors: [],
    summary: { total: measurements.length, accepted: 0, failed: 0, filtered: 0 },
  };
  measurements.forEach((raw, index) => {
    const outcome = validateMeasurement(raw, index, defaults, context.environment);
    result.summary[outcome.kind] += 1;
    if (outcome.kind === 'accepted') result.accepted.push(outcome.measurement);
    if (outcome.kind === 'failed') result.errors.push(...errorsOf(outcome.problems, index));
  });
  return result;
}

function requestError(param: string, reason: string): UserInputError {
  return new UserInputError(`${param}: ${reason}`, { param });
}

function readEnvelope(payload: unknown, context: BatchContext): { measurements: unknown[]; defaults: Defaults } {
  if (!isRecord(payload)) {
    throw requestError('request', `must be an object with a measurements list, got ${shown(payload)}`);
  }
  const problems: Problem[] = [];
  reportUnknownFields(payload, TOP_LEVEL_FIELDS, '', problems);
  const measurements = readMeasurementList(payload.measurements, problems);
  const nowSeconds = Math.floor(context.now.getTime() / 1000);
  const time = isAbsent(payload.time) ? nowSeconds : readTime(payload.time, 'time', nowSeconds, problems);
  const period = isAbsent(payload.period) ? null : readInteger(payload.period, 'period', problems, 1);
  const tags = isAbsent(payload.tags) ? [] : readTags(payload.tags, 'tags', problems);
  const [first] = problems;
  if (
    first !== undefined ||
    measurements === undefined ||
    time === undefined ||
    period === undefined ||
    tags === undefined
  ) {
    throw requestError(first?.param ?? 'request', first?.reason ?? 'is invalid');
  }
  return { measurements, defaults: { nowSeconds, time, period, tags } };
}

function readMeasurementList(raw: unknown, problems: Problem[]): unknown[] | undefined {
  if (!Array.isArray(raw)) return fail(problems, 'measurements', `must be a list of measurements, got ${shown(raw)}`);
  if (raw.length === 0) return fail(problems, 'measurements', 'must include at least one measurement');
  if (raw.length > MAX_BATCH_SIZE) {
    return fail(problems, 'measurements', `has ${raw.length} measurements: at most ${MAX_BATCH_SIZE} per request`);
  }
  return raw as unknown[];
}

function readTime(raw: unknown, param: string, nowSeconds: number, problems: Problem[]): number | undefined {
  const time = readInteger(raw, param, problems, 0);
  if (time === undefined || time <= nowSeconds + MAX_FUTURE_SECONDS) return time;
  return fail(
    problems,
    param,
    `${time} is more than ${MAX_FUTURE_SECONDS} s ahead of now (${nowSeconds}); time is epoch seconds, not milliseconds`,
  );
}

/** The reference's float restriction: one such value anywhere aborts the request. */
function abortOnHugeFloats(measurements: readonly unknown[]): void {
  measurements.forEach((raw, index) => {
    if (!isRecord(raw)) return;
    for (const field of FLOAT_FIELDS) abortIfHuge(raw[field], `measurements[${index}].${field}`);
    const attributes = raw.attributes;
    if (!isRecord(attributes)) return;
    for (const field of FLOAT_ATTRIBUTES) abortIfHuge(attributes[field], `measurements[${index}].attributes.${field}`);
  });
}

function abortIfHuge(raw: unknown, param: string): void {
  if (typeof raw === 'number' && Number.isFinite(raw) && Math.abs(raw) >= FLOAT_ABORT_AT) {
    throw requestError(param, `${raw} has a base-10 exponent above 126, which rejects the whole request`);
  }
}

function validateMeasurement(raw: unknown, index: number, defaults: Defaults, environment: string | null): Outcome {
  const prefix = `measurements[${index}].`;
  if (!isRecord(raw)) {
    return {
      kind: 'failed',
      problems: [{ param: `measurements[${index}]`, reason: `must be an object, got ${shown(raw)}` }],
    };
  }
  const problems: Problem[] = [];
  const name = readMetricName(raw.name, `${prefix}name`, problems);
  if (name?.startsWith(RESERVED_PREFIX)) return { kind: 'filtered' };
  reportUnknownFields(raw, MEASUREMENT_FIELDS, prefix, problems);
  const sentTags = isAbsent(raw.tags) ? defaults.tags : readTags(raw.tags, `${prefix}tags`, problems);
  const tags = sentTags && completeTags(sentTags, environment, `${prefix}tags`, problems);
  const time = isAbsent(raw.time) ? defaults.time : readTime(raw.time, `${prefix}time`, defaults.nowSeconds, problems);
  const period = isAbsent(raw.period) ? defaults.period : readInteger(raw.period, `${prefix}period`, problems, 1);
  const state = readSampleState(raw, prefix, problems);
  const properties = readMetricProperties(raw, prefix, problems);
  if (problems.length > 0) return { kind: 'failed', problems };
  // Not reached: a reader that returns undefined has recorded why. Kept for the type checker.
  if (name === undefined || tags === undefined || time === undefined || period === undefined || state === undefined) {
    return { kind: 'failed', problems: [{ param: prefix.slice(0, -1), reason: 'is invalid' }] };
  }
  return { kind: 'accepted', measurement: { name, tags, time, period, state, properties } };
}

function readMetricName(raw: unknown, param: string, problems: Problem[]): string | undefined {
  if (typeof raw !== 'string') return fail(problems, param, `is required: a string, got ${shown(raw)}`);
  if (!METRIC_NAME.test(raw)) return fail(problems, param, `${shown(raw)} must be 1-255 of A-Z a-z 0-9 . : - _`);
  return raw.toLowerCase();
}

function errorsOf(problems: readonly Problem[], index: number): BatchError[] {
  return problems.slice(0, MAX_ERRORS_PER_MEASUREMENT).map(({ param, reason }) => ({ param, reason, index }));
}
