/**
 * Wall-clock time in an IANA time zone, on top of luxon (the project's one time-zone library): the
 * two conversions range expressions need between an instant and what a clock on the wall reads.
 *
 * A wall-clock reading is kept as a luxon DateTime in UTC whose fields are the local fields; it has
 * no DST, so calendar arithmetic on it (plus a month, start of the ISO week) is plain calendar math.
 *
 * The rule: a reading that the clocks skip or repeat resolves as RFC 5545 and Temporal's
 * "compatible" do — skipped: moved forward by the length of the gap (02:30 → 03:30); repeated:
 * the earlier of the two instants. Never convert a reading with `DateTime.fromObject(…, { zone })`:
 * luxon guesses the offset from the current real time, so the answer would change with the season.
 */
import { DateTime, IANAZone } from 'luxon';

const DAY_MS = 86_400_000;

/** The zone named `timeZone`, or undefined if it is not an IANA time zone name. */
export function ianaZone(timeZone: string): IANAZone | undefined {
  return IANAZone.isValidZone(timeZone) ? IANAZone.create(timeZone) : undefined;
}

/** What the wall clock in `instant`'s zone reads at `instant`. */
export function wallClockAt(instant: DateTime): DateTime {
  return instant.setZone('UTC', { keepLocalTime: true });
}

/**
 * The instant at which the wall clock in `zone` reads `wall`. luxon's `set` resolves a reading
 * with the UTC offset of the DateTime it is called on when that offset fits the reading, and moves
 * a skipped reading forward; starting from the offset in force a day earlier — before any change
 * near the reading, as no zone changes its offset twice in a day — makes a repeated reading the
 * earlier one. The tests pin both cases with literal instants.
 */
export function instantAt(wall: DateTime, zone: IANAZone): DateTime {
  return DateTime.fromMillis(wall.toMillis() - DAY_MS, { zone }).set(wall.toObject());
}
