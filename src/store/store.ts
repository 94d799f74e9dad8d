/**
 * How a key of Almanac's own is spelt in Redis, and on which Cluster slot it lands. The record
 * modules beside this file (tokens, environments, timeseries definitions, operational
 * counters, limit buckets, usage) each own their keys and scripts and spell them with these
 * helpers, as do the native backend's metric catalog and series index. The records are kept in
 * the Redis of one native backend (config `store.backend`, by default the first native backend).
 *
 * Key layout (the one rule: every key goes through these helpers):
 *   <prefix>:{t:<tenant>}:<kind>:...   data of one tenant; the hash tag keeps a tenant's
 *                                      records on one Redis Cluster slot, so multi-key
 *                                      scripts over one tenant are legal in a cluster.
 *   <prefix>:{g}:<kind>:...            records that are not a tenant's (e.g. the index from
 *                                      a token's secret hash to its record).
 *   <prefix>:{ops}:...                 the operational-metrics counters of every tenant, on
 *                                      one slot so a get-and-reset is one atomic script.
 * Tenant names are restricted (see tenancy) so they cannot contain `}` or `:`.
 */
import type { RedisConnection } from '../redis/redisConnection.js';

export class Store {
  constructor(
    readonly redis: RedisConnection,
    private readonly prefix: string,
  ) {}

  tenantKey(tenant: string, ...parts: string[]): string {
    return [`${this.prefix}:{t:${tenant}}`, ...parts].join(':');
  }

  globalKey(...parts: string[]): string {
    return [`${this.prefix}:{g}`, ...parts].join(':');
  }

  operationalKey(...parts: string[]): string {
    return [`${this.prefix}:{ops}`, ...parts].join(':');
  }
}
