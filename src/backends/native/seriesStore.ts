/**
 * Reads and writes the points and rollups of native series (layout in seriesLayout.ts).
 * Writes go through the Lua ingest script, one call per series, issued concurrently; that
 * per-series call and its full rollup recompute are what limit ingest (bench/RESULTS.md).
 */
import type { RedisConnection } from './redisConnection.js';
import { INGEST_SCRIPT } from './ingestScript.js';
import { decodeState } from './pointCodec.js';
import {
  blockSeconds,
  floorTo,
  RAW_CHUNK_SECONDS,
  ROLLUP_GRAINS,
  SeriesKeys,
  type RollupGrain,
} from './seriesLayout.js';
import { planSeriesWrite, retentionOf, type Retention, type SeriesPoint } from './seriesWritePlan.js';

/** A level of the ladder: raw points, or a rollup grain in seconds. */
export type StorageLevel = 'raw' | RollupGrain;

interface IngestCommand {
  almanacIngest(numberOfKeys: number, ...keysAndArgs: (string | number)[]): Promise<unknown>;
}

export class SeriesStore {
  private readonly redis: RedisConnection & IngestCommand;

  constructor(
    redis: RedisConnection,
    private readonly prefix: string,
    readonly retention: Retention,
  ) {
    redis.defineCommand('almanacIngest', { lua: INGEST_SCRIPT });
    this.redis = redis as RedisConnection & IngestCommand;
  }

  /** Writes points of one series (replacing any at the same second) and refreshes its rollups. */
  async write(tenant: string, seriesId: string, points: readonly SeriesPoint[]): Promise<void> {
    if (points.length === 0) return;
    const plan = planSeriesWrite(new SeriesKeys(this.prefix, tenant, seriesId), points, this.retention);
    await this.redis.almanacIngest(plan.keys.length, ...plan.keys, ...plan.args);
  }

  /** The points or buckets of one series with time in [start, end), in time order. */
  async read(
    tenant: string,
    seriesId: string,
    level: StorageLevel,
    start: number,
    end: number,
  ): Promise<SeriesPoint[]> {
    const keys = new SeriesKeys(this.prefix, tenant, seriesId);
    const span = level === 'raw' ? RAW_CHUNK_SECONDS : blockSeconds(level);
    const unit = level === 'raw' ? 1 : level;
    const blocks: number[] = [];
    for (let block = floorTo(start, span); block < end; block += span) blocks.push(block);
    const contents = await Promise.all(
      blocks.map((block) => this.redis.hgetall(level === 'raw' ? keys.raw(block) : keys.rollup(level, block))),
    );
    const points: SeriesPoint[] = [];
    contents.forEach((fields, index) => {
      const block = blocks[index] as number;
      for (const [field, value] of Object.entries(fields)) {
        const time = block + Number(field) * unit;
        if (time >= start && time < end) points.push({ time, state: decodeState(value) });
      }
    });
    return points.sort((a, b) => a.time - b.time);
  }

  /**
   * Deletes every key of one series. The keys are derived from the layout, not searched for:
   * a key of a chunk or block can only still exist while its expiry (end + retention) is
   * ahead, so the candidates are the chunks and blocks from `now - retention` to a day ahead
   * (ingest refuses points further in the future). One UNLINK per level, all in the series'
   * slot. Keys written under a longer retention than the current one expire on their own.
   */
  async deleteSeries(tenant: string, seriesId: string, now = Math.floor(Date.now() / 1000)): Promise<void> {
    const keys = new SeriesKeys(this.prefix, tenant, seriesId);
    const levels = [
      { span: RAW_CHUNK_SECONDS, keep: this.retention.raw, key: (start: number) => keys.raw(start) },
      ...ROLLUP_GRAINS.map((grain) => ({
        span: blockSeconds(grain),
        keep: retentionOf(this.retention, grain),
        key: (start: number) => keys.rollup(grain, start),
      })),
    ];
    await Promise.all(
      levels.map(({ span, keep, key }) => {
        const names: string[] = [];
        for (let start = floorTo(now - keep - span, span); start <= now + DAY; start += span) names.push(key(start));
        return this.redis.unlink(...names);
      }),
    );
  }
}

const DAY = 86_400;
