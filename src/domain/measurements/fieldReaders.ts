/**
 * Readers for the scalar fields of a measurement payload, which may be any JSON at all. Each
 * reader either returns the field's typed value or records a problem naming the field and
 * returns undefined, so one pass collects every problem of a measurement.
 *
 * The rule: readers never throw. Whole-request failures are thrown by measurementBatch.ts
 * alone; here, bad input is a recorded problem, whatever its shape.
 */

/** One thing wrong with one field. */
export interface Problem {
  param: string;
  reason: string;
}

/**
 * Float restrictions of the reference: a value whose base-10 exponent, as written in decimal,
 * is above 126 aborts the whole request; one whose exponent is below -130 is truncated to 0.
 * For doubles these are exactly `|x| >= 1e127` and `|x| < 1e-130` (the literal is the double
 * nearest 10^127, whose shortest decimal form is "1e127"; every double below it prints with
 * exponent 126 or less).
 */
export const FLOAT_ABORT_AT = 1e127;
export const FLOAT_ZERO_BELOW = 1e-130;

export function isRecord(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

/** Null and a missing key mean the same: not sent. */
export function isAbsent(raw: unknown): raw is null | undefined {
  return raw === null || raw === undefined;
}

/** Records a problem; returns undefined so a reader can `return fail(...)`. */
export function fail(problems: Problem[], param: string, reason: string): undefined {
  problems.push({ param, reason });
  return undefined;
}

/** A short, safe rendering of what was sent, for reasons. */
export function shown(raw: unknown): string {
  if (typeof raw === 'string') return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
  if (Array.isArray(raw)) return 'a list';
  if (raw === null) return 'null';
  if (typeof raw === 'object') return 'an object';
  return String(raw);
}

/** A name (key) as it may appear in a param: long ones cut short. */
export function paramName(name: string): string {
  return name.length > 64 ? `${name.slice(0, 64)}…` : name;
}

/** Records a problem for each key of `raw` that is not in `known`. */
export function reportUnknownFields(
  raw: Record<string, unknown>,
  known: ReadonlySet<string>,
  prefix: string,
  problems: Problem[],
): void {
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) fail(problems, `${prefix}${paramName(key)}`, `is not a known field`);
  }
}

/** A finite number; tiny ones (and -0) become 0 per the float restrictions. */
export function readFloat(raw: unknown, param: string, problems: Problem[]): number | undefined {
  if (typeof raw !== 'number') return fail(problems, param, `must be a number, got ${shown(raw)}`);
  if (!Number.isFinite(raw)) return fail(problems, param, `must be a finite number, got ${shown(raw)}`);
  return Math.abs(raw) < FLOAT_ZERO_BELOW ? 0 : raw;
}

/** An optional float: null when not sent, and null (with a problem recorded) when invalid. */
export function readOptionalFloat(raw: unknown, param: string, problems: Problem[]): number | null {
  return isAbsent(raw) ? null : (readFloat(raw, param, problems) ?? null);
}

/** A whole number (a safe integer) no smaller than `min`. */
export function readInteger(raw: unknown, param: string, problems: Problem[], min: number): number | undefined {
  if (typeof raw !== 'number' || !Number.isSafeInteger(raw)) {
    return fail(problems, param, `must be a whole number, got ${shown(raw)}`);
  }
  if (raw < min) return fail(problems, param, `must be at least ${min}, got ${raw}`);
  return raw;
}

/** A string of 1 to `maxLength` characters. */
export function readText(raw: unknown, param: string, problems: Problem[], maxLength: number): string | undefined {
  if (typeof raw !== 'string') return fail(problems, param, `must be a string, got ${shown(raw)}`);
  if (raw.length === 0 || raw.length > maxLength) {
    return fail(problems, param, `must have 1 to ${maxLength} characters, got ${raw.length}`);
  }
  return raw;
}

export function readBoolean(raw: unknown, param: string, problems: Problem[]): boolean | undefined {
  if (typeof raw !== 'boolean') return fail(problems, param, `must be true or false, got ${shown(raw)}`);
  return raw;
}

/** One of a fixed set of strings. */
export function readChoice<T extends string>(
  raw: unknown,
  param: string,
  problems: Problem[],
  choices: readonly T[],
): T | undefined {
  const choice = choices.find((candidate) => candidate === raw);
  if (choice === undefined) return fail(problems, param, `must be one of ${choices.join(', ')}, got ${shown(raw)}`);
  return choice;
}
