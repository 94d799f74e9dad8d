/**
 * Metric metadata of the native store (AppOptics reference, "Metrics"): type, display name,
 * description, period, attributes and a composite definition, per tenant.
 * Redis (tenant slot): `{t:<tenant>}:metric-defs` hash name → JSON record, and
 * `{t:<tenant>}:metric-names` sorted set (all scores 0, so members sort by name) for listing.
 * The rule: a metric created by a measurement keeps the properties sent then; later
 * measurements never change them (the reference) — only upsert and update do.
 */
import type { Clock } from '../../clock.js';
import { wildcardMatcher } from '../../domain/wildcard.js';
import type { MetricPage, MetricProperties, MetricRecord } from '../../domain/metricRecord.js';
import type { Store } from '../../store/store.js';

export class MetricCatalog {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async get(tenant: string, name: string): Promise<MetricRecord | null> {
    const json = await this.store.redis.hget(this.defsKey(tenant), name.toLowerCase());
    return json ? (JSON.parse(json) as MetricRecord) : null;
  }

  /** The named metrics in the order asked (one HMGET); null where a name has no record. */
  async getMany(tenant: string, names: readonly string[]): Promise<(MetricRecord | null)[]> {
    if (names.length === 0) return [];
    const json = await this.store.redis.hmget(this.defsKey(tenant), ...names.map((name) => name.toLowerCase()));
    return json.map((text) => (text ? (JSON.parse(text) as MetricRecord) : null));
  }

  /** Creates the metric unless it exists; returns whether it was created. */
  async createIfMissing(tenant: string, name: string, properties: MetricProperties): Promise<boolean> {
    const record = this.newRecord(name, properties);
    const created = await this.store.redis.hsetnx(this.defsKey(tenant), record.name, JSON.stringify(record));
    await this.store.redis.zadd(this.namesKey(tenant), 0, record.name);
    return created === 1;
  }

  /** Creates or replaces the properties given; attributes are merged key by key. */
  async upsert(tenant: string, name: string, properties: MetricProperties): Promise<MetricRecord> {
    const current = await this.get(tenant, name);
    const record = current ? this.applied(current, properties) : this.newRecord(name, properties);
    await this.store.redis
      .multi()
      .hset(this.defsKey(tenant), record.name, JSON.stringify(record))
      .zadd(this.namesKey(tenant), 0, record.name)
      .exec();
    return record;
  }

  /** Applies the same properties to every named metric that exists; returns those updated. */
  async updateMany(tenant: string, names: readonly string[], properties: MetricProperties): Promise<MetricRecord[]> {
    const updated: MetricRecord[] = [];
    for (const name of names) {
      const current = await this.get(tenant, name);
      if (!current) continue;
      const record = this.applied(current, properties);
      await this.store.redis.hset(this.defsKey(tenant), record.name, JSON.stringify(record));
      updated.push(record);
    }
    return updated;
  }

  async remove(tenant: string, names: readonly string[]): Promise<void> {
    if (names.length === 0) return;
    await this.store.redis
      .multi()
      .hdel(this.defsKey(tenant), ...names)
      .zrem(this.namesKey(tenant), ...names)
      .exec();
  }

  /** Names of the tenant's metrics matching a wildcard pattern (or substring), in name order. */
  async names(tenant: string, pattern?: string | null): Promise<string[]> {
    const all = await this.store.redis.zrange(this.namesKey(tenant), '0', '-1');
    if (!pattern) return all;
    const matches = wildcardMatcher(pattern.toLowerCase());
    return all.filter(matches);
  }

  async page(
    tenant: string,
    options: { pattern?: string | null; after?: string | null; first: number; descending: boolean },
  ): Promise<MetricPage> {
    const names = await this.names(tenant, options.pattern);
    const ordered = options.descending ? names.reverse() : names;
    const after = options.after;
    const start = after ? ordered.findIndex((name) => (options.descending ? name < after : name > after)) : 0;
    const from = start === -1 ? ordered.length : start;
    const slice = ordered.slice(from, from + options.first);
    const json = slice.length > 0 ? await this.store.redis.hmget(this.defsKey(tenant), ...slice) : [];
    const metrics = json.flatMap((text) => (text ? [JSON.parse(text) as MetricRecord] : []));
    return { metrics, totalCount: ordered.length, hasNextPage: from + options.first < ordered.length };
  }

  private newRecord(name: string, properties: MetricProperties): MetricRecord {
    const now = this.clock.now().toISOString();
    return {
      name: name.toLowerCase(),
      type: properties.type ?? 'gauge',
      displayName: properties.displayName ?? null,
      description: properties.description ?? null,
      period: properties.period ?? null,
      attributes: { ...properties.attributes },
      composite: properties.composite ?? null,
      createdAt: now,
      updatedAt: now,
    };
  }

  private applied(current: MetricRecord, properties: MetricProperties): MetricRecord {
    return {
      ...current,
      ...definedOnly({
        type: properties.type,
        displayName: properties.displayName,
        description: properties.description,
        period: properties.period,
        composite: properties.composite,
      }),
      attributes: { ...current.attributes, ...properties.attributes },
      updatedAt: this.clock.now().toISOString(),
    };
  }

  private defsKey(tenant: string): string {
    return this.store.tenantKey(tenant, 'metric-defs');
  }

  private namesKey(tenant: string): string {
    return this.store.tenantKey(tenant, 'metric-names');
  }
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
