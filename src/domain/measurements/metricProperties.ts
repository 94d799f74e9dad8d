/**
 * Metric properties sent with a measurement (reference, "Metrics": type, display_name,
 * description, attributes), read and typed. They are used only when the measurement creates
 * its metric; once the metric exists they change nothing (that is the metric catalog's rule).
 *
 * The rule: a property is checked as strictly as if it would be used, every time. Whether the
 * metric exists is not known here, and a batch must not be valid or invalid depending on it.
 */
import {
  type MetricAttributeName,
  type MetricAttributes,
  type SentMetricProperties,
  METRIC_ATTRIBUTE_NAMES,
  SUMMARIZE_FUNCTIONS,
} from './measurement.js';
import {
  type Problem,
  fail,
  isAbsent,
  isRecord,
  readBoolean,
  readChoice,
  readFloat,
  readText,
  reportUnknownFields,
  shown,
} from './fieldReaders.js';

export const PROPERTY_FIELDS = ['type', 'display_name', 'description', 'attributes'] as const;
/** Almanac's own bounds; the reference gives none. */
export const MAX_DISPLAY_NAME = 255;
export const MAX_DESCRIPTION = 1024;
const MAX_ATTRIBUTE_TEXT = 255;
const COLOR = /^#[0-9A-Fa-f]{6}$/;

type Reader<T> = (raw: unknown, param: string, problems: Problem[]) => T | undefined;

const readAttributeText: Reader<string> = (raw, param, problems) => readText(raw, param, problems, MAX_ATTRIBUTE_TEXT);

type AttributeValues = Required<MetricAttributes>;

const ATTRIBUTE_READERS: { [K in MetricAttributeName]: Reader<AttributeValues[K]> } = {
  color: (raw, param, problems) =>
    typeof raw === 'string' && COLOR.test(raw)
      ? raw
      : fail(problems, param, `must be # and six hex digits, like "#52D74C", got ${shown(raw)}`),
  display_max: readFloat,
  display_min: readFloat,
  display_units_long: readAttributeText,
  display_units_short: readAttributeText,
  display_stacked: readBoolean,
  summarize_function: (raw, param, problems) => readChoice(raw, param, problems, SUMMARIZE_FUNCTIONS),
  aggregate: readBoolean,
  created_by_ua: readAttributeText,
};
const KNOWN_ATTRIBUTES: ReadonlySet<string> = new Set(METRIC_ATTRIBUTE_NAMES);

/** The properties sent in a measurement's object `raw`; problems recorded for bad ones. */
export function readMetricProperties(
  raw: Record<string, unknown>,
  prefix: string,
  problems: Problem[],
): SentMetricProperties {
  const properties: SentMetricProperties = {};
  if (!isAbsent(raw.type)) {
    if (raw.type === 'gauge') properties.type = 'gauge';
    else fail(problems, `${prefix}type`, `must be "gauge": measurements create gauges only, got ${shown(raw.type)}`);
  }
  const displayName = optional(raw.display_name, `${prefix}display_name`, problems, MAX_DISPLAY_NAME);
  if (displayName !== undefined) properties.displayName = displayName;
  const description = optional(raw.description, `${prefix}description`, problems, MAX_DESCRIPTION);
  if (description !== undefined) properties.description = description;
  const attributes = isAbsent(raw.attributes)
    ? undefined
    : readAttributes(raw.attributes, `${prefix}attributes`, problems);
  if (attributes !== undefined) properties.attributes = attributes;
  return properties;
}

function optional(raw: unknown, param: string, problems: Problem[], maxLength: number): string | undefined {
  return isAbsent(raw) ? undefined : readText(raw, param, problems, maxLength);
}

function readAttributes(raw: unknown, param: string, problems: Problem[]): MetricAttributes | undefined {
  if (!isRecord(raw)) return fail(problems, param, `must be an object of attribute → value, got ${shown(raw)}`);
  reportUnknownFields(raw, KNOWN_ATTRIBUTES, `${param}.`, problems);
  const attributes: MetricAttributes = {};
  for (const name of METRIC_ATTRIBUTE_NAMES) {
    if (!isAbsent(raw[name])) readAttribute(attributes, name, raw[name], `${param}.${name}`, problems);
  }
  return attributes;
}

function readAttribute<K extends MetricAttributeName>(
  attributes: Partial<AttributeValues>,
  name: K,
  raw: unknown,
  param: string,
  problems: Problem[],
): void {
  const value = ATTRIBUTE_READERS[name](raw, param, problems);
  if (value !== undefined) attributes[name] = value;
}
