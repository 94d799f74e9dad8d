/** The use cases the transport layer calls, built once per process from the backends. */
import type { BackendRegistry } from '../backends/backendRegistry.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config/schema.js';
import type { Store } from '../store/store.js';
import { BackendService } from './backendService.js';
import { ServerInfoService } from './serverInfoService.js';

export interface Services {
  backends: BackendService;
  serverInfo: ServerInfoService;
}

/** What services are built from: the backends, Almanac's own Redis store, the clock, the config. */
export interface ServiceDependencies {
  registry: BackendRegistry;
  store: Store;
  clock: Clock;
  config: Config;
}

export function createServices({ registry, clock }: ServiceDependencies): Services {
  return {
    backends: new BackendService(registry),
    serverInfo: new ServerInfoService(clock),
  };
}
