/**
 * Whether Almanac's store (its Redis) can be asked right now: one fast signal shared by the
 * token lookup (services/tokenService.ts), the rate limiter and the refused-credentials guard
 * (server/hooks/), so that during an outage no request waits out a command timeout, let alone
 * one per hook. A breaker around the store connection:
 *
 * - a command run through `run` that fails without Redis answering (a timeout, a refused or
 *   closed connection), or that is still unanswered after SLOW_MS on a ready connection, marks
 *   the store down, and every caller still waiting in `run` is let go at once with
 *   StoreUnavailableError;
 * - while the store is down (or ioredis knows the connection is gone), `run` throws
 *   StoreUnavailableError at once, without sending anything;
 * - a PING probes a down store at once and then at most every PROBE_INTERVAL_MS (one at a
 *   time); the first PONG marks it up again, so a moment of slowness costs only that moment.
 *
 * The rule: an answer is health, whatever it says. A reply error (Redis refusing a command) or a
 * programming error in the caller's own code never marks the store down; only silence does.
 */
import type { Logger } from 'pino';
import type { RedisConnection } from '../redis/redisConnection.js';
import { StoreUnavailableError, type FailureReason } from '../errors.js';

/** ioredis statuses in which the connection is known to be gone: asking would only wait. */
const DISCONNECTED = new Set(['reconnecting', 'close', 'end']);
/** Errors of the caller's own code, not of the store. */
const PROGRAMMING_ERRORS = new Set(['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError']);

/** A command unanswered this long marks the store down (it may still finish later). */
const SLOW_MS = 250;
/** How often a down store is probed with PING. */
const PROBE_INTERVAL_MS = 1_000;

/** Why the store is down: words safe to show a client, and their class. */
interface Down {
  why: string;
  reason: FailureReason;
}

export interface StoreHealthOptions {
  /** Where going down (with the error's full detail) and coming back are logged. */
  logger?: Logger;
}

export class StoreHealth {
  private readonly logger: Logger | undefined;
  /** Why the store is down; null while it is up. */
  private downReason: Down | null = null;
  private nextProbe: NodeJS.Timeout | undefined;
  /** Whether a probe is waiting for its PONG or for its turn. */
  private probing = false;
  private closed = false;
  private readyOnce = false;
  /** Callers waiting in `run`, let go when the store is marked down. */
  private readonly waiting = new Set<(down: Down) => void>();

  constructor(
    private readonly redis: RedisConnection,
    { logger }: StoreHealthOptions = {},
  ) {
    this.logger = logger;
    redis.once('ready', () => {
      this.readyOnce = true;
    });
  }

  /** Why the store cannot be asked now, or null when it can. */
  private get unavailableReason(): Down | null {
    const { status } = this.redis;
    // Once the connection has been ready, any other status means it is gone and being remade
    // (a Cluster client passes through `connecting` and `connect` again): asking would only wait.
    if (DISCONNECTED.has(status) || (this.wasReady && status !== 'ready'))
      return { why: `the Redis connection is ${status}`, reason: 'CONNECTION_LOST' };
    return this.downReason;
  }

  /** Whether the connection has been ready at least once (its first connect is not an outage). */
  private get wasReady(): boolean {
    if (this.redis.status === 'ready') this.readyOnce = true;
    return this.readyOnce;
  }

  /**
   * Runs `command` against the store. Throws StoreUnavailableError at once while the store is
   * down, and as soon as it is marked down while `command` waits; other errors pass through.
   */
  run<T>(command: () => Promise<T>): Promise<T> {
    const reason = this.unavailableReason;
    if (reason !== null) return Promise.reject(unavailableError(reason));
    return new Promise<T>((resolve, reject) => {
      const letGo = (down: Down) => {
        reject(unavailableError(down));
      };
      // While ioredis first connects, commands wait in its queue for the connection, bounded by
      // the command timeout; only a ready connection's silence is the store's.
      const slow =
        this.redis.status === 'ready'
          ? setTimeout(() => {
              this.markDown({ why: `no answer within ${SLOW_MS} ms`, reason: 'TIMEOUT' });
            }, SLOW_MS)
          : undefined;
      this.waiting.add(letGo);
      const settle = () => {
        clearTimeout(slow);
        this.waiting.delete(letGo);
      };
      Promise.resolve()
        .then(command)
        .then(
          (value) => {
            settle();
            resolve(value);
          },
          (error: unknown) => {
            settle();
            if (!isSilence(error)) {
              reject(error as Error);
              return;
            }
            const down = classify(error as Error);
            this.markDown(down, error);
            reject(unavailableError(down, error));
          },
        );
    });
  }

  /** Stops probing; the connection itself is its owner's to close. */
  close(): void {
    this.closed = true;
    clearTimeout(this.nextProbe);
    this.waiting.clear();
  }

  /** Marks the store down for `down`, whose words are safe to show a client. */
  private markDown(down: Down, error?: unknown): void {
    if (this.downReason === null) this.logger?.warn({ err: error }, `store marked down: ${down.why}`);
    this.downReason ??= down;
    for (const letGo of [...this.waiting]) letGo(down);
    this.waiting.clear();
    if (!this.probing && !this.closed) this.probe();
  }

  /**
   * PINGs until a PONG. A probe starts at most every PROBE_INTERVAL_MS, and the next one right
   * after an unanswered one that took longer, so that while Redis is stalled a PING is always
   * waiting and its answer marks the store up the moment Redis goes on.
   */
  private probe(): void {
    this.probing = true;
    const started = performance.now();
    this.redis.ping().then(
      () => {
        this.probing = false;
        this.downReason = null;
        this.logger?.info('store answers again');
      },
      () => {
        if (this.closed) {
          this.probing = false;
          return;
        }
        const wait = Math.max(0, started + PROBE_INTERVAL_MS - performance.now());
        this.nextProbe = setTimeout(() => {
          this.probe();
        }, wait);
        this.nextProbe.unref();
      },
    );
  }
}

/**
 * What a client may be told of a silence: a class, never the error's own text (which names the
 * host and port); the full error is logged when the store is marked down.
 */
function classify(error: Error): Down {
  return /timed? ?out/i.test(error.message)
    ? { why: 'a command timed out', reason: 'TIMEOUT' }
    : { why: 'the connection failed', reason: 'CONNECTION_LOST' };
}

/** The error for a down store: its words and its class (`extensions.reason`). */
function unavailableError({ why, reason }: Down, cause?: unknown): StoreUnavailableError {
  return new StoreUnavailableError(why, { cause, reason });
}

/** Whether an error means the store did not answer (rather than answering with a refusal). */
function isSilence(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name !== 'ReplyError' && !PROGRAMMING_ERRORS.has(error.name);
}
