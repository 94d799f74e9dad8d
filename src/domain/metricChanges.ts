/**
 * What a client asks to change on metrics (AppOptics reference, "Metrics"), validated: a metric
 * name, a set of property changes for an upsert or a bulk update, the rule that ties a metric's
 * type to its composite definition, and the selection of a bulk update or delete (a list of
 * names OR one wildcard pattern). Pure: no I/O.
 *
 * The rule: a property is checked by the same readers as one sent with a measurement
 * (measurements/metricProperties.ts), so a metric's properties obey one set of rules however
 * they are set. Problems name the field as the GraphQL input does (the camelCase of the
 * reference's names: `input.attributes.displayMin`).
 *
 * In a change set, a key left out (undefined) keeps the stored value and null clears it.
 */
import { UserInputError, ConflictError } from '../errors.js';
import { fail, readInteger, readText, type Problem } from './measurements/fieldReaders.js';
import { METRIC_ATTRIBUTE_NAMES, type MetricAttributeName } from './measurements/measurement.js';
import { METRIC_NAME, RESERVED_PREFIX } from './measurements/measurementBatch.js';
import { readMetricProperties } from './measurements/metricProperties.js';

/** Almanac's own bounds; the reference gives none. */
export const MAX_COMPOSITE = 4_096;
export const MAX_SELECTED_NAMES = 1_000;
const PATTERN = /^[A-Za-z0-9.:\-_*?]{1,255}$/;

export type MetricType = 'gauge' | 'composite';
export type AttributeValue = string | number | boolean;

/** Changes as sent, not yet checked. Attributes are keyed by the reference's names. */
export interface MetricChangeRequest {
  type?: MetricType | null;
  displayName?: string | null;
  description?: string | null;
  period?: number | null;
  composite?: string | null;
  attributes?: Partial<Record<MetricAttributeName, unknown>> | null;
}

/** Checked changes: only the keys to change; null clears a property or removes an attribute. */
export interface MetricChanges {
  type?: MetricType;
  displayName?: string | null;
  description?: string | null;
  period?: number | null;
  composite?: string | null;
  attributes?: Partial<Record<MetricAttributeName, AttributeValue | null>>;
}

/** Which metrics a bulk operation acts on. */
export type MetricSelection = { names: string[] } | { pattern: string };

/** A valid metric name, lower-cased (the namespace is case-insensitive); `almanac.` is reserved. */
export function metricName(raw: string, field = 'name'): string {
  if (!METRIC_NAME.test(raw)) {
    throw new UserInputError(`${field}: ${JSON.stringify(raw)} must be 1-255 of A-Z a-z 0-9 . : - _`, { field });
  }
  const name = raw.toLowerCase();
  if (name.startsWith(RESERVED_PREFIX)) {
    throw new UserInputError(`${field}: the "${RESERVED_PREFIX}" namespace is reserved for Almanac`, { field });
  }
  return name;
}

/** Checks every change in `request`; throws one UserInputError listing every problem. */
export function readMetricChanges(request: MetricChangeRequest, prefix = 'input.'): MetricChanges {
  const problems: Problem[] = [];
  const sent = readMetricProperties(
    { display_name: request.displayName, description: request.description, attributes: request.attributes },
    prefix,
    problems,
  );
  const period = request.period == null ? undefined : readInteger(request.period, `${prefix}period`, problems, 1);
  const composite = request.composite == null ? undefined : readComposite(request.composite, prefix, problems);
  const changes: MetricChanges = {
    ...changed('type', request.type ?? undefined, request.type ?? undefined),
    ...changed('displayName', request.displayName, sent.displayName),
    ...changed('description', request.description, sent.description),
    ...changed('period', request.period, period),
    ...changed('composite', request.composite, composite),
  };
  if (request.attributes) changes.attributes = { ...sent.attributes, ...removedAttributes(request.attributes) };
  if (problems.length > 0) throw problemsError(problems);
  return changes;
}

/**
 * The type and composite definition a metric has after `changes`, checked: a COMPOSITE needs a
 * definition, a GAUGE has none, and an existing metric keeps its type.
 */
export function checkComposite(
  current: { type: MetricType; composite: string | null } | null,
  changes: MetricChanges,
  prefix = 'input.',
): void {
  if (current && changes.type && changes.type !== current.type) {
    throw new ConflictError(
      `${prefix}type: the metric is a ${current.type.toUpperCase()} and cannot become a ${changes.type.toUpperCase()}; delete it and create it again`,
      { field: `${prefix}type` },
    );
  }
  const type = changes.type ?? current?.type ?? 'gauge';
  const composite = changes.composite !== undefined ? changes.composite : (current?.composite ?? null);
  const field = `${prefix}composite`;
  if (type === 'composite' && composite === null) {
    throw new UserInputError(`${field}: a COMPOSITE metric needs a composite definition`, { field });
  }
  if (type === 'gauge' && composite !== null) {
    throw new UserInputError(`${field}: only a COMPOSITE metric has a composite definition; this is a GAUGE`, {
      field,
    });
  }
}

/** Exactly one of a list of names and a wildcard pattern, checked (the reference's bulk routes). */
export function metricSelection(
  names: readonly string[] | null | undefined,
  pattern: string | null | undefined,
): MetricSelection {
  if ((names == null) === (pattern == null)) {
    throw new UserInputError('give either names or pattern, exactly one', {
      field: names == null ? 'names' : 'pattern',
    });
  }
  if (names != null) return { names: selectedNames(names) };
  return { pattern: selectionPattern(pattern as string) };
}

function selectedNames(names: readonly string[]): string[] {
  if (names.length === 0 || names.length > MAX_SELECTED_NAMES) {
    throw new UserInputError(`names: give 1-${MAX_SELECTED_NAMES} names, got ${names.length}`, { field: 'names' });
  }
  return [...new Set(names.map((name, index) => metricName(name, `names[${index}]`)))];
}

function selectionPattern(pattern: string): string {
  if (!PATTERN.test(pattern)) {
    throw new UserInputError(`pattern: ${JSON.stringify(pattern)} must be 1-255 of A-Z a-z 0-9 . : - _ * ?`, {
      field: 'pattern',
    });
  }
  if (!/[*?]/.test(pattern)) {
    throw new UserInputError('pattern: must have a * or ? wildcard; to name metrics one by one, use names', {
      field: 'pattern',
    });
  }
  return pattern.toLowerCase();
}

/** The key `key` with its checked value when the request changes it (sent, even as null). */
function changed<K extends keyof MetricChanges>(
  key: K,
  requested: unknown,
  value: MetricChanges[K] | undefined,
): Partial<MetricChanges> {
  if (requested === undefined) return {};
  return { [key]: requested === null ? null : value };
}

function readComposite(raw: unknown, prefix: string, problems: Problem[]): string | undefined {
  const text = readText(raw, `${prefix}composite`, problems, MAX_COMPOSITE);
  if (text !== undefined && text.trim() === '') return fail(problems, `${prefix}composite`, 'must not be blank');
  return text;
}

function removedAttributes(attributes: Partial<Record<MetricAttributeName, unknown>>): MetricChanges['attributes'] {
  return Object.fromEntries(
    METRIC_ATTRIBUTE_NAMES.filter((name) => attributes[name] === null).map((name) => [name, null]),
  );
}

function problemsError(problems: readonly Problem[]): UserInputError {
  const named = problems.map((problem) => ({ field: camelCase(problem.param), reason: problem.reason }));
  const message = named.map(({ field, reason }) => `${field}: ${reason}`).join('; ');
  return new UserInputError(message, { field: named[0]?.field, problems: named });
}

/** `input.attributes.display_min` → `input.attributes.displayMin`: the GraphQL field's name. */
function camelCase(param: string): string {
  return param.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}
