/**
 * Per-operation DataLoaders. A dashboard often asks for the same series more than once in one
 * operation (aliases, fragments of panels that overlap): within one operation, identical
 * queries are answered by one call to the backends, and the answer is shared. A loader lives
 * for one operation only, so no answer outlives it, nothing is shared across tenants, and the
 * backends it calls are the operation's own (`extensions.backends`).
 */
import DataLoader from 'dataloader';
import type { BackendCalls } from '../services/fanOut.js';
import type { FederatedSeriesResult, SeriesQuery } from '../services/seriesQueryService.js';
import type { Services } from '../services/services.js';

export interface Loaders {
  series: DataLoader<{ tenant: string; query: SeriesQuery }, FederatedSeriesResult, string>;
}

export function createLoaders(services: Services, fanOut: BackendCalls): Loaders {
  return {
    series: new DataLoader(
      // Each distinct query is its own fan-out; errors stay per query, not per batch.
      (keys) =>
        Promise.all(
          keys.map(({ tenant, query }) =>
            services.series.query(tenant, query, fanOut).catch((error: unknown) => error as Error),
          ),
        ),
      { cacheKeyFn: (key) => JSON.stringify(key) },
    ),
  };
}
