/** Lists backends and reads their health (cached, backendHealth.ts), for `Query.backends` and `/readyz`. */
import type { Backend, BackendHealth } from '../backends/backend.js';
import type { BackendRegistry } from '../backends/backendRegistry.js';
import { BackendHealthReader } from './backendHealth.js';

export interface BackendReadiness {
  id: string;
  kind: Backend['kind'];
  health: BackendHealth;
}

export class BackendService {
  constructor(
    private readonly registry: BackendRegistry,
    private readonly healthReader = new BackendHealthReader(),
  ) {}

  list(): Backend[] {
    return this.registry.list();
  }

  find(id: string): Backend | undefined {
    return this.registry.find(id);
  }

  health(backend: Backend): Promise<BackendHealth> {
    return this.healthReader.read(backend);
  }

  /** Every backend's health, read in parallel. */
  async readiness(): Promise<BackendReadiness[]> {
    return Promise.all(
      this.registry
        .list()
        .map(async (backend) => ({ id: backend.id, kind: backend.kind, health: await this.health(backend) })),
    );
  }
}
