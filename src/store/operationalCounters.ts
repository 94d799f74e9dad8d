/**
 * Operational counters in Redis (the Perseo reference's `/admin/metrics`): one tree of counters
 * per service and subservice that every replica adds to.
 *
 * Redis, on one slot (`{ops}`) so that each script below may touch all three keys:
 *   store.operationalKey('counters')            hash: a field per counter,
 *                                               `<service>:<subservice>:<raw field>` → its total
 *   store.operationalKey('subservices')         set: the `<service>:<subservice>` pairs counted
 *   store.operationalKey('subservice-counts')   hash: service → how many subservices it has
 * Service names cannot contain `:` (tenancy) and raw field names do not, so a field splits at
 * its first and last `:` whatever the subservice holds.
 *
 * The rule a reader must not break: a recording's increments are one script on these keys
 * (which also bounds the subservices per service), and a take (get-and-reset) is one script on
 * them. Redis runs both atomically, so each increment lands in exactly one snapshot: none is
 * lost between read and reset, and none is counted twice. Both are defined commands, sent by
 * their SHA once loaded, as the ingest script is (seriesStore.ts).
 */
import { isRawField, type CounterEntry, type RawField } from '../domain/operationalMetricsTree.js';
import type { Store } from './store.js';

/** Where increments are counted: a service (a tenant) and one of its subservices. */
export interface CounterPlace {
  service: string;
  subservice: string;
}

/**
 * Adds increments unless the subservice is new and its service already has its fill.
 * KEYS: counters hash, known-subservices set, per-service count hash.
 * ARGV: service, "<service>:<subservice>", cap, then field/amount pairs.
 */
const ADD_SCRIPT = `
if redis.call('SISMEMBER', KEYS[2], ARGV[2]) == 0 then
  if tonumber(redis.call('HGET', KEYS[3], ARGV[1]) or '0') >= tonumber(ARGV[3]) then return 0 end
  redis.call('SADD', KEYS[2], ARGV[2])
  redis.call('HINCRBY', KEYS[3], ARGV[1], 1)
end
for i = 4, #ARGV, 2 do redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1]) end
return 1
`;

/**
 * Takes (reads and deletes) the fields starting with ARGV[1] — the whole hash when it is
 * empty — and forgets the subservices it covered. KEYS as ADD_SCRIPT's; ARGV[2] the service.
 */
const TAKE_SCRIPT = `
local prefix = ARGV[1]
local all = redis.call('HGETALL', KEYS[1])
if prefix == '' then
  redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
  return all
end
local taken = {}
for i = 1, #all, 2 do
  if string.sub(all[i], 1, #prefix) == prefix then
    taken[#taken + 1] = all[i]
    taken[#taken + 1] = all[i + 1]
    redis.call('HDEL', KEYS[1], all[i])
  end
end
for _, member in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  if string.sub(member, 1, #prefix) == prefix then redis.call('SREM', KEYS[2], member) end
end
redis.call('HDEL', KEYS[3], ARGV[2])
return taken
`;

type CounterKeys = [counters: string, subservices: string, subserviceCounts: string];

interface CounterCommands {
  almanacAddOperationalCounters(...keysThenArgs: [...CounterKeys, ...(string | number)[]]): Promise<number>;
  almanacTakeOperationalCounters(...keysThenArgs: [...CounterKeys, string, string]): Promise<string[]>;
}

export class OperationalCounters {
  private readonly redis: Store['redis'] & CounterCommands;
  /** The counters hash, the known-subservices set and the per-service count, in script order. */
  private readonly keys: CounterKeys;

  constructor(store: Store) {
    store.redis.defineCommand('almanacAddOperationalCounters', { numberOfKeys: 3, lua: ADD_SCRIPT });
    store.redis.defineCommand('almanacTakeOperationalCounters', { numberOfKeys: 3, lua: TAKE_SCRIPT });
    this.redis = store.redis as Store['redis'] & CounterCommands;
    this.keys = [
      store.operationalKey('counters'),
      store.operationalKey('subservices'),
      store.operationalKey('subservice-counts'),
    ];
  }

  /**
   * Adds each amount to its raw field of `place`, all at once; nothing when the subservice is
   * new and its service counts `maxSubservices` already.
   */
  async add(place: CounterPlace, increments: readonly [RawField, number][], maxSubservices: number): Promise<void> {
    if (increments.length === 0) return;
    const subservice = `${place.service}:${place.subservice}`;
    const args = increments.flatMap(([field, amount]) => [`${subservice}:${field}`, amount]);
    await this.redis.almanacAddOperationalCounters(...this.keys, place.service, subservice, maxSubservices, ...args);
  }

  /** The counters of `service`, or of every service when null. */
  async read(service: string | null): Promise<CounterEntry[]> {
    const prefix = fieldPrefix(service);
    const all = await this.redis.hgetall(this.keys[0]);
    return entriesOf(Object.entries(all).filter(([field]) => field.startsWith(prefix)));
  }

  /** Reads the counters of `service` (every service when null) and resets them, in one atomic step. */
  async take(service: string | null): Promise<CounterEntry[]> {
    const taken = await this.redis.almanacTakeOperationalCounters(...this.keys, fieldPrefix(service), service ?? '');
    const pairs: [string, string][] = [];
    for (let i = 0; i + 1 < taken.length; i += 2) pairs.push([taken[i] ?? '', taken[i + 1] ?? '']);
    return entriesOf(pairs);
  }
}

function fieldPrefix(service: string | null): string {
  return service === null ? '' : `${service}:`;
}

function entriesOf(pairs: Iterable<[string, string]>): CounterEntry[] {
  const entries: CounterEntry[] = [];
  for (const [field, value] of pairs) {
    const entry = entryOf(field, value);
    if (entry) entries.push(entry);
  }
  return entries;
}

/** `<service>:<subservice>:<raw field>` → an entry; null for a field this version does not know. */
function entryOf(field: string, value: string): CounterEntry | null {
  const first = field.indexOf(':');
  const last = field.lastIndexOf(':');
  if (first < 0 || last <= first) return null;
  const raw = field.slice(last + 1);
  if (!isRawField(raw)) return null;
  return { service: field.slice(0, first), subservice: field.slice(first + 1, last), field: raw, value: Number(value) };
}
