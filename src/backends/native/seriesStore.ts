/**
 * Reads and writes the points and rollups of native series (layout in seriesLayout.ts).
 * Writes go through the Lua ingest script, one call per series, issued concurrently; that
 * per-series call and its full rollup recompute are what limit ingest (bench/RESULTS.md).
 */
import type { RedisConnection } from './redisConnection.js';
import { INGEST_SCRIPT } from './ingestScript.js';
import { decodeState } from './pointCodec.js';
import { blockSeconds, floorTo, RAW_CHUNK_SECONDS, SeriesKeys, type RollupGrain } from './seriesLayout.js';
import { planSeriesWrite, type Retention, type SeriesPoint } from './seriesWritePlan.js';

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

  /** Deletes every key of one series. */
  async deleteSeries(tenant: string, seriesId: string): Promise<void> {
    const pattern = `${this.prefix}:{s:${tenant}:${seriesId}}:*`;
    const found = await scanKeys(this.redis, pattern);
    if (found.length > 0) await this.redis.unlink(...found);
  }
}

async function scanKeys(redis: RedisConnection, pattern: string): Promise<string[]> {
  const nodes = 'nodes' in redis ? redis.nodes('master') : [redis];
  const keys: string[] = [];
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, batch] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      keys.push(...batch);
      cursor = next;
    } while (cursor !== '0');
  }
  return keys;
}
