/**
 * A time zone's local clock: the UTC offset in force at each instant, read from luxon (IANA
 * data through Intl), and the instants at which the clock shows a given local time.
 *
 * Times are Unix seconds. A *wall time* is a local clock reading written as if it were UTC
 * (seconds since 1970-01-01T00:00 local), so `wall = instant + offset`. A gap (clocks go
 * forward) skips some wall times; an overlap (clocks go back) shows some twice.
 *
 * Offsets are asked of the library once per UTC day and cached; a day whose start and end
 * offsets differ is searched to the second for its transition. The rule: a UTC day is assumed
 * to hold at most one transition (true of the zones in use; a day with two that cancel out
 * would be seen as holding none). No zone arithmetic is written here beyond `wall = instant +
 * offset`: where a zone's clock changes, and by how much, always comes from the library.
 */
import { IANAZone } from 'luxon';
import { UserInputError } from '../../errors.js';

const DAY = 86_400;
/** Farther than any UTC offset: the instants showing a wall time lie within this of it. */
const REACH = 16 * 3_600;

/** A change of offset: `before` is in force until `at`, `after` from `at` on (seconds east of UTC). */
export interface Transition {
  at: number;
  before: number;
  after: number;
}

export class ZoneClock {
  private readonly dayStartOffsets = new Map<number, number>();
  private readonly dayTransitions = new Map<number, Transition | null>();

  private constructor(
    readonly timeZone: string,
    private readonly zone: IANAZone,
  ) {}

  /** The clock of an IANA zone; an unknown name is a UserInputError naming it. */
  static of(timeZone: string): ZoneClock {
    if (!IANAZone.isValidZone(timeZone)) {
      throw new UserInputError(
        `unknown time zone "${timeZone}": use an IANA time zone name such as UTC, Europe/Berlin or America/New_York`,
        { field: 'timeZone' },
      );
    }
    return new ZoneClock(timeZone, IANAZone.create(timeZone));
  }

  /** The offset (seconds east of UTC) in force at instant `t`. */
  offsetAt(t: number): number {
    const day = Math.floor(t / DAY);
    const transition = this.transitionOfDay(day);
    if (transition === null) return this.dayStartOffset(day);
    return t < transition.at ? transition.before : transition.after;
  }

  /** The transitions with `from <= at < to`, in order. */
  transitionsBetween(from: number, to: number): Transition[] {
    const found: Transition[] = [];
    for (let day = Math.floor(from / DAY); day * DAY < to; day++) {
      const transition = this.transitionOfDay(day);
      if (transition !== null && transition.at >= from && transition.at < to) found.push(transition);
    }
    return found;
  }

  /** The instants at which the clock shows `wall`, in order: none (a gap skips it), one, or two (an overlap). */
  instantsAt(wall: number): number[] {
    const transitions = this.transitionsBetween(wall - REACH, wall + REACH);
    const instants: number[] = [];
    let from = wall - REACH;
    let offset = this.offsetAt(from);
    for (const transition of [...transitions, { at: wall + REACH, before: offset, after: offset }]) {
      const instant = wall - offset;
      if (instant >= from && instant < transition.at) instants.push(instant);
      from = transition.at;
      offset = transition.after;
    }
    return instants;
  }

  /** Where a gap skips `wall`, the transition instant ending the gap; otherwise undefined. */
  gapEndSkipping(wall: number): number | undefined {
    return this.transitionsBetween(wall - REACH, wall + REACH).find(
      ({ at, before, after }) => at + before <= wall && wall < at + after,
    )?.at;
  }

  private transitionOfDay(day: number): Transition | null {
    const cached = this.dayTransitions.get(day);
    if (cached !== undefined) return cached;
    const before = this.dayStartOffset(day);
    const transition = before === this.dayStartOffset(day + 1) ? null : this.searchTransition(day, before);
    this.dayTransitions.set(day, transition);
    return transition;
  }

  /** The first second of `day` whose offset is not `before` (the day's start and end offsets differ). */
  private searchTransition(day: number, before: number): Transition {
    let unchanged = day * DAY;
    let changed = (day + 1) * DAY;
    while (changed - unchanged > 1) {
      const middle = Math.floor((unchanged + changed) / 2);
      if (this.libraryOffset(middle) === before) unchanged = middle;
      else changed = middle;
    }
    return { at: changed, before, after: this.libraryOffset(changed) };
  }

  private dayStartOffset(day: number): number {
    let offset = this.dayStartOffsets.get(day);
    if (offset === undefined) {
      offset = this.libraryOffset(day * DAY);
      this.dayStartOffsets.set(day, offset);
    }
    return offset;
  }

  private libraryOffset(t: number): number {
    // luxon answers in minutes, fractional for the few historical offsets with seconds.
    return Math.round(this.zone.offset(t * 1_000) * 60);
  }
}
