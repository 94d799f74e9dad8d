/**
 * The usage recorder keeps requests off Redis's path: it buffers, drops and counts when full,
 * writes in batches one at a time, and writes what is left when closed. The writers here are
 * plain functions standing in for the usage store.
 */
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { NewUsageRecord } from '../../src/domain/usageRecord.js';
import { UsageRecorder, UsageWriteError, type UsageWriter } from '../../src/services/usage/usageRecorder.js';

const silent = pino({ level: 'silent' });
const recorders: UsageRecorder[] = [];
afterEach(async () => {
  await Promise.all(recorders.splice(0).map((recorder) => recorder.close()));
});

function usage(n: number): NewUsageRecord {
  return {
    tenant: 'acme',
    action: 'read',
    application: 'api',
    detail: 'Query.serverInfo',
    duration: 1.5,
    environment: null,
    httpstatus: 200,
    invocationId: `request-${n}`,
    method: 'post',
    responseSize: 42,
    service: 'serverInfo',
    timestamp: 1_767_225_600_000 + n,
    type: 'api',
    user: 'admin',
    value: 1,
  };
}

function recorderWith(write: UsageWriter, options: { bufferSize?: number; flushIntervalMs?: number } = {}) {
  const registry = new Registry();
  const recorder = new UsageRecorder({
    write,
    registry,
    logger: silent,
    bufferSize: options.bufferSize ?? 100,
    flushIntervalMs: options.flushIntervalMs ?? 60_000,
  });
  recorders.push(recorder);
  return { recorder, registry };
}

async function dropped(registry: Registry, reason: string): Promise<number> {
  const metric = await registry.getSingleMetric('almanac_usage_records_dropped_total')?.get();
  return metric?.values.find((value) => value.labels.reason === reason)?.value ?? 0;
}

/** A writer that keeps every batch and can be held: batches wait until released. */
function heldWriter() {
  const batches: NewUsageRecord[][] = [];
  let release: () => void = () => undefined;
  let gate = new Promise<void>((resolve) => (release = resolve));
  const write: UsageWriter = async (records) => {
    batches.push([...records]);
    await gate;
  };
  return {
    write,
    batches,
    release: () => release(),
    hold: () => {
      gate = new Promise<void>((resolve) => (release = resolve));
    },
  };
}

describe('UsageRecorder', () => {
  it('counts both reasons at 0 before anything was dropped', async () => {
    const { registry } = recorderWith(async () => undefined);
    const text = await registry.metrics();
    expect(text).toMatch(/^almanac_usage_records_dropped_total\{reason="buffer_full"\} 0$/m);
    expect(text).toMatch(/^almanac_usage_records_dropped_total\{reason="write_failed"\} 0$/m);
  });

  it('a full buffer drops further records and counts each as buffer_full', async () => {
    const writer = heldWriter();
    const { recorder, registry } = recorderWith(writer.write, { bufferSize: 10 });
    for (let n = 0; n < 4; n++) recorder.record(usage(n));
    expect(recorder.pending).toBe(4);
    const flushed = recorder.flush(); // 4 in flight, held by the writer
    for (let n = 4; n < 15; n++) recorder.record(usage(n));
    // 4 being written + 6 buffered = 10: the other 5 were dropped.
    expect(recorder.pending).toBe(6);
    expect(await dropped(registry, 'buffer_full')).toBe(5);
    writer.release();
    await flushed;
    expect(writer.batches.flat().map((record) => record.invocationId)).toEqual(
      Array.from({ length: 10 }, (_, n) => `request-${n}`),
    );
    expect(await dropped(registry, 'write_failed')).toBe(0);
  });

  it('record never throws and returns before the writer runs, even when the writer throws at once', async () => {
    let calls = 0;
    const { recorder, registry } = recorderWith(() => {
      calls += 1;
      throw new Error('redis is gone');
    });
    expect(() => {
      for (let n = 0; n < 500; n++) recorder.record(usage(n));
    }).not.toThrow();
    // The buffer (100) was half full after 50 records: the flush is queued, never run in record().
    expect(calls).toBe(0);
    expect(await dropped(registry, 'buffer_full')).toBe(400);
    // Then the writer runs, throws, and its records are counted as lost, not thrown.
    await expect.poll(() => dropped(registry, 'write_failed'), { timeout: 1_000, interval: 5 }).toBe(100);
    expect(calls).toBe(1);
  });

  it('flushes on its own when the buffer is half full', async () => {
    const written: NewUsageRecord[] = [];
    const { recorder } = recorderWith(async (records) => void written.push(...records), { bufferSize: 10 });
    for (let n = 0; n < 5; n++) recorder.record(usage(n));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(written).toHaveLength(5);
    expect(recorder.pending).toBe(0);
  });

  it('flushes every flushIntervalMs', async () => {
    const written: NewUsageRecord[] = [];
    const { recorder } = recorderWith(async (records) => void written.push(...records), { flushIntervalMs: 20 });
    recorder.record(usage(1));
    await expect.poll(() => written.length, { timeout: 1_000, interval: 10 }).toBe(1);
  });

  it('has at most one flush in flight', async () => {
    const writer = heldWriter();
    const { recorder } = recorderWith(writer.write, { bufferSize: 1_000, flushIntervalMs: 10 });
    recorder.record(usage(1));
    await expect.poll(() => writer.batches.length, { timeout: 1_000, interval: 5 }).toBe(1);
    recorder.record(usage(2));
    await new Promise((resolve) => setTimeout(resolve, 60)); // several ticks while the first is held
    expect(writer.batches).toHaveLength(1);
    writer.release();
    await expect.poll(() => writer.batches.length, { timeout: 1_000, interval: 5 }).toBe(2);
  });

  it('close writes every record left, in one go after the flush in flight', async () => {
    const writer = heldWriter();
    const { recorder } = recorderWith(writer.write, { bufferSize: 1_000 });
    recorder.record(usage(1));
    const first = recorder.flush();
    recorder.record(usage(2));
    recorder.record(usage(3));
    const closed = recorder.close();
    writer.release();
    await first;
    writer.release();
    await closed;
    expect(writer.batches.map((batch) => batch.map((record) => record.invocationId))).toEqual([
      ['request-1'],
      ['request-2', 'request-3'],
    ]);
    expect(recorder.pending).toBe(0);
  });

  it('a rejected batch is logged and counted as write_failed, and later batches are still written', async () => {
    let fail = true;
    const written: NewUsageRecord[] = [];
    const lines: string[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => void lines.push(line) });
    const registry = new Registry();
    const recorder = new UsageRecorder({
      write: async (records) => {
        if (fail) throw new Error('READONLY You cannot write against a read only replica.');
        written.push(...records);
      },
      registry,
      logger,
      bufferSize: 100,
      flushIntervalMs: 60_000,
    });
    recorders.push(recorder);
    for (let n = 0; n < 3; n++) recorder.record(usage(n));
    await recorder.flush();
    expect(await dropped(registry, 'write_failed')).toBe(3);
    expect(lines.join('')).toContain('usage: records not written');
    expect(lines.join('')).toContain('READONLY');

    fail = false;
    recorder.record(usage(9));
    await recorder.close();
    expect(written.map((record) => record.invocationId)).toEqual(['request-9']);
    expect(await dropped(registry, 'write_failed')).toBe(3);
  });

  it('a partly failed batch counts only the records the writer says it lost', async () => {
    const { recorder, registry } = recorderWith(async () => {
      throw new UsageWriteError(2, { cause: new Error('one tenant failed') });
    });
    for (let n = 0; n < 5; n++) recorder.record(usage(n));
    await recorder.flush();
    expect(await dropped(registry, 'write_failed')).toBe(2);
  });

  it('drops and counts records that arrive after close', async () => {
    const { recorder, registry } = recorderWith(async () => undefined);
    await recorder.close();
    recorder.record(usage(1));
    expect(recorder.pending).toBe(0);
    expect(await dropped(registry, 'closed')).toBe(1);
  });
});
