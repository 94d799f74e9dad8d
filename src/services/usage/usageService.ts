/**
 * Usage records, the query side (the OpenDataDSL reference's `GET /metric/v1` and
 * `GET /metric/v1/{id}`): reads a range expression with the clock, checks the page size, and
 * turns stream positions into opaque cursors. Also the recorder's way into the store.
 */
import type { Clock } from '../../clock.js';
import { evaluateRange } from '../../domain/ranges/rangeExpression.js';
import { UserInputError } from '../../errors.js';
import type { NewUsageRecord, UsageRecord } from '../../domain/usageRecord.js';
import { isStreamId, type UsageFilter, type UsageRecords } from '../../store/usageRecords.js';
import type { UsageWriter } from './usageWriter.js';

export interface UsageQuery {
  filter?: UsageFilter | null;
  /** A range expression; every record kept when absent. */
  range?: string | null;
  timeZone?: string | null;
  first?: number | null;
  after?: string | null;
}

export interface UsageEdge {
  cursor: string;
  record: UsageRecord;
}

export interface UsagePage {
  edges: UsageEdge[];
  hasNextPage: boolean;
  endCursor: string | null;
}

export const MAX_USAGE_PAGE = 1_000;
const DEFAULT_PAGE_SIZE = 50;
const CURSOR_PREFIX = 'usage:';

export class UsageService {
  constructor(
    private readonly records: UsageRecords,
    private readonly writer: UsageWriter,
    private readonly clock: Clock,
  ) {}

  /** A page of the tenant's records, newest first. */
  async page(tenant: string, query: UsageQuery): Promise<UsagePage> {
    const first = query.first ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_USAGE_PAGE) {
      throw new UserInputError(`first must be 1-${MAX_USAGE_PAGE}, got ${first}`, { field: 'first' });
    }
    const range =
      query.range == null
        ? null
        : evaluateRange(query.range, { now: this.clock.now(), timeZone: query.timeZone ?? 'UTC' });
    const after = query.after == null ? null : decodeCursor(query.after);
    const listing = await this.records.list(tenant, query.filter ?? {}, range, first, after);
    return {
      edges: listing.records.map((record) => ({ cursor: encodeCursor(record.id), record })),
      hasNextPage: listing.hasNextPage,
      endCursor: listing.endId === null ? null : encodeCursor(listing.endId),
    };
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

function encodeCursor(id: string): string {
  return Buffer.from(`${CURSOR_PREFIX}${id}`).toString('base64url');
}

function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString();
  const id = text.slice(CURSOR_PREFIX.length);
  if (!text.startsWith(CURSOR_PREFIX) || !isStreamId(id)) {
    throw new UserInputError('after is not a cursor of usageMetrics: pass an edge cursor or endCursor', {
      field: 'after',
    });
  }
  return id;
}
