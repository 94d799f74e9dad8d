/**
 * Plans the Lua ingest script's work for one series: which raw chunks get which points, which
 * 15-minute, hourly and daily buckets must be recomputed, and when each key expires. Pure:
 * the plan is data, so it is unit-tested without Redis.
 */
import type { BucketState } from '../../domain/bucketState.js';
import { encodeState } from './pointCodec.js';
import {
  BUCKETS_PER_BLOCK,
  blockSeconds,
  floorTo,
  RAW_CHUNK_SECONDS,
  rollupSlot,
  type RollupGrain,
  type SeriesKeys,
} from './seriesLayout.js';

export interface SeriesPoint {
  /** Unix seconds. */
  time: number;
  state: BucketState;
}

/** How long each level is kept, in seconds. */
export interface Retention {
  raw: number;
  r900: number;
  r3600: number;
  r86400: number;
}

export interface WritePlan {
  keys: string[];
  args: (string | number)[];
}

/** `replace`: a point replaces the one stored at its second; `add`: it is combined into it. */
export type WriteMode = 'replace' | 'add';

export function planSeriesWrite(
  keys: SeriesKeys,
  points: readonly SeriesPoint[],
  retention: Retention,
  mode: WriteMode = 'replace',
): WritePlan {
  const plan = new PlanBuilder();
  const pointArgs: (string | number)[] = [];
  const quarters = new Map<number, number>(); // quarter start → chunk start
  for (const { time, state } of points) {
    const chunkStart = floorTo(time, RAW_CHUNK_SECONDS);
    const chunk = plan.key(keys.raw(chunkStart), chunkStart + RAW_CHUNK_SECONDS + retention.raw);
    pointArgs.push(chunk, time - chunkStart, encodeState(state));
    quarters.set(floorTo(time, 900), chunkStart);
  }

  const quarterArgs: (string | number)[] = [];
  for (const [quarter, chunkStart] of [...quarters].sort(([a], [b]) => a - b)) {
    const slot = rollupKey(plan, keys, 900, quarter, retention.r900);
    quarterArgs.push(
      plan.key(keys.raw(chunkStart), chunkStart + RAW_CHUNK_SECONDS + retention.raw),
      quarter - chunkStart,
      slot.key,
      slot.field,
    );
  }

  const parentArgs: (string | number)[] = [];
  const hours = unique([...quarters.keys()].map((quarter) => floorTo(quarter, 3_600)));
  for (const hour of hours) parentArgs.push(...parent(plan, keys, retention, 900, 3_600, hour));
  const days = unique(hours.map((hour) => floorTo(hour, 86_400)));
  for (const day of days) parentArgs.push(...parent(plan, keys, retention, 3_600, 86_400, day));

  return {
    keys: plan.keys,
    args: [
      mode,
      points.length,
      ...pointArgs,
      quarters.size,
      ...quarterArgs,
      hours.length + days.length,
      ...parentArgs,
      plan.expiries.length / 2,
      ...plan.expiries,
    ],
  };
}

/** One parent bucket: recomputed from its children, which all lie in one key of the level below. */
function parent(
  plan: PlanBuilder,
  keys: SeriesKeys,
  retention: Retention,
  childGrain: RollupGrain,
  grain: RollupGrain,
  start: number,
): (string | number)[] {
  const firstChild = rollupKey(plan, keys, childGrain, start, retentionOf(retention, childGrain));
  const slot = rollupKey(plan, keys, grain, start, retentionOf(retention, grain));
  const childCount = grain / childGrain;
  if (firstChild.field + childCount > BUCKETS_PER_BLOCK)
    throw new Error(`children of ${grain}s bucket ${start} span two keys`);
  return [firstChild.key, firstChild.field, childCount, slot.key, slot.field];
}

function rollupKey(
  plan: PlanBuilder,
  keys: SeriesKeys,
  grain: RollupGrain,
  bucketStart: number,
  keep: number,
): { key: number; field: number } {
  const { blockStart, field } = rollupSlot(grain, bucketStart);
  return { key: plan.key(keys.rollup(grain, blockStart), blockStart + blockSeconds(grain) + keep), field };
}

/** Retention in seconds from the configuration's days per level. */
export function retentionFromDays(days: { raw: number; r900: number; r3600: number; r86400: number }): Retention {
  const DAY = 86_400;
  return { raw: days.raw * DAY, r900: days.r900 * DAY, r3600: days.r3600 * DAY, r86400: days.r86400 * DAY };
}

export function retentionOf(retention: Retention, grain: RollupGrain): number {
  return grain === 900 ? retention.r900 : grain === 3_600 ? retention.r3600 : retention.r86400;
}

function unique(values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

/** Numbers keys 1..n in first-use order (Lua's KEYS is 1-based) and records each key's expiry once. */
class PlanBuilder {
  readonly keys: string[] = [];
  readonly expiries: number[] = [];
  private readonly index = new Map<string, number>();

  key(name: string, expireAt: number): number {
    let position = this.index.get(name);
    if (position === undefined) {
      this.keys.push(name);
      position = this.keys.length;
      this.index.set(name, position);
      this.expiries.push(position, expireAt);
    }
    return position;
  }
}
