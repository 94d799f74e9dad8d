/**
 * The backend kinds Almanac ships, by the `kind` of their configuration: the one place that
 * knows which class answers which kind. A new kind adds its factory here (and its settings to
 * config/schema.ts); nothing above the interface changes.
 */
import type { BackendConfig } from '../config/schema.js';
import type { Backend } from './backend.js';
import { NativeBackend, type NativeContext } from './native/nativeBackend.js';
import type { OutgoingRecorder } from './outgoingRecorder.js';
import { PrometheusBackend } from './prometheus/prometheusBackend.js';

/** What backends are built with besides their own configuration. */
export interface BackendContext extends NativeContext {
  /** Told about every call the Prometheus backends make (outgoing transactions). */
  recorder?: OutgoingRecorder;
}

export function createBackend(config: BackendConfig, context: BackendContext): Backend {
  switch (config.kind) {
    case 'prometheus':
      return new PrometheusBackend(config, context.recorder);
    case 'native':
      return new NativeBackend(config, context);
  }
}
