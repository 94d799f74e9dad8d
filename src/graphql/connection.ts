/**
 * Paged fields: Relay connections (edges, pageInfo, and totalCount where the schema has it) and
 * the opaque cursors that mark a place in them. A cursor is base64url of a prefix naming its
 * list and the key the next page starts after: `metric:["cpu","native"]`, `series:2`.
 *
 * The rule: a key's cursor never changes (clients keep cursors across deployments), and a
 * string the list's codec did not write is refused with a coded UserInputError on `after`,
 * never read as some other place in the list.
 */
import { UserInputError } from '../errors.js';

export interface CursorCodec<K> {
  encode(key: K): string;
  /** The key a cursor of this list carries; refuses any other string. */
  decode(cursor: string): K;
  /** `after` as a key, null when the client sent none. */
  decodeAfter(after: string | null | undefined): K | null;
}

export interface CursorFormat<K> {
  /** Names the list (`metric:`), so one list's cursor is refused by another. */
  prefix: string;
  write(key: K): string;
  /** The key the text after the prefix spells; undefined (or a throw) when it spells none. */
  read(text: string): K | undefined;
  /** The message that refuses a string that is not a cursor of the list. */
  refusal: string;
}

export function cursorCodec<K>({ prefix, write, read, refusal }: CursorFormat<K>): CursorCodec<K> {
  const keyOf = (cursor: string): K | undefined => {
    const text = Buffer.from(cursor, 'base64url').toString('utf8');
    if (!text.startsWith(prefix)) return undefined;
    try {
      return read(text.slice(prefix.length));
    } catch {
      return undefined; // refused below, like any other string the list did not write
    }
  };
  const decode = (cursor: string): K => {
    const key = keyOf(cursor);
    if (key === undefined) throw new UserInputError(refusal, { field: 'after' });
    return key;
  };
  return {
    encode: (key) => Buffer.from(`${prefix}${write(key)}`).toString('base64url'),
    decode,
    decodeAfter: (after) => (after == null ? null : decode(after)),
  };
}

export interface Edge<N> {
  cursor: string;
  node: N;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface PageFacts {
  hasNextPage: boolean;
  /**
   * Where the next page starts, when not after the last node (a scan that stopped early);
   * the last edge's cursor (null for an empty page) when left out.
   */
  endCursor?: string | null;
}

/**
 * A Relay connection of `nodes`, each edge with the cursor `cursorOf` gives it; a connection
 * whose schema has `totalCount` adds it beside.
 */
export function connection<N>(
  nodes: readonly N[],
  cursorOf: (node: N) => string,
  { hasNextPage, endCursor }: PageFacts,
): { edges: Edge<N>[]; pageInfo: PageInfo } {
  const edges = nodes.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: { hasNextPage, endCursor: endCursor === undefined ? (edges.at(-1)?.cursor ?? null) : endCursor },
  };
}
