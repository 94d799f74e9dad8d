/**
 * The cursors of every paged list, each a prefix and the key its next page starts after
 * (connection.ts says how they are made). The rule: these texts are what clients hold between
 * requests, so a format here never changes; a new key shape is a new prefix.
 */
import { isStreamId } from '../store/usageRecords.js';
import { cursorCodec } from './connection.js';

/** Opaque: base64url of the (name, backend) the next page starts after. */
export const metricCursor = cursorCodec<{ name: string; backend: string }>({
  prefix: 'metric:',
  write: ({ name, backend }) => JSON.stringify([name, backend]),
  read: (text) => {
    const [name, backend] = JSON.parse(text) as unknown[];
    return typeof name === 'string' && typeof backend === 'string' ? { name, backend } : undefined;
  },
  refusal: 'after is not a cursor that metrics returned',
});

/** Opaque: base64url of the id the next page starts after. */
export const timeseriesCursor = cursorCodec<string>({
  prefix: 'timeseries:',
  write: (id) => id,
  read: (id) => id,
  refusal: 'after is not a cursor of this list: pass an edge cursor or endCursor',
});

/** Opaque: base64url of the offset of the series the next page starts with. */
export const seriesCursor = cursorCodec<number>({
  prefix: 'series:',
  write: String,
  read: (text) => (/^\d+$/.test(text) ? Number(text) : undefined),
  refusal: 'after is not a cursor this query returned',
});

/** Opaque: base64url of the stream id of the record the next page starts after. */
export const usageCursor = cursorCodec<string>({
  prefix: 'usage:',
  write: (id) => id,
  read: (id) => (isStreamId(id) ? id : undefined),
  refusal: 'after is not a cursor of usageMetrics: pass an edge cursor or endCursor',
});
