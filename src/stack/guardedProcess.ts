/**
 * Child processes that cannot outlive Almanac.
 *
 * A child is started through a small `sh` guard whose standard input is a pipe from this
 * process. The guard starts the real program, then a watcher blocks reading that pipe. When
 * Almanac closes the pipe — on purpose in `stop()`, or because it exited for any reason: a
 * clean stop, SIGTERM, an uncaught exception, even SIGKILL, where the kernel closes it — the
 * read returns and the watcher stops the program (SIGTERM, then SIGKILL after a grace
 * period). So no `redis-server` or `prometheus` is ever orphaned, which no exit handler
 * alone can promise. The guard runs in its own process group, so a Ctrl-C in the terminal
 * reaches Almanac only, and Almanac stops its children in order.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Logger } from 'pino';

const GUARD = `
exec 3<&0
"$@" </dev/null &
child=$!
( cat <&3 >/dev/null; kill -TERM "$child" 2>/dev/null; sleep "$ALMANAC_GRACE_SECONDS"; kill -KILL "$child" 2>/dev/null ) &
watcher=$!
exec 3<&-
wait "$child"
status=$?
kill "$watcher" 2>/dev/null
exit "$status"
`;

export interface GuardedProcess {
  readonly name: string;
  /** The guard process; the real program is its child. */
  readonly guard: ChildProcess;
  /** Resolves with the program's exit status when it has exited. */
  readonly exited: Promise<number | null>;
  /** The last lines the program printed, for messages when it fails to start. */
  recentOutput(): string;
  /** Stops the program and waits for it to exit. */
  stop(): Promise<void>;
}

export interface SpawnOptions {
  name: string;
  command: string;
  args: readonly string[];
  logger: Logger;
  cwd?: string;
  graceSeconds?: number;
}

const TAIL_LINES = 30;

export function spawnGuarded({ name, command, args, logger, cwd, graceSeconds = 10 }: SpawnOptions): GuardedProcess {
  const guard = spawn('sh', ['-c', GUARD, 'almanac-guard', command, ...args], {
    cwd,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ALMANAC_GRACE_SECONDS: String(graceSeconds) },
  });
  const log = logger.child({ process: name });
  const tail: string[] = [];
  const remember = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
      log.debug(line);
    }
  };
  guard.stdout?.on('data', remember);
  guard.stderr?.on('data', remember);
  // A closed pipe is how the guard learns to stop; writing never happens, so errors are moot.
  guard.stdin?.on('error', () => undefined);

  const exited = new Promise<number | null>((resolve) => {
    guard.once('error', (error) => {
      tail.push(`cannot start: ${error.message}`);
      resolve(null);
    });
    guard.once('exit', (code) => {
      guard.stdin?.destroy();
      log.debug({ code }, 'exited');
      resolve(code);
    });
  });

  return {
    name,
    guard,
    exited,
    recentOutput: () => tail.join('\n'),
    async stop() {
      guard.stdin?.end();
      await exited;
    },
  };
}
