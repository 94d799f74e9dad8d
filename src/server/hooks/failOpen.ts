/**
 * How a limit hook (rateLimitHook.ts, failedAuthGuard.ts) fails open when the store cannot be
 * asked: the request goes on unchecked, a counter on `/metrics` counts it, and a warning is
 * logged at most once per WARNING_INTERVAL_MS (the counter has them all). The rule: a limit
 * never turns an outage of the store into an outage of every read.
 */
import type { FastifyRequest } from 'fastify';
import { Counter, type Registry } from 'prom-client';

/** At most one warning per this many milliseconds and counter. */
const WARNING_INTERVAL_MS = 10_000;

export interface FailOpenOptions {
  /** Where the counter is registered (served on /metrics). */
  registry: Registry;
  /** The counter's name and help. */
  name: string;
  help: string;
  /** What the warning says happened. */
  warning: string;
}

/** Counts (and now and then logs) one request let through unchecked because of `reason`. */
export type FailOpen = (request: FastifyRequest, reason: unknown) => void;

export function failOpen({ registry, name, help, warning }: FailOpenOptions): FailOpen {
  const unchecked = new Counter({ name, help, registers: [registry] });
  let lastWarning = -Infinity;
  return (request, reason) => {
    unchecked.inc();
    if (performance.now() - lastWarning < WARNING_INTERVAL_MS) return;
    lastWarning = performance.now();
    request.log.warn({ err: reason }, warning);
  };
}
