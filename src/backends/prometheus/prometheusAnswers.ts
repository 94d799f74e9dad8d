/**
 * The shapes of the Prometheus HTTP API answers Almanac reads, as zod schemas: the JSON
 * envelope, and the `data` of each endpoint (label names and values, metadata, instant and
 * range queries). PrometheusHttp checks every answer against its endpoint's shape, so code past
 * it reads typed values; an answer of another shape is a MalformedAnswerError naming the
 * endpoint, never a TypeError further on.
 *
 * The rule: a range query's samples are checked by one tight loop, not a zod schema per sample.
 * An answer can hold 100 series × 10,000 samples, and a zod tuple per sample costs about as much
 * again as parsing the JSON; the loop costs a few percent of it (bench (e) measures this path).
 */
import { z } from 'zod';

/** Prometheus's envelope: `data` on success, `errorType` and `error` otherwise. */
export const envelopeSchema = z.object({
  status: z.enum(['success', 'error']),
  data: z.unknown().optional(),
  errorType: z.string().optional(),
  error: z.string().optional(),
  warnings: z.array(z.string()).optional(),
});

/** `/api/v1/labels` and `/api/v1/label/<name>/values`. */
export const stringListAnswer = z.array(z.string());

/** `/api/v1/metadata`: entries by metric family name. Engines that omit help or unit say nothing. */
export const metadataAnswer = z.record(
  z.string(),
  z.array(z.object({ type: z.string(), help: z.string().default(''), unit: z.string().default('') })),
);

const labels = z.record(z.string(), z.string());

/** `[time, "value"]`: Unix seconds, the value as Prometheus wrote it. */
export type RawSample = [number, string];

/** Sample times RFC 3339 can write (years 0 to 9999), in Unix seconds: what a DateTime shows. */
const MIN_TIME = -62_167_219_200;
const MAX_TIME = 253_402_300_799;

function isSample(value: unknown): value is RawSample {
  if (!Array.isArray(value) || value.length !== 2 || typeof value[1] !== 'string') return false;
  const time: unknown = value[0];
  return typeof time === 'number' && time >= MIN_TIME && time <= MAX_TIME;
}

/** A series' samples: runs once per sample of every range answer, so it is a plain loop. */
function isSampleList(value: unknown): value is RawSample[] {
  if (!Array.isArray(value)) return false;
  for (let index = 0; index < value.length; index += 1) {
    if (!isSample(value[index])) return false;
  }
  return true;
}

const sample = z.custom<RawSample>(isSample, { message: 'expected [time, "value"], the time in years 0 to 9999' });
const sampleList = z.custom<RawSample[]>(isSampleList, {
  message: 'expected a list of [time, "value"], each time in years 0 to 9999',
});

/** `/api/v1/query_range` as the bucket reads need it: always a matrix. */
export const matrixAnswer = z.object({
  resultType: z.literal('matrix'),
  result: z.array(z.object({ metric: labels, values: sampleList })),
});

/** `/api/v1/query` and `/api/v1/query_range`: any of the four result types. */
export const queryAnswer = z.discriminatedUnion('resultType', [
  z.object({ resultType: z.literal('vector'), result: z.array(z.object({ metric: labels, value: sample })) }),
  matrixAnswer,
  z.object({ resultType: z.literal('scalar'), result: sample }),
  z.object({ resultType: z.literal('string'), result: sample }),
]);

export type QueryData = z.infer<typeof queryAnswer>;
export type RawMatrix = z.infer<typeof matrixAnswer>['result'];

/** The answer to `/api/v1/<path>` did not have that endpoint's shape (or was not JSON). */
export class MalformedAnswerError extends Error {
  constructor(
    /** The endpoint, from `/api/v1/` on: no host, port or path prefix of the server's. */
    readonly endpoint: string,
    /** The HTTP status the server answered with. */
    readonly status: number,
    /** What was wrong, for the log: where in the answer and what was expected there. */
    readonly problem: string,
  ) {
    super(`malformed answer to ${endpoint}`);
    this.name = 'MalformedAnswerError';
  }
}

/** `data` checked against `shape`, or a MalformedAnswerError saying where it differs. */
export function checkAnswer<T>(shape: z.ZodType<T>, data: unknown, endpoint: string, status: number): T {
  const parsed = shape.safeParse(data);
  if (parsed.success) return parsed.data;
  throw malformedAnswer(endpoint, status, parsed.error, 'data');
}

/** The first of zod's `error` issues, as where (from `root`) and what, in a MalformedAnswerError. */
export function malformedAnswer(
  endpoint: string,
  status: number,
  error: z.ZodError,
  root: string,
): MalformedAnswerError {
  const [issue] = error.issues;
  const where = [root, ...(issue?.path.map(String) ?? [])].join('.');
  return new MalformedAnswerError(endpoint, status, `${where}: ${issue?.message ?? 'unexpected shape'}`);
}
