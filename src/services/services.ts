/** The use cases the transport layer calls, built once per process from the backends. */
import type { BackendRegistry } from '../backends/backendRegistry.js';
import type { Clock } from '../clock.js';
import { BackendService } from './backendService.js';
import { ServerInfoService } from './serverInfoService.js';

export interface Services {
  backends: BackendService;
  serverInfo: ServerInfoService;
}

export function createServices(registry: BackendRegistry, clock: Clock): Services {
  return {
    backends: new BackendService(registry),
    serverInfo: new ServerInfoService(clock),
  };
}
