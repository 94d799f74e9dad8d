/**
 * The time window and resolution of a series query, as the AppOptics reference defines them:
 * `start`, `end` (default now) and `duration` (setting all three is an error), and a
 * resolution in seconds to which point times are floored. When no resolution is asked for,
 * the finest stored level is chosen that keeps each series under the point limit.
 */
import { UserInputError } from '../errors.js';

export interface WindowInput {
  start?: number | null;
  end?: number | null;
  duration?: number | null;
}

export interface Window {
  /** Inclusive, Unix seconds. */
  start: number;
  /** Exclusive, Unix seconds. */
  end: number;
}

/** The reference's largest resolution: one week. */
export const MAX_RESOLUTION = 604_800;

export function resolveWindow({ start, end, duration }: WindowInput, now: number): Window {
  if (start != null && end != null && duration != null) {
    throw new UserInputError('set at most two of start, end and duration: all three over-determine the window', {
      field: 'duration',
    });
  }
  if (duration != null && duration <= 0)
    throw new UserInputError(`duration must be positive, got ${duration}`, { field: 'duration' });
  const to = end ?? (start != null && duration != null ? start + duration : now);
  const from = start ?? (duration != null ? to - duration : null);
  if (from == null)
    throw new UserInputError('give start or duration: the window needs a beginning', { field: 'start' });
  if (from >= to)
    throw new UserInputError(`the window is empty: start ${from} is not before end ${to}`, { field: 'start' });
  return { start: from, end: to };
}

export interface Level {
  /** 'raw' or a rollup grain in seconds. */
  name: 'raw' | number;
  /** The finest resolution the level can give. */
  grain: number;
  /** The resolution chosen for the level when none is asked for (default its grain). */
  step?: number;
  /** How far back (seconds before now) the level keeps data. */
  retention: number;
}

export interface ResolutionChoice {
  level: Level;
  resolution: number;
}

/**
 * The level a query reads and the resolution it returns. An explicit resolution must be a
 * multiple of a level's grain that still holds the window's start; the coarsest such level is
 * read (fewest points to combine). Without one, the finest level whose grain keeps the window
 * under `maxPoints` points and still holds its start.
 */
export function chooseResolution(
  window: Window,
  resolution: number | null | undefined,
  levels: readonly Level[],
  now: number,
  maxPoints: number,
): ResolutionChoice {
  const holding = levels.filter((level) => now - level.retention <= window.start);
  if (resolution != null) {
    if (!Number.isInteger(resolution) || resolution < 1 || resolution > MAX_RESOLUTION) {
      throw new UserInputError(
        `resolution must be a whole number of seconds from 1 to ${MAX_RESOLUTION}, got ${resolution}`,
        { field: 'resolution' },
      );
    }
    const usable = holding.filter((level) => resolution % level.grain === 0).sort((a, b) => b.grain - a.grain)[0];
    if (!usable) {
      const offered = holding.map((level) => level.grain).join(', ') || 'none';
      throw new UserInputError(
        `resolution ${resolution} s is not available for a window starting ${new Date(window.start * 1000).toISOString()}: use a multiple of ${offered} s`,
        { field: 'resolution' },
      );
    }
    return { level: usable, resolution };
  }
  const span = window.end - window.start;
  const stepOf = (level: Level): number => level.step ?? level.grain;
  const fits = [...holding].sort((a, b) => stepOf(a) - stepOf(b)).find((level) => span / stepOf(level) <= maxPoints);
  if (fits) return { level: fits, resolution: stepOf(fits) };
  const coarsest = [...holding].sort((a, b) => b.grain - a.grain)[0];
  if (!coarsest) throw new UserInputError('no stored level holds data that old', { field: 'start' });
  return {
    level: coarsest,
    resolution: Math.min(MAX_RESOLUTION, Math.ceil(span / maxPoints / coarsest.grain) * coarsest.grain),
  };
}

/**
 * Resolutions chosen when a query names none and no backend answering it keeps stored levels
 * (backend.ts `SeriesMetric.resolution`): round steps, finest first, none expiring.
 */
export const ROUND_LEVELS: readonly Level[] = [
  { name: 'raw', grain: 1, step: 60, retention: Number.MAX_SAFE_INTEGER },
  { name: 300, grain: 300, retention: Number.MAX_SAFE_INTEGER },
  { name: 900, grain: 900, retention: Number.MAX_SAFE_INTEGER },
  { name: 3_600, grain: 3_600, retention: Number.MAX_SAFE_INTEGER },
  { name: 86_400, grain: 86_400, retention: Number.MAX_SAFE_INTEGER },
];
