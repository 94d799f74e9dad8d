/** Small helpers for starting local servers: a free loopback port and polling until ready. */
import { createServer } from 'node:net';

/** Asks the kernel for a free TCP port on the loopback interface. */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not read the port of a probe socket'));
      });
    });
  });
}

/** Whether `port` on the loopback interface can be listened on right now. */
export async function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

export interface WaitOptions {
  what: string;
  timeoutMs: number;
  /** Rejects as soon as this settles: the process being waited for has exited. */
  abandon?: Promise<unknown>;
  intervalMs?: number;
}

/** Calls `probe` until it returns true, the process exits, or time runs out. */
export async function waitUntil(
  probe: () => Promise<boolean>,
  { what, timeoutMs, abandon, intervalMs = 100 }: WaitOptions,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void abandon?.then(() => (gone = true));
  while (Date.now() < deadline) {
    if (gone) throw new Error(`${what} exited before it was ready`);
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${what} was not ready within ${timeoutMs} ms`);
}
