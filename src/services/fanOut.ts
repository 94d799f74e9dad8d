/**
 * Partial results as a contract (DESIGN.md, "Many backends, one schema"). One FanOut lives for
 * one request; every call a fan-out makes to a backend goes through it, so that:
 *
 * - a request waits for a backend at most that backend's `timeoutMs` in all, however many calls
 *   it makes (discovery, then the read): the budget starts with the request's first call to the
 *   backend, and a call still running when it is spent is let go as TIMED_OUT (it finishes, or
 *   times out, in the background under the backend's own timeout);
 * - a backend whose circuit is open is not called at all (SKIPPED_OPEN_CIRCUIT);
 * - any failure of a backend (BackendUnavailableError and its subclasses) comes back as a
 *   value, to be reported beside the others' data, never thrown;
 * - how each backend took part is recorded for the response's `extensions.backends`:
 *   `{ id, status: ANSWERED | FAILED | TIMED_OUT | SKIPPED_OPEN_CIRCUIT, ms }`.
 *
 * The rule: a fan-out that must have every backend's part (`partial: REQUIRE_ALL`) asks
 * `settle`, which throws the first failure; otherwise it returns what answered.
 */
import type { Backend } from '../backends/backend.js';
import { BackendUnavailableError } from '../errors.js';

/** How a backend took part in a request, as `extensions.backends` shows it. */
export type BackendCallStatus = 'ANSWERED' | 'FAILED' | 'TIMED_OUT' | 'SKIPPED_OPEN_CIRCUIT';

export interface BackendCallRecord {
  id: string;
  status: BackendCallStatus;
  /** Milliseconds the request spent waiting for the backend, all its calls together. */
  ms: number;
}

/** Whether a fan-out may answer with some backends' parts missing (`ALLOW`) or must have all. */
export type PartialMode = 'allow' | 'require_all';

/** A call's outcome: its value, or the backend's failure. */
export type CallOutcome<T> = { ok: true; value: T } | { ok: false; error: BackendUnavailableError };

/** A worse status replaces a better one in a backend's record. */
const SEVERITY: Record<BackendCallStatus, number> = { ANSWERED: 0, SKIPPED_OPEN_CIRCUIT: 1, FAILED: 2, TIMED_OUT: 3 };

interface Budget {
  /** When the backend's budget for the request is spent (performance.now() milliseconds). */
  deadline: number;
  record: BackendCallRecord;
}

export class FanOut {
  private readonly budgets = new Map<string, Budget>();

  /**
   * Runs one call of `backend`'s within the request's budget for it. A BackendUnavailableError
   * (or the budget running out) is returned as the outcome; any other error is thrown.
   */
  async call<T>(backend: Backend, run: () => Promise<T>): Promise<CallOutcome<T>> {
    const budget = this.budgetOf(backend);
    if (backend.circuit === 'open') {
      return this.failed(budget, 'SKIPPED_OPEN_CIRCUIT', skipped(backend));
    }
    const remaining = budget.deadline - performance.now();
    if (remaining <= 0) return this.failed(budget, 'TIMED_OUT', timedOut(backend));
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const spent = new Promise<'spent'>((resolve) => {
      if (Number.isFinite(remaining)) timer = setTimeout(resolve, remaining, 'spent');
    });
    const call = Promise.resolve().then(run);
    // A call let go keeps running; its failure must not become an unhandled rejection.
    call.catch(() => undefined);
    try {
      const value = await Promise.race([call, spent]);
      if (value === 'spent') return this.failed(budget, 'TIMED_OUT', timedOut(backend), started);
      this.spend(budget, 'ANSWERED', started);
      return { ok: true, value: value as T };
    } catch (error) {
      if (!(error instanceof BackendUnavailableError)) throw error;
      return this.failed(budget, statusOf(error), error, started);
    } finally {
      clearTimeout(timer);
    }
  }

  /** How each backend the request called took part, in the order first called. */
  records(): BackendCallRecord[] {
    return [...this.budgets.values()].map(({ record }) => ({ ...record, ms: Math.round(record.ms * 10) / 10 }));
  }

  private budgetOf(backend: Backend): Budget {
    let budget = this.budgets.get(backend.id);
    if (!budget) {
      budget = {
        deadline: performance.now() + (backend.timeoutMs ?? Number.POSITIVE_INFINITY),
        record: { id: backend.id, status: 'ANSWERED', ms: 0 },
      };
      this.budgets.set(backend.id, budget);
    }
    return budget;
  }

  private failed(
    budget: Budget,
    status: BackendCallStatus,
    error: BackendUnavailableError,
    started?: number,
  ): CallOutcome<never> {
    this.spend(budget, status, started);
    return { ok: false, error };
  }

  private spend(budget: Budget, status: BackendCallStatus, started?: number): void {
    const { record } = budget;
    if (started !== undefined) record.ms += performance.now() - started;
    if (SEVERITY[status] > SEVERITY[record.status]) record.status = status;
  }
}

/**
 * The fan-out's answer under `mode`: with REQUIRE_ALL, the first failure is thrown (a part is
 * missing, so there is no answer); otherwise the failures are returned to report.
 */
export function settle(
  mode: PartialMode | null | undefined,
  failures: readonly BackendUnavailableError[],
): BackendUnavailableError[] {
  const [first] = failures;
  if (mode === 'require_all' && first) throw first;
  return [...failures];
}

function statusOf(error: BackendUnavailableError): BackendCallStatus {
  if (error.reason === 'TIMEOUT') return 'TIMED_OUT';
  if (error.reason === 'CIRCUIT_OPEN') return 'SKIPPED_OPEN_CIRCUIT';
  return 'FAILED';
}

function timedOut(backend: Backend): BackendUnavailableError {
  return new BackendUnavailableError(backend.id, `timed out (${backend.timeoutMs} ms for this request)`, {
    reason: 'TIMEOUT',
  });
}

function skipped(backend: Backend): BackendUnavailableError {
  return new BackendUnavailableError(backend.id, 'circuit open after repeated failures; not asked', {
    reason: 'CIRCUIT_OPEN',
  });
}
