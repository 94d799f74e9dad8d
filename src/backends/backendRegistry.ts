/** The configured backends by id, built once at start from the validated configuration. */
import type { BackendConfig } from '../config/schema.js';
import { NotFoundError } from '../errors.js';
import type { Backend, PromqlBackend, StoringBackend } from './backend.js';
import { createBackend, type BackendContext } from './backendKinds.js';

export class BackendRegistry {
  private readonly byId: ReadonlyMap<string, Backend>;

  constructor(backends: readonly Backend[]) {
    this.byId = new Map(backends.map((backend) => [backend.id, backend]));
  }

  /** The configured backends, then `more` (backends built by the caller, e.g. an embedding program's own kind). */
  static fromConfig(
    configs: readonly BackendConfig[],
    context: BackendContext,
    more: readonly Backend[] = [],
  ): BackendRegistry {
    return new BackendRegistry([...configs.map((config) => createBackend(config, context)), ...more]);
  }

  /** The backends that store measurements, in configuration order. */
  storing(): StoringBackend[] {
    return this.list().filter((backend): backend is StoringBackend => backend.store !== undefined);
  }

  /** The backends that evaluate PromQL, in configuration order. */
  promql(): PromqlBackend[] {
    return this.list().filter((backend): backend is PromqlBackend => backend.promql !== undefined);
  }

  list(): Backend[] {
    return [...this.byId.values()];
  }

  find(id: string): Backend | undefined {
    return this.byId.get(id);
  }

  get(id: string): Backend {
    const backend = this.byId.get(id);
    if (!backend)
      throw new NotFoundError(`no backend "${id}"; configured: ${[...this.byId.keys()].join(', ') || '(none)'}`, {
        backend: id,
      });
    return backend;
  }

  async close(): Promise<void> {
    await Promise.all(this.list().map((backend) => backend.close()));
  }
}
