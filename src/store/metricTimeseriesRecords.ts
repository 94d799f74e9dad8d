/**
 * Stored metric timeseries definitions in Redis (the OpenDataDSL reference's *Metric
 * Timeseries*): what services/metricTimeseriesService.ts validated, kept as it was given.
 *
 * Redis, per tenant (the tenant's slot):
 *   store.tenantKey(tenant, 'timeseries')   hash: id → the definition as JSON
 *
 * The rule: a definition is only ever written whole, and an update writes only while its id is
 * still in the hash (one script), so a concurrent delete is never undone.
 */
import type { Observed } from '../domain/calendar/observed.js';
import type { Store } from './store.js';

export interface MetricTimeseriesRecord {
  id: string;
  provider: string;
  metric: string;
  name: string | null;
  description: string | null;
  calendar: string;
  observed: Observed;
  timeZone: string;
  filter: [string, string][];
  createdAt: string;
  updatedAt: string;
}

export interface MetricTimeseriesPage {
  records: MetricTimeseriesRecord[];
  totalCount: number;
  hasNextPage: boolean;
}

/** KEYS[1] the hash; ARGV[1] an id, ARGV[2] its JSON: HSETs it only while the id is there (1), else 0. */
const UPDATE_SCRIPT =
  "if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) return 1 end return 0";

interface UpdateCommand {
  almanacHsetFieldIfExists(key: string, field: string, value: string): Promise<number>;
}

export class MetricTimeseriesRecords {
  private readonly redis: Store['redis'] & UpdateCommand;

  constructor(private readonly store: Store) {
    // Sent by its SHA once loaded, as the ingest script is (seriesStore.ts).
    store.redis.defineCommand('almanacHsetFieldIfExists', { numberOfKeys: 1, lua: UPDATE_SCRIPT });
    this.redis = store.redis as Store['redis'] & UpdateCommand;
  }

  async get(tenant: string, id: string): Promise<MetricTimeseriesRecord | null> {
    const json = await this.store.redis.hget(this.key(tenant), id);
    return json ? (JSON.parse(json) as MetricTimeseriesRecord) : null;
  }

  /** Up to `first` definitions in id order, after the id `after` (null: from the start). */
  async page(tenant: string, first: number, after: string | null): Promise<MetricTimeseriesPage> {
    const ids = (await this.store.redis.hkeys(this.key(tenant))).sort();
    const from = after === null ? 0 : ids.findIndex((id) => id > after);
    const start = from === -1 ? ids.length : from;
    const slice = ids.slice(start, start + first);
    const json = slice.length > 0 ? await this.store.redis.hmget(this.key(tenant), ...slice) : [];
    const records = json.flatMap((text) => (text ? [JSON.parse(text) as MetricTimeseriesRecord] : []));
    return { records, totalCount: ids.length, hasNextPage: start + first < ids.length };
  }

  /** Writes a new definition; false when one with its id exists already. */
  async create(tenant: string, record: MetricTimeseriesRecord): Promise<boolean> {
    return (await this.store.redis.hsetnx(this.key(tenant), record.id, JSON.stringify(record))) === 1;
  }

  /** Rewrites a definition while it still exists; false when it does not. */
  async update(tenant: string, record: MetricTimeseriesRecord): Promise<boolean> {
    return (await this.redis.almanacHsetFieldIfExists(this.key(tenant), record.id, JSON.stringify(record))) === 1;
  }

  /** Deletes a definition; false when there was none. */
  async remove(tenant: string, id: string): Promise<boolean> {
    return (await this.store.redis.hdel(this.key(tenant), id)) === 1;
  }

  private key(tenant: string): string {
    return this.store.tenantKey(tenant, 'timeseries');
  }
}
