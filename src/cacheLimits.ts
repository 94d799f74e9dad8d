/**
 * Every in-process cache of Almanac's, with its size bound and how long an entry is trusted.
 * A cache is `lru-cache` built from one of these: bounded in entries (least recently used goes
 * first) and in time, so a process never grows without limit and never trusts an old answer
 * longer than its entry here says. The rule: a new cache gets its line here, with why its TTL
 * is what it is.
 */
import { LRUCache } from 'lru-cache';

export interface CacheLimit {
  /** Entries at most. */
  max: number;
  /** How long an entry is trusted, in milliseconds. */
  ttlMs: number;
}

export const CACHE_LIMITS = {
  /** A Prometheus backend's metric names, so a fan-out skips backends without the metric; new metrics show within 30 s. */
  prometheusMetricNames: { max: 1, ttlMs: 30_000 },
  /** A Prometheus backend's metric types from metadata (calendars read counters as increases). */
  prometheusMetricTypes: { max: 1, ttlMs: 60_000 },
  /** A Prometheus metric's label names, for pushing a tag filter down as matchers. */
  prometheusLabelNames: { max: 10_000, ttlMs: 30_000 },
  /**
   * Native series known to be in the index, to skip re-registering on the hot ingest path. After a
   * metric is deleted on another replica, a series written again is indexed again within the TTL.
   */
  nativeKnownSeries: { max: 200_000, ttlMs: 60_000 },
  /**
   * Token lookups by secret hash (hits only), so a request does not read Redis each time. The TTL
   * is how late a revoked (deactivated or deleted) token may still authenticate on a replica. An
   * entry is kept for `auth.tokenGraceMinutes` beyond that, answered only while the store cannot
   * be asked (store/storeHealth.ts), so an outage of Redis does not lock out tokens in use; a
   * token Redis says is gone leaves it at once.
   */
  tokenLookups: { max: 10_000, ttlMs: 1_000 },
  /**
   * GraphQL documents that passed the document budget (server/limits/documentBudget.ts), by
   * hash, with their token counts: the verdict is a function of the text and the configuration
   * alone, so the TTL only ages out documents no longer sent; as many as Apollo's document store
   * keeps parsed.
   */
  passedDocuments: { max: 1_000, ttlMs: 3_600_000 },
  /**
   * Each backend's last health probe (services/backendHealth.ts), so that `/readyz` polled by
   * every replica's orchestrator and `Query.backends` do not each open a connection to a backend:
   * a backend that goes down shows within 2 s, and a hung one is held by one probe at a time.
   */
  backendHealth: { max: 1_000, ttlMs: 2_000 },
} as const satisfies Record<string, CacheLimit>;

/** A cache bounded by `limit`. */
export function boundedCache<K extends string, V extends NonNullable<unknown>>({
  max,
  ttlMs,
}: CacheLimit): LRUCache<K, V> {
  return new LRUCache<K, V>({ max, ttl: ttlMs });
}
