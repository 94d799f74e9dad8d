/**
 * Shared scaffolding for the measurement batch tests: a fixed clock, a valid measurement to
 * vary one field at a time, and `checkCase`, which runs one row of a rule table.
 */
import { expect } from 'vitest';
import { UserInputError } from '../../src/errors.js';
import { type BatchContext, validateBatch } from '../../src/domain/measurements/measurementBatch.js';
import type { BatchValidation, Measurement } from '../../src/domain/measurements/measurement.js';

/** 2025-01-01T00:00:00Z; the clock is 0.7 s past it, so `now` floors to this. */
export const NOW_SECONDS = 1_735_689_600;
export const context: BatchContext = { now: new Date(NOW_SECONDS * 1000 + 700), environment: null };

/** A valid measurement; `overrides` replace fields (undefined removes one). */
export function sample(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'cpu', value: 1, tags: { host: 'a' }, ...overrides };
}

export interface RuleCase {
  rule: string;
  measurement: Record<string, unknown>;
  /** Top-level fields besides `measurements`. */
  top?: Record<string, unknown>;
  environment?: string | null;
  /** Fields the accepted measurement must have... */
  accepted?: Partial<Measurement>;
  /** ...or the error it must fail with. */
  error?: { param: string; reason: RegExp };
}

export function validateOne(
  measurement: unknown,
  top: Record<string, unknown> = {},
  environment: string | null = null,
): BatchValidation {
  return validateBatch({ ...top, measurements: [measurement] }, { ...context, environment });
}

export function checkCase({ measurement, top, environment, accepted, error }: RuleCase): void {
  const result = validateOne(measurement, top, environment ?? null);
  if (error) {
    expect(result.accepted).toEqual([]);
    expect(result.summary).toMatchObject({ total: 1, failed: 1 });
    expect(result.errors).toContainEqual({ index: 0, param: error.param, reason: expect.stringMatching(error.reason) });
  } else {
    expect(result.errors).toEqual([]);
    expect(result.accepted).toHaveLength(1);
    expect(result.accepted[0]).toMatchObject(accepted ?? {});
  }
}

/** The UserInputError a whole-request failure throws, or a test failure when none is thrown. */
export function requestFailure(payload: unknown, environment: string | null = null): UserInputError {
  try {
    validateBatch(payload, { ...context, environment });
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    return error as UserInputError;
  }
  throw new Error('expected the whole request to fail');
}
