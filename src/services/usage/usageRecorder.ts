/**
 * The usage recorder: takes one usage record per served request and writes them to Redis in
 * batches, off the request path. `record` only pushes into a bounded in-memory buffer; a timer
 * (and the buffer reaching half its size) starts a flush, which hands the buffered records to
 * the writer (usageWriter.ts) in one call.
 *
 * The rule: a request is never slowed or failed by its usage record. `record` is synchronous,
 * never throws and never waits; when the buffer is full the record is dropped and counted in
 * `almanac_usage_records_dropped_total{reason="buffer_full"}`, and a batch the writer fails is
 * logged and counted as `reason="write_failed"`, never retried (with `add` writes a retry
 * could count a request twice). At most one flush is in flight, so a slow Redis holds at most
 * `bufferSize` records in memory — the buffered ones and the batch being written together.
 */
import { AsyncResource } from 'node:async_hooks';
import type { Logger } from 'pino';
import { Counter, type Registry } from 'prom-client';
import type { NewUsageRecord } from '../../domain/usageRecord.js';

/** Writes one batch; may reject with a UsageWriteError that says how many records were lost. */
export type UsageWriter = (records: readonly NewUsageRecord[]) => Promise<void>;

/** A flush that lost some of its records (e.g. one tenant's of several). */
export class UsageWriteError extends Error {
  constructor(
    readonly failed: number,
    options: { cause: unknown },
  ) {
    super(`${failed} usage records not written`, options);
    this.name = 'UsageWriteError';
  }
}

export type DropReason = 'buffer_full' | 'write_failed' | 'closed';

export interface UsageRecorderOptions {
  write: UsageWriter;
  /** Where the drop counter is registered (served on /metrics). */
  registry: Registry;
  logger: Logger;
  /** Most records held in memory, buffered or being written. */
  bufferSize: number;
  flushIntervalMs: number;
}

export class UsageRecorder {
  private buffer: NewUsageRecord[] = [];
  /** Records handed to the writer and not yet settled. */
  private writing = 0;
  private flushing: Promise<void> | null = null;
  private flushQueued = false;
  private closed = false;
  private readonly timer: NodeJS.Timeout;
  private readonly dropped: Counter<'reason'>;
  /**
   * Starts a flush in the async context the recorder was made in, not in that of the request
   * whose record filled the buffer: a flush writes every tenant's records, for no one request.
   */
  private readonly flushSoon = AsyncResource.bind(() => {
    this.flushQueued = false;
    this.startFlush();
  });

  constructor(private readonly options: UsageRecorderOptions) {
    this.dropped = new Counter({
      name: 'almanac_usage_records_dropped_total',
      help: 'Usage records lost, by reason: buffer_full (Redis could not keep up), write_failed, closed.',
      labelNames: ['reason'],
      registers: [options.registry],
    });
    // Shown at 0 from the start, so a scrape can tell "none dropped" from "not counted".
    for (const reason of ['buffer_full', 'write_failed'] as const) this.dropped.inc({ reason }, 0);
    this.timer = setInterval(() => this.startFlush(), options.flushIntervalMs);
    this.timer.unref();
  }

  /** Buffers a record, or drops and counts it when the buffer is full. Never throws. */
  record(record: NewUsageRecord): void {
    try {
      if (this.closed) return this.drop('closed', 1);
      if (this.buffer.length + this.writing >= this.options.bufferSize) return this.drop('buffer_full', 1);
      this.buffer.push(record);
      if (this.buffer.length >= this.options.bufferSize / 2 && !this.flushQueued) {
        // Not in the caller's stack: the hook that records returns at once.
        this.flushQueued = true;
        setImmediate(this.flushSoon);
      }
    } catch (error) {
      this.options.logger.error({ err: error }, 'usage: a record could not be buffered');
    }
  }

  /** Records buffered and not yet handed to the writer. */
  get pending(): number {
    return this.buffer.length;
  }

  /**
   * Writes what is buffered: waits for a flush in flight, then hands the buffer to the writer,
   * until the buffer is empty. Resolves when done; failures are logged and counted, not thrown.
   */
  async flush(): Promise<void> {
    while (this.flushing || this.buffer.length > 0) {
      await (this.flushing ?? this.startFlush());
    }
  }

  /** Stops the timer and writes everything left. Records arriving afterwards are dropped. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
    this.closed = true;
  }

  /** Starts a flush unless one is in flight or nothing is buffered; returns the one in flight. */
  private startFlush(): Promise<void> {
    if (this.flushing) return this.flushing;
    if (this.buffer.length === 0) return Promise.resolve();
    const batch = this.buffer;
    this.buffer = [];
    this.writing = batch.length;
    this.flushing = this.writeBatch(batch).finally(() => {
      this.writing = 0;
      this.flushing = null;
      // Half full again while writing: go on at once rather than wait for the timer.
      if (this.buffer.length >= this.options.bufferSize / 2) this.startFlush();
    });
    return this.flushing;
  }

  private async writeBatch(batch: NewUsageRecord[]): Promise<void> {
    try {
      await this.options.write(batch);
    } catch (error) {
      const failed = error instanceof UsageWriteError ? Math.min(error.failed, batch.length) : batch.length;
      this.drop('write_failed', failed);
      this.options.logger.error({ err: error, records: failed }, 'usage: records not written');
    }
  }

  private drop(reason: DropReason, count: number): void {
    this.dropped.inc({ reason }, count);
  }
}
