/**
 * One request's fan-out (services/fanOut.ts): each backend's budget is the request's time spent
 * waiting on it, shared by its operations; a call that outlives the budget is let go as
 * TIMED_OUT without an unhandled rejection; an open circuit is not called; each operation's
 * records say how each backend took part, the worst status winning, overlapping calls counted
 * once. Backends here are stand-ins with only what the fan-out reads (id, timeoutMs, circuit).
 */
import { describe, expect, it } from 'vitest';
import type { Backend, CircuitState } from '../../src/backends/backend.js';
import { BackendUnavailableError, UserInputError } from '../../src/errors.js';
import { FanOut, requireAll } from '../../src/services/fanOut.js';

function backend(id: string, timeoutMs?: number, circuit: CircuitState = 'closed'): Backend {
  return { id, timeoutMs, circuit } as unknown as Backend;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const after = <T>(ms: number, value: T) => sleep(ms).then(() => value);

describe('a call', () => {
  it('answers with its value and records ANSWERED with the time waited', async () => {
    const operation = new FanOut().forOperation();
    expect(await operation.call(backend('a', 1_000), () => after(30, 'names'))).toEqual({ ok: true, value: 'names' });
    const [record] = operation.records();
    expect(record).toMatchObject({ id: 'a', status: 'ANSWERED' });
    expect(record?.ms).toBeGreaterThanOrEqual(25);
    expect(record?.ms).toBeLessThan(200);
  });

  it("returns a backend's failure as a value, recorded FAILED or TIMED_OUT by its reason", async () => {
    const operation = new FanOut().forOperation();
    const refused = new BackendUnavailableError('a', 'connection refused', { reason: 'CONNECTION_REFUSED' });
    const slow = new BackendUnavailableError('b', 'timed out', { reason: 'TIMEOUT' });
    expect(await operation.call(backend('a'), () => Promise.reject(refused))).toEqual({ ok: false, error: refused });
    expect(await operation.call(backend('b'), () => Promise.reject(slow))).toEqual({ ok: false, error: slow });
    expect(operation.records().map(({ id, status }) => [id, status])).toEqual([
      ['a', 'FAILED'],
      ['b', 'TIMED_OUT'],
    ]);
  });

  it('throws any other error, thrown at once or later, and records the backend FAILED', async () => {
    const operation = new FanOut().forOperation();
    const thrown = new UserInputError('not a label name');
    await expect(
      operation.call(backend('a'), () => {
        throw thrown;
      }),
    ).rejects.toBe(thrown);
    expect(operation.records()).toEqual([{ id: 'a', status: 'FAILED', ms: expect.any(Number) }]);
  });

  it("is let go when the backend's budget is spent, and its later failure is no unhandled rejection", async () => {
    const operation = new FanOut().forOperation();
    const started = performance.now();
    const outcome = await operation.call(backend('a', 80), async () => {
      await sleep(200);
      throw new Error('failed after it was let go');
    });
    const waited = performance.now() - started;
    expect(outcome).toMatchObject({ ok: false, error: { code: 'BACKEND_UNAVAILABLE', reason: 'TIMEOUT' } });
    expect(waited).toBeGreaterThanOrEqual(75);
    expect(waited).toBeLessThan(180);
    // Vitest fails the run on an unhandled rejection: let the abandoned call reject first.
    await sleep(200);
  });

  it('is not made while the circuit is open: SKIPPED_OPEN_CIRCUIT, 0 ms', async () => {
    const operation = new FanOut().forOperation();
    let called = false;
    const outcome = await operation.call(backend('a', 1_000, 'open'), () => {
      called = true;
      return Promise.resolve('names');
    });
    expect(called).toBe(false);
    expect(outcome).toMatchObject({ ok: false, error: { reason: 'CIRCUIT_OPEN' } });
    expect(operation.records()).toEqual([{ id: 'a', status: 'SKIPPED_OPEN_CIRCUIT', ms: 0 }]);
  });

  it('answer() returns the value, or throws the failure', async () => {
    const operation = new FanOut().forOperation();
    expect(await operation.answer(backend('a'), () => Promise.resolve(3))).toBe(3);
    const refused = new BackendUnavailableError('a', 'connection refused');
    await expect(operation.answer(backend('a'), () => Promise.reject(refused))).rejects.toBe(refused);
  });
});

describe('the budget', () => {
  it('counts overlapping calls once: two concurrent 60 ms calls spend about 60 ms', async () => {
    const operation = new FanOut().forOperation();
    const a = backend('a', 1_000);
    await Promise.all([operation.call(a, () => after(60, 1)), operation.call(a, () => after(60, 2))]);
    const [record] = operation.records();
    expect(record?.ms).toBeGreaterThanOrEqual(55);
    expect(record?.ms).toBeLessThan(110);
  });

  it("is the request's: a second operation gets what the first left", async () => {
    const request = new FanOut();
    const a = backend('a', 150);
    await request.forOperation().call(a, () => after(100, 'listed'));
    const started = performance.now();
    const outcome = await request.forOperation().call(a, () => after(1_000, 'read'));
    const waited = performance.now() - started;
    expect(outcome).toMatchObject({ ok: false, error: { reason: 'TIMEOUT' } });
    expect(waited).toBeLessThan(120);
  });

  it('once spent, a further call is not made at all', async () => {
    const operation = new FanOut().forOperation();
    const a = backend('a', 40);
    await operation.call(a, () => after(1_000, 'never'));
    let called = false;
    const outcome = await operation.call(a, () => {
      called = true;
      return Promise.resolve('late');
    });
    expect(called).toBe(false);
    expect(outcome).toMatchObject({ ok: false, error: { reason: 'TIMEOUT' } });
  });

  it('is not charged for time spent waiting on other backends', async () => {
    const operation = new FanOut().forOperation();
    const [a, b] = [backend('a', 100), backend('b', 100)];
    await operation.call(a, () => after(80, 'slow discovery'));
    // b's budget is untouched by a's 80 ms.
    expect(await operation.call(b, () => after(60, 'read'))).toEqual({ ok: true, value: 'read' });
  });
});

describe('records', () => {
  it('keep the worst status of a backend across its calls', async () => {
    const operation = new FanOut().forOperation();
    const a = backend('a');
    await operation.call(a, () => Promise.reject(new BackendUnavailableError('a', 'HTTP 503')));
    await operation.call(a, () => Promise.resolve('then answered'));
    expect(operation.records().map(({ status }) => status)).toEqual(['FAILED']);
  });

  it('leave out a backend none of whose calls has ended', async () => {
    const operation = new FanOut().forOperation();
    const running = operation.call(backend('a'), () => after(50, 'later'));
    expect(operation.records()).toEqual([]);
    await running;
    expect(operation.records().map(({ id }) => id)).toEqual(['a']);
  });

  it("are each operation's own", async () => {
    const request = new FanOut();
    const [first, second] = [request.forOperation(), request.forOperation()];
    await first.call(backend('a'), () => Promise.resolve(1));
    expect(second.records()).toEqual([]);
  });
});

describe('requireAll', () => {
  const backends = [backend('native'), backend('mimir'), backend('thanos')];
  const failure = (id: string) => new BackendUnavailableError(id, 'timed out');

  it('throws the failure of the first backend in the registry, whichever failed first', () => {
    expect(() => {
      requireAll('require_all', [failure('thanos'), failure('mimir')], backends);
    }).toThrow('backend "mimir" is unavailable');
  });

  it.each([
    ['allow', [failure('mimir')]],
    [null, [failure('mimir')]],
    ['require_all', []],
  ] as const)('does nothing with mode %s and %j failures', (mode, failures) => {
    expect(() => {
      requireAll(mode, failures, backends);
    }).not.toThrow();
  });
});
