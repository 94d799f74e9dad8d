/**
 * Partial results as a contract (DESIGN.md, "Many backends, one schema"). Every call a service
 * makes to a backend on behalf of a GraphQL operation goes through the operation's
 * OperationFanOut, so that:
 *
 * - an HTTP request waits for a backend at most that backend's `timeoutMs` in all, however many
 *   calls its operations make (discovery, then the read; aliases; a batch): each backend's budget
 *   is the request's time spent waiting on it (the union of its calls' in-flight intervals), and
 *   a call still running when the budget is spent is let go as TIMED_OUT (it finishes, or times
 *   out, in the background under the backend's own timeout);
 * - a backend whose circuit is open is not called at all (SKIPPED_OPEN_CIRCUIT);
 * - a failure of a backend (BackendUnavailableError and its subclasses) comes back as a value,
 *   to be reported beside the others' data, never thrown;
 * - how each backend took part in the operation is recorded for its response's
 *   `extensions.backends`: `{ id, status: ANSWERED | FAILED | TIMED_OUT | SKIPPED_OPEN_CIRCUIT, ms }`,
 *   for every backend at least one of whose calls has ended.
 *
 * The rule: a fan-out that must have every backend's part (`partial: REQUIRE_ALL`) calls
 * `requireAll`, which throws the first failure in the registry's order; otherwise it returns
 * what answered with the failures beside it.
 */
import type { Backend } from '../backends/backend.js';
import { BackendUnavailableError, FAILURE_TEXTS } from '../errors.js';

/** How a backend took part in an operation, as `extensions.backends` shows it. */
export type BackendCallStatus = 'ANSWERED' | 'FAILED' | 'TIMED_OUT' | 'SKIPPED_OPEN_CIRCUIT';

export interface BackendCallRecord {
  id: string;
  status: BackendCallStatus;
  /** Milliseconds the operation spent waiting for the backend, overlapping calls counted once. */
  ms: number;
}

/** Whether a fan-out may answer with some backends' parts missing (`allow`) or must have all. */
export type PartialMode = 'allow' | 'require_all';

/** A call's outcome: its value, or the backend's failure. */
export type CallOutcome<T> = { ok: true; value: T } | { ok: false; error: BackendUnavailableError };

/** What services call backends through: one operation's view of its request's fan-out. */
export interface BackendCalls {
  /** Runs one call of `backend`'s: its value, or its failure as a value. Other errors are thrown. */
  call<T>(backend: Backend, run: () => Promise<T>): Promise<CallOutcome<T>>;
  /** The call's value, or its failure thrown: for a field that reads one backend. */
  answer<T>(backend: Backend, run: () => Promise<T>): Promise<T>;
}

/** A worse status replaces a better one in a backend's record. */
const SEVERITY: Record<BackendCallStatus, number> = { ANSWERED: 0, SKIPPED_OPEN_CIRCUIT: 1, FAILED: 2, TIMED_OUT: 3 };

/** What a race against the budget resolves to when the budget ran out first. */
const SPENT = Symbol('budget spent');

/** Time spent waiting on something: the union of its calls' in-flight intervals. */
class Waiting {
  private inFlight = 0;
  private since = 0;
  private total = 0;

  start(): void {
    if (this.inFlight === 0) this.since = performance.now();
    this.inFlight += 1;
  }

  end(): void {
    this.inFlight -= 1;
    if (this.inFlight === 0) this.total += performance.now() - this.since;
  }

  get ms(): number {
    return this.total + (this.inFlight > 0 ? performance.now() - this.since : 0);
  }
}

/** One HTTP request's fan-out: each backend's budget, shared by the request's operations. */
export class FanOut {
  private readonly budgets = new Map<string, Waiting>();

  /** A view for one operation: its calls spend the request's budgets; its records are its own. */
  forOperation(): OperationFanOut {
    return new OperationFanOut(this);
  }

  /** The request's waiting on `backend` so far. */
  budgetOf(backend: Backend): Waiting {
    let budget = this.budgets.get(backend.id);
    if (!budget) {
      budget = new Waiting();
      this.budgets.set(backend.id, budget);
    }
    return budget;
  }
}

interface CallRecord {
  status: BackendCallStatus;
  waiting: Waiting;
  /** Whether a call has ended: only then is the record shown. */
  ended: boolean;
}

export class OperationFanOut implements BackendCalls {
  private readonly calls = new Map<string, CallRecord>();

  constructor(private readonly request: FanOut) {}

  async call<T>(backend: Backend, run: () => Promise<T>): Promise<CallOutcome<T>> {
    const record = this.recordOf(backend);
    if (backend.circuit === 'open') return this.failed(record, 'SKIPPED_OPEN_CIRCUIT', skipped(backend));
    const budget = this.request.budgetOf(backend);
    const remaining = (backend.timeoutMs ?? Number.POSITIVE_INFINITY) - budget.ms;
    if (remaining <= 0) return this.failed(record, 'TIMED_OUT', timedOut(backend));
    budget.start();
    record.waiting.start();
    let timer: NodeJS.Timeout | undefined;
    const spent = new Promise<typeof SPENT>((resolve) => {
      if (Number.isFinite(remaining)) timer = setTimeout(resolve, remaining, SPENT);
    });
    const call = Promise.resolve().then(run);
    // A call let go keeps running; its failure must not become an unhandled rejection.
    call.catch(() => undefined);
    try {
      const value = await Promise.race([call, spent]);
      if (value === SPENT) return this.failed(record, 'TIMED_OUT', timedOut(backend));
      this.ended(record, 'ANSWERED');
      return { ok: true, value };
    } catch (error) {
      if (!(error instanceof BackendUnavailableError)) {
        this.ended(record, 'FAILED');
        throw error;
      }
      return this.failed(record, statusOf(error), error);
    } finally {
      clearTimeout(timer);
      budget.end();
      record.waiting.end();
    }
  }

  async answer<T>(backend: Backend, run: () => Promise<T>): Promise<T> {
    const outcome = await this.call(backend, run);
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  /** How each backend took part, in the order first called, for those with a call that ended. */
  records(): BackendCallRecord[] {
    return [...this.calls]
      .filter(([, record]) => record.ended)
      .map(([id, { status, waiting }]) => ({ id, status, ms: Math.round(waiting.ms * 10) / 10 }));
  }

  private recordOf(backend: Backend): CallRecord {
    let record = this.calls.get(backend.id);
    if (!record) {
      record = { status: 'ANSWERED', waiting: new Waiting(), ended: false };
      this.calls.set(backend.id, record);
    }
    return record;
  }

  private failed(record: CallRecord, status: BackendCallStatus, error: BackendUnavailableError): CallOutcome<never> {
    this.ended(record, status);
    return { ok: false, error };
  }

  private ended(record: CallRecord, status: BackendCallStatus): void {
    record.ended = true;
    if (SEVERITY[status] > SEVERITY[record.status]) record.status = status;
  }
}

/**
 * With REQUIRE_ALL, throws the first of `failures` in the order of `backends` (the registry's):
 * a part is missing, so there is no answer. Otherwise does nothing.
 */
export function requireAll(
  mode: PartialMode | null | undefined,
  failures: readonly BackendUnavailableError[],
  backends: readonly Backend[],
): void {
  if (mode !== 'require_all' || failures.length === 0) return;
  const rank = (error: BackendUnavailableError) => {
    const index = backends.findIndex((backend) => backend.id === error.details.backend);
    return index === -1 ? backends.length : index;
  };
  throw [...failures].sort((a, b) => rank(a) - rank(b))[0];
}

function statusOf(error: BackendUnavailableError): BackendCallStatus {
  if (error.reason === 'TIMEOUT') return 'TIMED_OUT';
  if (error.reason === 'CIRCUIT_OPEN') return 'SKIPPED_OPEN_CIRCUIT';
  return 'FAILED';
}

function timedOut(backend: Backend): BackendUnavailableError {
  return new BackendUnavailableError(
    backend.id,
    `${FAILURE_TEXTS.TIMEOUT} (waited ${backend.timeoutMs} ms in this request)`,
    { reason: 'TIMEOUT' },
  );
}

function skipped(backend: Backend): BackendUnavailableError {
  return new BackendUnavailableError(backend.id, `${FAILURE_TEXTS.CIRCUIT_OPEN}; not asked`, {
    reason: 'CIRCUIT_OPEN',
  });
}
