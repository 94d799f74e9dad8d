/**
 * Calendar codes, as the OpenDataDSL reference writes them: `#PT{n}S`, `#PT{n}M`, `#PT{n}H`
 * (fixed intervals of local clock time), `#P1D`, `#P1W` (ISO weeks, Monday first), `#P1M`,
 * `#P3M` (quarters) and `#P1Y`.
 *
 * The rule: a fixed interval must divide 24 hours evenly and be shorter than a day. Sub-day
 * buckets are aligned to local midnight, so only such an interval gives every local day the
 * same slots (00:00, 00:15, ...) with no ragged last bucket; a day-long bucket is `#P1D`, whose
 * DST handling differs (see calendarBuckets.ts). Anything else is refused with the valid forms.
 */
import { UserInputError } from '../../errors.js';

export const SECONDS_PER_DAY = 86_400;

export type CalendarUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

export type Calendar =
  /** Slots of `seconds` of local clock time from local midnight; `seconds` divides a day. */
  | { kind: 'interval'; code: string; seconds: number; labelPrecision: 'minute' | 'second' }
  /** Local calendar units, each starting at a local midnight. */
  | { kind: 'unit'; code: string; unit: CalendarUnit };

export const VALID_CALENDAR_FORMS =
  '#PT{n}S, #PT{n}M or #PT{n}H (n ≥ 1, an interval that divides 24 hours evenly and is shorter than a day, ' +
  'e.g. #PT30S, #PT5M, #PT15M, #PT1H, #PT6H), #P1D, #P1W (ISO week), #P1M, #P3M (quarter) or #P1Y';

const UNIT_CODES: Readonly<Record<string, CalendarUnit>> = {
  '#P1D': 'day',
  '#P1W': 'week',
  '#P1M': 'month',
  '#P3M': 'quarter',
  '#P1Y': 'year',
};

const INTERVAL = /^#PT([1-9][0-9]{0,5})([SMH])$/;
const UNIT_SECONDS = { S: 1, M: 60, H: 3_600 } as const;
const UNIT_NAMES = { S: 'seconds', M: 'minutes', H: 'hours' } as const;

/** Parses a calendar code; throws UserInputError naming the code and listing the valid forms. */
export function parseCalendar(code: string): Calendar {
  const unit = UNIT_CODES[code];
  if (unit !== undefined) return { kind: 'unit', code, unit };
  const match = INTERVAL.exec(code);
  if (match === null) {
    throw new UserInputError(`unknown calendar "${code}": use ${VALID_CALENDAR_FORMS}`, { field: 'calendar' });
  }
  const count = Number(match[1]);
  const letter = match[2] as keyof typeof UNIT_SECONDS;
  const seconds = count * UNIT_SECONDS[letter];
  if (seconds >= SECONDS_PER_DAY || SECONDS_PER_DAY % seconds !== 0) {
    throw new UserInputError(
      `calendar "${code}": ${count} ${UNIT_NAMES[letter]} does not divide a day into equal slots ` +
        `(a day-long bucket is #P1D); use ${VALID_CALENDAR_FORMS}`,
      { field: 'calendar' },
    );
  }
  return { kind: 'interval', code, seconds, labelPrecision: seconds % 60 === 0 ? 'minute' : 'second' };
}
