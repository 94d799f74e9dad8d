/**
 * The one interface every backend implements. Nothing outside `backends/` knows PromQL
 * strings or Redis keys; services talk to backends only through this interface. Later
 * capabilities (metrics, series, bucket states) are added here as they are built.
 */
export type BackendKind = 'prometheus' | 'native';

export interface BackendHealth {
  ok: boolean;
  /** Round-trip time of the probe in milliseconds; null when it could not complete. */
  latencyMs: number | null;
  /** Why the backend is not healthy; null when it is. */
  error: string | null;
  checkedAt: Date;
}

export interface Backend {
  readonly id: string;
  readonly kind: BackendKind;
  /** Probes the backend with the cheapest real request it answers. Never throws. */
  checkHealth(): Promise<BackendHealth>;
  /** Releases connections; the backend is unusable afterwards. */
  close(): Promise<void>;
}

/** Runs a probe and turns its outcome and timing into a health record. */
export async function measureHealth(probe: () => Promise<void>): Promise<BackendHealth> {
  const started = performance.now();
  try {
    await probe();
    return { ok: true, latencyMs: roundMs(performance.now() - started), error: null, checkedAt: new Date() };
  } catch (error) {
    return { ok: false, latencyMs: null, error: describe(error), checkedAt: new Date() };
  }
}

function roundMs(ms: number): number {
  return Math.round(ms * 100) / 100;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
