/** Lists backends and checks their health, for `Query.backends` and `/readyz`. */
import type { Backend, BackendHealth } from '../backends/backend.js';
import type { BackendRegistry } from '../backends/backendRegistry.js';

export interface BackendReadiness {
  id: string;
  kind: Backend['kind'];
  health: BackendHealth;
}

export class BackendService {
  constructor(private readonly registry: BackendRegistry) {}

  list(): Backend[] {
    return this.registry.list();
  }

  find(id: string): Backend | undefined {
    return this.registry.find(id);
  }

  health(backend: Backend): Promise<BackendHealth> {
    return backend.checkHealth();
  }

  /** Probes every backend in parallel. */
  async readiness(): Promise<BackendReadiness[]> {
    return Promise.all(
      this.registry
        .list()
        .map(async (backend) => ({ id: backend.id, kind: backend.kind, health: await backend.checkHealth() })),
    );
  }
}
