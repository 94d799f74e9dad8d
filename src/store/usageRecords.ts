/**
 * Usage records in Redis (the OpenDataDSL reference's metric service): the stream of records of
 * each tenant and the set of its applications that have usage series of their own.
 *
 * Redis, per tenant (the tenant's slot):
 *   store.tenantKey(tenant, 'usage')   a stream, one entry per record, added with `*` ids: the
 *                                      entry id (`<ms>-<seq>`, Redis's clock at the write) is the
 *                                      record's id. Trimmed with MINID to now − retention on
 *                                      every write, and set to expire a retention after the last
 *                                      write, so a tenant gone quiet leaves nothing behind.
 *   store.tenantKey(tenant, 'usage', 'applications')
 *                                      a set of the applications that have series of their own:
 *                                      the first `maxApplications` seen; expires like the stream.
 *
 * The rule: an entry's id is when it was written, not when its request arrived (`timestamp`),
 * and the two differ by the request's duration, the flush delay and any skew between the
 * gateway's and Redis's clocks. Reads by time therefore scan ids with a slack either side
 * and filter on `timestamp` exactly; never trust the id alone for a record's time.
 */
import type { Clock } from '../clock.js';
import type { NewUsageRecord, UsageAction, UsageRecord } from '../domain/usageRecord.js';
import type { Store } from './store.js';

/** The fields a listing can filter on, each matched exactly. */
export const USAGE_FILTER_FIELDS = [
  'action',
  'application',
  'environment',
  'httpstatus',
  'invocationId',
  'method',
  'service',
  'type',
  'user',
] as const satisfies readonly (keyof UsageRecord)[];

export type UsageFilter = Partial<Record<(typeof USAGE_FILTER_FIELDS)[number], string | number | null>>;

/** Unix seconds, start inclusive, end exclusive. */
export interface UsageRange {
  start: number;
  end: number;
}

export interface UsageListing {
  /** Newest first. */
  records: UsageRecord[];
  hasNextPage: boolean;
  /** The stream id to resume after: the last record's, or where the scan stopped; null when none. */
  endId: string | null;
}

export interface UsageRecordsOptions {
  retentionDays: number;
  /** Applications per tenant with series of their own; the rest count as `other`. */
  maxApplications: number;
  /** The recorder's flush interval: part of how late a record may be written. */
  flushIntervalMs: number;
}

/** KEYS[1] the set; ARGV[1] its cap, ARGV[2] its expiry (ms), then names: 1 admitted, 0 not, each. */
const ADMIT_SCRIPT = `
local cap = tonumber(ARGV[1])
local out = {}
for i = 3, #ARGV do
  if redis.call('SISMEMBER', KEYS[1], ARGV[i]) == 1 then
    out[#out + 1] = 1
  elseif redis.call('SCARD', KEYS[1]) < cap then
    redis.call('SADD', KEYS[1], ARGV[i])
    out[#out + 1] = 1
  else
    out[#out + 1] = 0
  end
end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return out`;

interface AdmitCommand {
  almanacAdmitApplications(key: string, cap: number, expiryMs: number, ...names: string[]): Promise<number[]>;
}

/** How far an entry's id may be from its record's timestamp, besides the flush interval. */
const ID_SLACK_MS = 10 * 60_000;
/** Entries read per XREVRANGE. */
const SCAN_BATCH = 1_000;
/**
 * Entries one listing examines at most: a filter that matches little must not read a month
 * of traffic in one request. A page cut short says so with `hasNextPage` and resumes where
 * the scan stopped.
 */
const MAX_SCANNED = 20_000;
const DAY_MS = 86_400_000;
/** A stream id: milliseconds and a sequence number, each at most 2^64 − 1. */
const STREAM_ID = /^(\d{1,20})-(\d{1,20})$/;
const MAX_ID_PART = 2n ** 64n - 1n;

type StreamEntry = [id: string, fields: string[]];

export class UsageRecords {
  private readonly retentionMs: number;
  private readonly slackMs: number;
  private readonly maxApplications: number;
  private readonly redis: Store['redis'] & AdmitCommand;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    options: UsageRecordsOptions,
  ) {
    // Sent by its SHA once loaded, as the ingest script is (seriesStore.ts).
    store.redis.defineCommand('almanacAdmitApplications', { numberOfKeys: 1, lua: ADMIT_SCRIPT });
    this.redis = store.redis as Store['redis'] & AdmitCommand;
    this.retentionMs = options.retentionDays * DAY_MS;
    this.maxApplications = options.maxApplications;
    this.slackMs = ID_SLACK_MS + options.flushIntervalMs;
  }

  /** The tenant's records newest first, after the stream id `after`, matching `filter` and `range`. */
  async list(
    tenant: string,
    filter: UsageFilter,
    range: UsageRange | null,
    first: number,
    after: string | null,
  ): Promise<UsageListing> {
    const floor = this.retentionFloor();
    const low = range ? Math.max(floor, range.start * 1000 - this.slackMs) : floor;
    let high = after !== null ? `(${after}` : range ? String(range.end * 1000 + this.slackMs) : '+';
    const records: UsageRecord[] = [];
    let scanned = 0;
    let lastId: string | null = null;
    for (;;) {
      const count = Math.min(SCAN_BATCH, MAX_SCANNED - scanned);
      const entries = (await this.store.redis.xrevrange(
        this.key(tenant),
        high,
        String(low),
        'COUNT',
        count,
      )) as StreamEntry[];
      for (const [id, fields] of entries) {
        scanned += 1;
        lastId = id;
        const record = recordOf(tenant, id, fields);
        if (!inRange(record, range) || !matches(record, filter)) continue;
        records.push(record);
        if (records.length > first) {
          records.length = first;
          return { records, hasNextPage: true, endId: records.at(-1)?.id ?? null };
        }
      }
      if (entries.length < count) return { records, hasNextPage: false, endId: records.at(-1)?.id ?? null };
      if (scanned >= MAX_SCANNED) return { records, hasNextPage: true, endId: lastId };
      high = `(${lastId}`;
    }
  }

  /** One record by id; null for an unknown, expired or malformed id. */
  async get(tenant: string, id: string): Promise<UsageRecord | null> {
    if (!isStreamId(id) || Number(id.slice(0, id.indexOf('-'))) < this.retentionFloor()) return null;
    const entries = (await this.store.redis.xrange(this.key(tenant), id, id)) as StreamEntry[];
    const [entry] = entries;
    return entry ? recordOf(tenant, entry[0], entry[1]) : null;
  }

  /** XADDs the records in one pipeline (one slot: the tenant's), in the order given; returns them with their ids. */
  async append(tenant: string, records: readonly NewUsageRecord[]): Promise<UsageRecord[]> {
    const key = this.key(tenant);
    const minId = String(Math.max(0, this.retentionFloor()));
    const pipeline = this.store.redis.pipeline();
    for (const record of records) pipeline.xadd(key, 'MINID', '~', minId, '*', ...fieldsOf(record));
    pipeline.pexpire(key, this.retentionMs);
    const results = (await pipeline.exec()) ?? [];
    return records.map((record, index) => {
      const [error, id] = results[index] ?? [new Error('no reply to XADD'), null];
      if (error) throw error;
      return { ...record, id: String(id) };
    });
  }

  /**
   * Which of `names` have series of their own: those in the tenant's set, and new ones in the
   * order given while the set has room (one script call, atomic, so replicas flushing at once
   * never admit more than the cap).
   */
  async admitApplications(tenant: string, names: readonly string[]): Promise<Set<string>> {
    if (names.length === 0) return new Set();
    const key = this.store.tenantKey(tenant, 'usage', 'applications');
    const flags = await this.redis.almanacAdmitApplications(key, this.maxApplications, this.retentionMs, ...names);
    return new Set(names.filter((_name, index) => flags[index] === 1));
  }

  /** Entries with ids below this (ms) are past retention, whether or not trimmed yet. */
  private retentionFloor(): number {
    return this.clock.now().getTime() - this.retentionMs;
  }

  private key(tenant: string): string {
    return this.store.tenantKey(tenant, 'usage');
  }
}

/** Whether `id` is a stream id Redis would accept: garbage must never reach Redis as an error. */
export function isStreamId(id: string): boolean {
  const parsed = STREAM_ID.exec(id);
  return parsed !== null && BigInt(parsed[1] ?? '') <= MAX_ID_PART && BigInt(parsed[2] ?? '') <= MAX_ID_PART;
}

function fieldsOf(record: NewUsageRecord): string[] {
  return [
    'action',
    record.action,
    'application',
    record.application,
    'detail',
    record.detail,
    'duration',
    String(record.duration),
    // Always present, so every entry has the same fields and Redis stores their names once.
    'environment',
    record.environment ?? '',
    'httpstatus',
    String(record.httpstatus),
    'invocationId',
    record.invocationId,
    'method',
    record.method,
    'responseSize',
    String(record.responseSize),
    'service',
    record.service,
    'timestamp',
    String(record.timestamp),
    'type',
    record.type,
    'user',
    record.user,
    'value',
    String(record.value),
  ];
}

function recordOf(tenant: string, id: string, fields: readonly string[]): UsageRecord {
  const value = new Map<string, string>();
  for (let index = 0; index + 1 < fields.length; index += 2) value.set(fields[index] ?? '', fields[index + 1] ?? '');
  const text = (name: string): string => value.get(name) ?? '';
  const number = (name: string): number => Number(value.get(name) ?? 0);
  return {
    id,
    tenant,
    action: text('action') as UsageAction,
    application: text('application'),
    detail: text('detail'),
    duration: number('duration'),
    environment: text('environment') || null,
    httpstatus: number('httpstatus'),
    invocationId: text('invocationId'),
    method: text('method'),
    responseSize: number('responseSize'),
    service: text('service'),
    timestamp: number('timestamp'),
    type: 'api',
    user: text('user'),
    value: number('value'),
  };
}

function inRange(record: UsageRecord, range: UsageRange | null): boolean {
  return range === null || (record.timestamp >= range.start * 1000 && record.timestamp < range.end * 1000);
}

function matches(record: UsageRecord, filter: UsageFilter): boolean {
  for (const field of USAGE_FILTER_FIELDS) {
    const wanted = filter[field];
    if (wanted !== undefined && wanted !== null && record[field] !== wanted) return false;
  }
  return true;
}
