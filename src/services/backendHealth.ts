/**
 * Each backend's health as `/readyz` and `Query.backends` read it: the record of its last probe,
 * trusted for `CACHE_LIMITS.backendHealth` (2 s), so that callers polling readiness do not each
 * hold a connection to a backend that hangs until its probe times out.
 *
 * The rule: a backend is probed by one call at a time — a caller that comes while a probe runs
 * waits for that probe's record (lru-cache's `fetch` shares it) — and a backend whose circuit is
 * open is not probed at all: it is not ok, for that reason, until its breaker lets a call through.
 */
import { LRUCache } from 'lru-cache';
import type { Backend, BackendHealth } from '../backends/backend.js';
import { CACHE_LIMITS, type CacheLimit } from '../cacheLimits.js';
import { FAILURE_TEXTS } from '../errors.js';

export class BackendHealthReader {
  private readonly records: LRUCache<string, BackendHealth, Backend>;

  constructor({ max, ttlMs }: CacheLimit = CACHE_LIMITS.backendHealth) {
    this.records = new LRUCache<string, BackendHealth, Backend>({
      max,
      ttl: ttlMs,
      fetchMethod: (_id, _stale, { context: backend }) => backend.checkHealth(),
    });
  }

  /** The backend's health: a fresh record, the probe in flight, or a new probe. Never throws. */
  read(backend: Backend): Promise<BackendHealth> {
    if (backend.circuit === 'open') return Promise.resolve(circuitOpen());
    return this.records.forceFetch(backend.id, { context: backend });
  }
}

function circuitOpen(): BackendHealth {
  return {
    ok: false,
    latencyMs: null,
    error: FAILURE_TEXTS.CIRCUIT_OPEN,
    detail: FAILURE_TEXTS.CIRCUIT_OPEN,
    checkedAt: new Date(),
  };
}
