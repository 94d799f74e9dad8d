/**
 * Where a series' data lives in Redis, and the time arithmetic of the rollup ladder.
 *
 * Key layout (all keys of one series share the hash tag `{s:<tenant>:<series id>}`, so every
 * per-series operation is single-slot in Redis Cluster):
 *   <prefix>:{s:<tenant>:<sid>}:raw:<chunk start>    hash  offset (s) → point      2 h per key
 *   <prefix>:{s:<tenant>:<sid>}:r900:<block start>   hash  index → bucket state    96 × 15 min (1 day)
 *   <prefix>:{s:<tenant>:<sid>}:r3600:<block start>  hash  index → bucket state    96 × 1 h (4 days)
 *   <prefix>:{s:<tenant>:<sid>}:r86400:<block start> hash  index → bucket state    96 × 1 day
 * Blocks and chunks are aligned to the Unix epoch. A rollup key holds 96 buckets and a raw
 * chunk 120 one-minute points, so with Redis's default `hash-max-listpack-entries` (128) both
 * stay in the compact listpack encoding.
 *
 * The ladder: 15 min is the finest rollup because every time zone's offset is a multiple of
 * 15 minutes, so local calendar days are exact unions of 15-minute buckets. The rule: each
 * level's grain divides the next (900 | 3600 | 86400), each bucket lies in one key of its level,
 * and each bucket's children lie in one key of the level below — so a bucket is always
 * recomputed from its children in one read.
 */
export const RAW_CHUNK_SECONDS = 7_200;
export const BUCKETS_PER_BLOCK = 96;
export const ROLLUP_GRAINS = [900, 3_600, 86_400] as const;
export type RollupGrain = (typeof ROLLUP_GRAINS)[number];

export function floorTo(time: number, step: number): number {
  return Math.floor(time / step) * step;
}

export function blockSeconds(grain: RollupGrain): number {
  return grain * BUCKETS_PER_BLOCK;
}

export class SeriesKeys {
  private readonly base: string;

  constructor(prefix: string, tenant: string, seriesId: string) {
    this.base = `${prefix}:{s:${tenant}:${seriesId}}`;
  }

  raw(chunkStart: number): string {
    return `${this.base}:raw:${chunkStart}`;
  }

  rollup(grain: RollupGrain, blockStart: number): string {
    return `${this.base}:r${grain}:${blockStart}`;
  }
}

/** Where one bucket of a rollup level is stored: its key's block and its field. */
export function rollupSlot(grain: RollupGrain, bucketStart: number): { blockStart: number; field: number } {
  const blockStart = floorTo(bucketStart, blockSeconds(grain));
  return { blockStart, field: (bucketStart - blockStart) / grain };
}
