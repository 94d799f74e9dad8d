/**
 * Usage records, the query side (the OpenDataDSL reference's `GET /metric/v1` and
 * `GET /metric/v1/{id}`): reads a range expression with the clock and checks the page size;
 * pages start after a record's stream id (the GraphQL edge makes cursors of them). Also the
 * recorder's way into the store.
 */
import type { Clock } from '../../clock.js';
import { evaluateRange } from '../../domain/ranges/rangeExpression.js';
import { UserInputError } from '../../errors.js';
import type { NewUsageRecord, UsageRecord } from '../../domain/usageRecord.js';
import { type UsageFilter, type UsageListing, type UsageRecords } from '../../store/usageRecords.js';
import type { UsageWriter } from './usageWriter.js';

export interface UsageQuery {
  filter?: UsageFilter | null;
  /** A range expression; every record kept when absent. */
  range?: string | null;
  timeZone?: string | null;
  first?: number | null;
  /** The id of the record the page starts after (one store/usageRecords.ts's `isStreamId` accepts). */
  after?: string | null;
}

/** Whether `id` can name a usage record: a stream id. */

export const MAX_USAGE_PAGE = 1_000;
const DEFAULT_PAGE_SIZE = 50;

export class UsageService {
  constructor(
    private readonly records: UsageRecords,
    private readonly writer: UsageWriter,
    private readonly clock: Clock,
  ) {}

  /** A page of the tenant's records, newest first. */
  async page(tenant: string, query: UsageQuery): Promise<UsageListing> {
    const first = query.first ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_USAGE_PAGE) {
      throw new UserInputError(`first must be 1-${MAX_USAGE_PAGE}, got ${first}`, { field: 'first' });
    }
    const range =
      query.range == null
        ? null
        : evaluateRange(query.range, { now: this.clock.now(), timeZone: query.timeZone ?? 'UTC' });
    return this.records.list(tenant, query.filter ?? {}, range, first, query.after ?? null);
  }

  /** One record; null when the tenant has none by that id (or it expired). */
  get(tenant: string, id: string): Promise<UsageRecord | null> {
    return this.records.get(tenant, id);
  }

  /** Writes a flush of the usage recorder. */
  write(records: readonly NewUsageRecord[]): Promise<void> {
    return this.writer.write(records);
  }
}
