/**
 * How the native store composes arbitrary time buckets (a calendar's days, months, ... in any
 * time zone) from its ladder of levels without reading raw points: each bucket is cut into the
 * fewest aligned pieces, coarsest first — whole UTC days in the middle, then whole hours, then
 * whole quarter hours at its edges, and raw points only for what no rollup grain divides. A
 * month in Europe/Berlin (boundaries at 22:00 or 23:00 UTC) is ~30 daily states and one or two
 * hourly states at each end; a day in Asia/Kathmandu (+05:45) is hours plus a quarter hour.
 *
 * The rule a reader must not break: a piece at grain g starts and ends on multiples of g, so it
 * is exactly a run of whole stored buckets, and a bucket's pieces tile it in time order — then
 * combining their states (bucketState.ts) gives the bucket's state exactly.
 *
 * A level is used for a piece only where its retention still holds it; past that the piece is
 * cut finer, and where no level holds it (e.g. a quarter hour older than the 15-minute
 * rollups' retention) it is read from raw chunks that have expired too — such buckets come
 * back without those samples, and `expired` says so. Such expired parts are left out of the
 * plan, so nothing is read for them.
 */
import type { TimeRange } from '../../domain/calendar/calendarBuckets.js';
import { floorTo, type RollupGrain } from './seriesLayout.js';

export type PieceLevel = 'raw' | RollupGrain;

export interface Piece {
  /** Index of the bucket the piece belongs to. */
  bucket: number;
  level: PieceLevel;
  start: number;
  end: number;
}

export interface BucketPlan {
  /** Every bucket's pieces, bucket by bucket, each bucket's in time order. */
  pieces: Piece[];
  /** The levels used, coarsest first. */
  levels: PieceLevel[];
  /** Whether some piece lies past the retention of the only level that could compose it. */
  expired: boolean;
  /** The pieces clipped to what their level still holds, the expired parts left out: what to read. */
  readable: Piece[];
}

/** The earliest time each level still holds, given "now" and the level's retention. */
export type HeldSince = (level: PieceLevel) => number;

const COARSEST_FIRST: readonly RollupGrain[] = [86_400, 3_600, 900];

export function planBuckets(buckets: readonly TimeRange[], heldSince: HeldSince): BucketPlan {
  const pieces: Piece[] = [];
  let expired = false;
  buckets.forEach(({ start, end }, bucket) => {
    for (const piece of decompose(start, end, COARSEST_FIRST, heldSince)) {
      pieces.push({ bucket, ...piece });
      if (piece.start < heldSince(piece.level)) expired = true;
    }
  });
  const used = new Set(pieces.map((piece) => piece.level));
  const levels = [...COARSEST_FIRST, 'raw' as const].filter((level) => used.has(level));
  return { pieces, levels, expired, readable: readableParts(pieces, heldSince) };
}

/**
 * The parts of the pieces that their level still holds: what is worth reading. What lies
 * before a level's retention is gone, and reading it would cost a command per expired chunk
 * for nothing (a century of #P1Y buckets is ~440,000 raw chunks per series).
 */
function readableParts(pieces: readonly Piece[], heldSince: HeldSince): Piece[] {
  return pieces.flatMap((piece) => {
    const since = heldSince(piece.level);
    const held = piece.level === 'raw' ? since : ceilTo(since, piece.level);
    if (piece.end <= held) return [];
    return [{ ...piece, start: Math.max(piece.start, held) }];
  });
}

function decompose(
  start: number,
  end: number,
  grains: readonly RollupGrain[],
  heldSince: HeldSince,
): Omit<Piece, 'bucket'>[] {
  if (start >= end) return [];
  const [grain, ...finer] = grains;
  if (grain === undefined) return [{ level: 'raw', start, end }];
  // The whole grains of [start, end) that the level still holds; older ones are cut finer.
  const inner = { start: Math.max(ceilTo(start, grain), ceilTo(heldSince(grain), grain)), end: floorTo(end, grain) };
  if (inner.start >= inner.end) return decompose(start, end, finer, heldSince);
  return [
    ...decompose(start, inner.start, finer, heldSince),
    { level: grain, ...inner },
    ...decompose(inner.end, end, finer, heldSince),
  ];
}

function ceilTo(time: number, step: number): number {
  return Math.ceil(time / step) * step;
}
