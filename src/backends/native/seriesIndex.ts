/**
 * The series of each metric and their tags, for filtering and group-by at query time.
 * Redis (tenant slot): `{t:<tenant>}:series:<metric>` hash series id → JSON of the sorted
 * [name, value] tag pairs. A series id is a hash of the metric name and its canonical tags,
 * so every replica derives the same id for the same stream without asking Redis.
 */
import { createHash } from 'node:crypto';
import { boundedCache, CACHE_LIMITS } from '../../cacheLimits.js';
import type { Store } from '../../store/store.js';

export type TagPairs = readonly (readonly [string, string])[];

export interface IndexedSeries {
  id: string;
  tags: TagPairs;
}

export function seriesIdOf(metric: string, tags: TagPairs): string {
  const canonical = [metric, ...tags.map(([name, value]) => `${name}=${value}`)].join('\n');
  return createHash('sha1').update(canonical).digest('hex').slice(0, 20);
}

export class SeriesIndex {
  /** Series known to be registered, to skip the write on the hot path (cacheLimits.ts). */
  private readonly known = boundedCache<string, true>(CACHE_LIMITS.nativeKnownSeries);

  constructor(private readonly store: Store) {}

  /** Records series of a metric (idempotent); returns the number that were new to Redis. */
  async register(tenant: string, metric: string, series: readonly IndexedSeries[]): Promise<number> {
    const unknown = series.filter((entry) => !this.known.has(`${tenant}/${metric}/${entry.id}`));
    if (unknown.length === 0) return 0;
    const key = this.key(tenant, metric);
    const results = await Promise.all(
      unknown.map((entry) => this.store.redis.hsetnx(key, entry.id, JSON.stringify(entry.tags))),
    );
    for (const entry of unknown) this.known.set(`${tenant}/${metric}/${entry.id}`, true);
    return results.filter((created) => created === 1).length;
  }

  async list(tenant: string, metric: string): Promise<IndexedSeries[]> {
    const entries = await this.store.redis.hgetall(this.key(tenant, metric));
    return Object.entries(entries).map(([id, json]) => ({ id, tags: JSON.parse(json) as [string, string][] }));
  }

  /** Forgets every series of a metric; returns their ids so their data can be deleted. */
  async removeMetric(tenant: string, metric: string): Promise<string[]> {
    const ids = await this.store.redis.hkeys(this.key(tenant, metric));
    await this.store.redis.del(this.key(tenant, metric));
    for (const id of ids) this.known.delete(`${tenant}/${metric}/${id}`);
    return ids;
  }

  private key(tenant: string, metric: string): string {
    return this.store.tenantKey(tenant, 'series', metric);
  }
}
