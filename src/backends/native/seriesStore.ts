/**
 * Reads and writes the points and rollups of native series (layout in seriesLayout.ts).
 * Writes go through the Lua ingest script, one call per series, issued concurrently; that
 * per-series call and its full rollup recompute are what limit ingest (bench/RESULTS.md).
 */
import type { RedisConnection } from '../../redis/redisConnection.js';
import { INGEST_SCRIPT } from './ingestScript.js';
import { locate, NOT_LOCATED, type BucketState, type LocatedState } from '../../domain/bucketState.js';
import type { Piece } from './bucketPlan.js';
import { decodeState } from './pointCodec.js';
import {
  blockSeconds,
  floorTo,
  RAW_CHUNK_SECONDS,
  ROLLUP_GRAINS,
  rollupSlot,
  SeriesKeys,
  type RollupGrain,
} from './seriesLayout.js';
import { planSeriesWrite, retentionOf, type Retention, type SeriesPoint, type WriteMode } from './seriesWritePlan.js';

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

  /**
   * Writes points of one series and refreshes its rollups. A point replaces any at the same
   * second, unless `mode` is `add`, which combines it into that point (usage counts).
   */
  async write(
    tenant: string,
    seriesId: string,
    points: readonly SeriesPoint[],
    mode: WriteMode = 'replace',
  ): Promise<void> {
    if (points.length === 0) return;
    const plan = planSeriesWrite(new SeriesKeys(this.prefix, tenant, seriesId), points, this.retention, mode);
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
   * The state of each bucket of `plan` (bucketPlan.ts) for one series: every rollup piece is read
   * with one HMGET per key for just the fields it covers, raw pieces from their chunks, and each
   * bucket's piece states are combined in time order. Buckets with no piece (none) stay EMPTY.
   */
  async readBuckets(
    tenant: string,
    seriesId: string,
    pieces: readonly Piece[],
    bucketCount: number,
  ): Promise<BucketState[]> {
    return (await this.readTimedBuckets(tenant, seriesId, pieces, bucketCount)).map((timed) => timed.state);
  }

  /**
   * As readBuckets, with where in time each bucket's first and last values were found, so that
   * several series' states can be combined by time (nativeBackend.ts).
   */
  async readTimedBuckets(
    tenant: string,
    seriesId: string,
    pieces: readonly Piece[],
    bucketCount: number,
  ): Promise<LocatedState[]> {
    const pieceStates = await this.readPieces(new SeriesKeys(this.prefix, tenant, seriesId), pieces);
    const timed: LocatedState[] = Array.from({ length: bucketCount }, () => NOT_LOCATED);
    pieces.forEach((piece, index) => {
      for (const { time, state } of pieceStates[index] ?? []) {
        timed[piece.bucket] = locate(timed[piece.bucket] ?? NOT_LOCATED, state, time);
      }
    });
    return timed;
  }

  /**
   * The stored points of every piece, in time order per piece, with each key read once: one
   * HMGET per rollup key for all the fields any piece needs from it (24 hourly buckets of a day
   * are one command, not 24), one HGETALL per raw chunk whatever the number of pieces in it.
   */
  private async readPieces(keys: SeriesKeys, pieces: readonly Piece[]): Promise<SeriesPoint[][]> {
    const found: SeriesPoint[][] = pieces.map(() => []);
    const rollups = new Map<string, { fields: string[]; into: { piece: number; time: number }[] }>();
    const chunks = new Map<number, number[]>(); // chunk start → indexes of raw pieces in it
    pieces.forEach((piece, index) => {
      if (piece.level === 'raw') {
        for (let chunk = floorTo(piece.start, RAW_CHUNK_SECONDS); chunk < piece.end; chunk += RAW_CHUNK_SECONDS) {
          chunks.set(chunk, [...(chunks.get(chunk) ?? []), index]);
        }
        return;
      }
      const grain = piece.level;
      for (let time = piece.start; time < piece.end; time += grain) {
        const { blockStart, field } = rollupSlot(grain, time);
        const key = keys.rollup(grain, blockStart);
        const read = rollups.get(key) ?? { fields: [], into: [] };
        read.fields.push(String(field));
        read.into.push({ piece: index, time });
        rollups.set(key, read);
      }
    });
    await Promise.all([
      ...[...rollups].map(async ([key, { fields, into }]) => {
        const values = await this.redis.hmget(key, ...fields);
        values.forEach((value, at) => {
          const target = into[at];
          if (value !== null && target) found[target.piece]?.push({ time: target.time, state: decodeState(value) });
        });
      }),
      ...[...chunks].map(async ([chunk, indexes]) => {
        const fields = await this.redis.hgetall(keys.raw(chunk));
        for (const [offset, value] of Object.entries(fields)) {
          const time = chunk + Number(offset);
          const index = indexes.find((candidate) => {
            const piece = pieces[candidate];
            return piece !== undefined && time >= piece.start && time < piece.end;
          });
          if (index !== undefined) found[index]?.push({ time, state: decodeState(value) });
        }
      }),
    ]);
    for (const points of found) points.sort((a, b) => a.time - b.time);
    return found;
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
