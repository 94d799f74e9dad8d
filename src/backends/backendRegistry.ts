/** The configured backends by id, built once at start from the validated configuration. */
import type { BackendConfig } from '../config/schema.js';
import { NotFoundError } from '../errors.js';
import type { Backend } from './backend.js';
import { NativeBackend, type NativeContext } from './native/nativeBackend.js';
import type { OutgoingRecorder } from './outgoingRecorder.js';
import { PrometheusBackend } from './prometheus/prometheusBackend.js';

export class BackendRegistry {
  private readonly byId: ReadonlyMap<string, Backend>;

  constructor(backends: readonly Backend[]) {
    this.byId = new Map(backends.map((backend) => [backend.id, backend]));
  }

  /** `recorder` is told about every call the Prometheus backends make (outgoing transactions). */
  static fromConfig(
    configs: readonly BackendConfig[],
    native: NativeContext,
    recorder?: OutgoingRecorder,
  ): BackendRegistry {
    return new BackendRegistry(
      configs.map((config) =>
        config.kind === 'prometheus' ? new PrometheusBackend(config, recorder) : new NativeBackend(config, native),
      ),
    );
  }

  /** The native backends, in configuration order. */
  natives(): NativeBackend[] {
    return this.list().filter((backend): backend is NativeBackend => backend instanceof NativeBackend);
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
