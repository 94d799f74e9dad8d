/** The source of "now". Passed in everywhere time matters, so tests can set it exactly. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
